package dev.reposix.core.push;

import static java.util.Objects.requireNonNull;

import dev.reposix.core.layout.TreeConfig;
import dev.reposix.git.SyncState;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;

/**
 * What a push will write, in order: page creates (parents before children), attachment uploads (a
 * new page's files need its id), page updates (so that bodies reference files that exist), attachment
 * deletes, then page deletes, so that links stay valid. Planned from the pushed commit against the sync state behind its base;
 * nothing has been written yet. Immutable and thread-safe.
 *
 * @param stateCommit the commit the base state belongs to (the base, or its nearest ancestor with one)
 * @param baseState the source of truth's state behind that commit
 * @param pushed the pushed commit
 * @param config the tree's {@code .reposix/config}
 * @param creates new records, parents first
 * @param updates changed records
 * @param deletes removed records
 * @param uploads files in pages' {@code .assets} folders that are new or changed
 * @param attachmentDeletes files removed from the {@code .assets} folders of pages that stay
 * @param message the version message (the pushed commit's subject)
 * @param pusher who pushed ({@code Name <email>} of the pushed commit's committer), for the audit log
 * @since 0.1
 */
public record PushPlan(ObjectId stateCommit, SyncState baseState, ObjectId pushed, TreeConfig config,
        List<PlannedWrite.Create> creates, List<PlannedWrite.Update> updates, List<PlannedWrite.Delete> deletes,
        List<PlannedWrite.AttachmentUpload> uploads, List<PlannedWrite.AttachmentDelete> attachmentDeletes,
        String message, String pusher) {

    /**
     * Validates and copies.
     *
     * @param stateCommit the state commit
     * @param baseState the base state
     * @param pushed the pushed commit
     * @param config the tree config
     * @param creates the creates
     * @param updates the updates
     * @param deletes the deletes
     * @param uploads the attachment uploads
     * @param attachmentDeletes the attachment deletes
     * @param message the version message
     * @param pusher the pusher
     */
    public PushPlan {
        requireNonNull(stateCommit, "stateCommit is null");
        requireNonNull(baseState, "baseState is null");
        requireNonNull(pushed, "pushed is null");
        requireNonNull(config, "config is null");
        creates = List.copyOf(creates);
        updates = List.copyOf(updates);
        deletes = List.copyOf(deletes);
        uploads = List.copyOf(uploads);
        attachmentDeletes = List.copyOf(attachmentDeletes);
        requireNonNull(message, "message is null");
        requireNonNull(pusher, "pusher is null");
    }

    /**
     * Every write, in the order they are applied.
     *
     * @return the writes
     */
    public List<PlannedWrite> writes() {
        return Stream.of(creates.stream(), uploads.stream(), updates.stream(), attachmentDeletes.stream(),
                deletes.stream()).flatMap(s -> s)
                .map(PlannedWrite.class::cast).toList();
    }

    /**
     * Whether the push changes no record at all (e.g. it only touches files outside the records folder).
     *
     * @return true when there is nothing to write
     */
    public boolean isEmpty() {
        return creates.isEmpty() && updates.isEmpty() && deletes.isEmpty() && uploads.isEmpty()
                && attachmentDeletes.isEmpty();
    }

    /**
     * How many deletes the push makes, pages and attachments alike, for the bulk-delete cap.
     *
     * @return the number of page and attachment deletes
     */
    public int deleteCount() {
        return deletes.size() + attachmentDeletes.size();
    }
}
