package dev.reposix.core.push;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * What an accepted push did: the files behind each kind of write, and whether the cache got a
 * follow-up commit the pusher receives with the next {@code git pull}. Immutable and thread-safe.
 *
 * @param created files that became new pages
 * @param updated files whose pages were changed
 * @param deleted files whose pages went to the trash
 * @param unchanged files whose pages already held what was pushed (e.g. a re-push)
 * @param followUpFiles files the follow-up commit changes (what Confluence stored differs from what was pushed)
 * @param followUp the follow-up commit's id, if there is one
 * @param uploaded files uploaded as attachments (new ones or new versions)
 * @param deletedAttachments files whose attachments were deleted
 * @since 0.1
 */
public record PushReport(List<String> created, List<String> updated, List<String> deleted, List<String> unchanged,
        List<String> followUpFiles, Optional<String> followUp, List<String> uploaded,
        List<String> deletedAttachments) {

    /**
     * Validates and copies.
     *
     * @param created created
     * @param updated updated
     * @param deleted deleted
     * @param unchanged unchanged
     * @param followUpFiles follow-up files
     * @param followUp follow-up commit
     * @param uploaded uploaded files
     * @param deletedAttachments files whose attachments were deleted
     */
    public PushReport {
        created = List.copyOf(created);
        updated = List.copyOf(updated);
        deleted = List.copyOf(deleted);
        unchanged = List.copyOf(unchanged);
        followUpFiles = List.copyOf(followUpFiles);
        requireNonNull(followUp, "followUp is null");
        uploaded = List.copyOf(uploaded);
        deletedAttachments = List.copyOf(deletedAttachments);
    }

    /**
     * A report of a push without attachment writes.
     *
     * @param created created
     * @param updated updated
     * @param deleted deleted
     * @param unchanged unchanged
     * @param followUpFiles follow-up files
     * @param followUp follow-up commit
     */
    public PushReport(List<String> created, List<String> updated, List<String> deleted, List<String> unchanged,
            List<String> followUpFiles, Optional<String> followUp) {
        this(created, updated, deleted, unchanged, followUpFiles, followUp, List.of(), List.of());
    }

    /**
     * One line for the pusher, e.g. {@code 1 page(s) created, 2 updated, 0 deleted}, followed by
     * {@code ; 1 attachment(s) uploaded, 0 deleted} when the push wrote attachments.
     *
     * @return the summary
     */
    public String summary() {
        return created.size() + " page(s) created, " + updated.size() + " updated, " + deleted.size() + " deleted"
                + (unchanged.isEmpty() ? "" : ", " + unchanged.size() + " already up to date")
                + (uploaded.isEmpty() && deletedAttachments.isEmpty() ? "" : "; " + uploaded.size()
                        + " attachment(s) uploaded, " + deletedAttachments.size() + " deleted");
    }
}
