package dev.reposix.core.push;

import dev.reposix.api.Attachment;
import dev.reposix.api.ManifestEntry;
import dev.reposix.api.NewRecord;
import dev.reposix.api.Record;
import dev.reposix.api.RecordId;
import dev.reposix.api.RecordUpdate;
import dev.reposix.api.ReposixException;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.api.UpdateOutcome;
import dev.reposix.git.GitErrorCode;
import dev.reposix.git.TreeReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a checked plan to the source of truth, in order: creates (parents first), attachment
 * uploads (a new page's files need its id), updates (so that bodies reference files that exist),
 * attachment deletes, deletes.
 * Before the first write it writes an intent journal into the cache, so an interrupted push is
 * visible to the next one. Server-controlled data (ids, versions, authors) is never taken from
 * files: only titles, bodies, labels, parents and status travel. When a write fails, the writes
 * that landed are named in the error. Backends record each write in the audit log themselves
 * (through their context's audit sink). Not thread-safe.
 */
final class PushApplier {

    private final SourceOfTruth source;
    private final TreeReader trees;

    PushApplier(SourceOfTruth source, TreeReader trees) {
        this.source = source;
        this.trees = trees;
    }

    /**
     * Writes the journal, then every write that is not settled already.
     *
     * @return what the source of truth holds for each created and updated record
     */
    List<Written> apply(PushPlan plan, ConflictCheck.Result checked, Path cacheDirectory) {
        writeJournal(plan, cacheDirectory);
        List<Written> written = new ArrayList<>();
        Map<String, RecordId> createdIds = new HashMap<>();
        try {
            for (PlannedWrite.Create create : plan.creates()) {
                Optional<RecordId> parent = create.parent().or(() -> create.parentCreatedFrom().map(createdIds::get));
                ManifestEntry entry = source.create(new NewRecord(create.file().title(), parent,
                        Set.copyOf(create.file().labels()), create.file().body()));
                createdIds.put(create.path(), entry.id());
                written.add(new Written(create, entry.id(), Optional.of(entry), Optional.empty()));
            }
            for (PlannedWrite.AttachmentUpload upload : plan.uploads()) {
                RecordId page = upload.page().orElseGet(() -> createdIds.get(upload.pagePath()));
                if (checked.settledAttachments().contains(upload)) {
                    written.add(Written.attachment(upload, page, checked.currentAttachments().get(upload), true));
                    continue;
                }
                Attachment stored = source.writeAttachment(page, upload.fileName(), upload.mediaType(),
                        trees.readBlob(upload.blob()), plan.message());
                written.add(Written.attachment(upload, page, stored, false));
            }
            for (PlannedWrite.Update update : plan.updates()) {
                if (checked.settled().contains(update.id())) {
                    Record now = checked.current().get(update.id());
                    written.add(new Written(update, update.id(), Optional.of(now.entry()), Optional.of(now.body())));
                    continue;
                }
                RecordUpdate request = new RecordUpdate(update.id(), checked.expectedVersions().get(update.id()),
                        update.file().title(), update.parent(), update.file().body(), update.labelsToAdd(),
                        update.labelsToRemove(), update.status(), Optional.of(plan.message()));
                UpdateOutcome outcome = source.update(request);
                if (outcome instanceof UpdateOutcome.Conflict) {
                    throw new ReposixException(PushErrorCode.FETCH_FIRST, "\"" + update.file().title() + "\" ("
                            + update.path() + ") was changed in Confluence while this push was being applied");
                }
                UpdateOutcome.Updated updated = (UpdateOutcome.Updated) outcome;
                written.add(new Written(update, update.id(), Optional.of(updated.entry()), updated.storedBody()));
            }
            for (PlannedWrite.AttachmentDelete delete : plan.attachmentDeletes()) {
                boolean settled = checked.settledAttachments().contains(delete);
                if (!settled) {
                    source.deleteAttachment(checked.currentAttachments().get(delete));
                }
                written.add(new Written(delete, delete.page(), Optional.empty(), Optional.empty(), Optional.empty(),
                        settled));
            }
            for (PlannedWrite.Delete delete : plan.deletes()) {
                if (!checked.settled().contains(delete.id())) {
                    source.delete(delete.id());
                }
                written.add(new Written(delete, delete.id(), Optional.empty(), Optional.empty()));
            }
            return written;
        } catch (ReposixException failure) {
            if (written.isEmpty()) {
                if (failure.errorCode() == PushErrorCode.FETCH_FIRST) {
                    // a version conflict wrote nothing: no half-way push for the next one to report
                    deleteJournal(cacheDirectory);
                }
                throw failure;
            }
            List<String> landed = written.stream().map(w -> describe(w)).toList();
            String message = failure.getMessage() + ". Already written before it stopped: " + String.join(", ", landed)
                    + ". Push again once the cause is fixed: pages and files already written are recognised and not"
                    + " written twice";
            throw new ReposixException(failure.errorCode() == PushErrorCode.FETCH_FIRST ? PushErrorCode.FETCH_FIRST
                    : PushErrorCode.INTERRUPTED, message, failure);
        }
    }

    private static String describe(Written written) {
        PlannedWrite write = written.write();
        String verb = write instanceof PlannedWrite.Create ? "created"
                : write instanceof PlannedWrite.Update ? "updated"
                : write instanceof PlannedWrite.AttachmentUpload ? "uploaded"
                : write instanceof PlannedWrite.AttachmentDelete ? "deleted attachment" : "deleted";
        return verb + " " + written.write().path() + " (page " + written.id().value() + ")";
    }

    private static void deleteJournal(Path cacheDirectory) {
        try {
            Files.deleteIfExists(cacheDirectory.resolve(Pushes.JOURNAL_FILE));
        } catch (IOException unremovable) {
            // the next push then only prints a needless note; the rejection is what matters
        }
    }

    private static void writeJournal(PushPlan plan, Path cacheDirectory) {
        StringBuilder journal = new StringBuilder("# reposix push of " + plan.pushed().name() + " by " + plan.pusher()
                + "\n");
        for (PlannedWrite write : plan.writes()) {
            String line;
            if (write instanceof PlannedWrite.Update update) {
                line = "update " + update.id().value();
            } else if (write instanceof PlannedWrite.Delete delete) {
                line = "delete " + delete.id().value();
            } else if (write instanceof PlannedWrite.AttachmentUpload upload) {
                line = "upload-attachment " + upload.page().map(RecordId::value).orElse("new");
            } else if (write instanceof PlannedWrite.AttachmentDelete delete) {
                line = "delete-attachment " + delete.page().value() + " " + delete.attachmentId();
            } else {
                line = "create new";
            }
            journal.append(line).append(' ').append(write.path()).append('\n');
        }
        try {
            Files.writeString(cacheDirectory.resolve(Pushes.JOURNAL_FILE), journal, StandardCharsets.UTF_8);
        } catch (IOException unwritable) {
            throw new ReposixException(GitErrorCode.CACHE_IO, "cannot write the push journal in " + cacheDirectory
                    + " (" + unwritable.getMessage() + "); nothing was written to Confluence. Make the cache directory"
                    + " writable (or free disk space) and push again", unwritable);
        }
    }

    /**
     * One write that landed (or was already in place).
     *
     * @param write the planned write
     * @param id the record (for a create, its new id; for an attachment write, its page)
     * @param entry the record's entry after the write; empty for a delete and an attachment write
     * @param storedBody the stored body in neutral Markdown, when known without reading it back
     * @param attachment the attachment as stored, for an upload
     * @param settled whether the source of truth held what was pushed already (no request was made)
     */
    record Written(PlannedWrite write, RecordId id, Optional<ManifestEntry> entry, Optional<String> storedBody,
            Optional<Attachment> attachment, boolean settled) {

        Written(PlannedWrite write, RecordId id, Optional<ManifestEntry> entry, Optional<String> storedBody) {
            this(write, id, entry, storedBody, Optional.empty(), false);
        }

        static Written attachment(PlannedWrite.AttachmentUpload upload, RecordId page, Attachment stored,
                boolean settled) {
            return new Written(upload, page, Optional.empty(), Optional.empty(), Optional.of(stored), settled);
        }

        /**
         * Whether the write was to a page rather than to one of its attachments.
         *
         * @return true for a page create, update or delete
         */
        boolean isPage() {
            return !(write instanceof PlannedWrite.AttachmentUpload || write instanceof PlannedWrite.AttachmentDelete);
        }
    }
}
