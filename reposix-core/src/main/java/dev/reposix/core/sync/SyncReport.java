package dev.reposix.core.sync;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What one sync did, for the CLI to print and embedders to inspect. Immutable and thread-safe.
 *
 * @param cache the cache directory
 * @param head the commit {@code main} points at after the sync, empty for an empty project
 * @param created records that got a file for the first time
 * @param updated records whose file changed because of a new version
 * @param moved records whose file moved without a new version (or was re-linked)
 * @param deleted records whose file was removed
 * @param commits commits added to {@code main}
 * @param syncTag the sync tag created, empty when nothing changed
 * @param restored files in the records folder that had been changed without reposix (e.g. pushed
 *     straight to a mirror) and were put back as the source of truth has them, sorted
 * @param attachments what the sync did with attachment files
 * @since 0.1
 */
public record SyncReport(Path cache, Optional<String> head, int created, int updated, int moved, int deleted,
        int commits, Optional<String> syncTag, List<String> restored, AttachmentReport attachments) {

    /**
     * Validates.
     *
     * @param cache the cache
     * @param head the head
     * @param created created count
     * @param updated updated count
     * @param moved moved count
     * @param deleted deleted count
     * @param commits commit count
     * @param syncTag the tag
     * @param restored the restored files
     * @param attachments the attachment report
     */
    public SyncReport {
        requireNonNull(cache, "cache is null");
        requireNonNull(head, "head is null");
        requireNonNull(syncTag, "syncTag is null");
        restored = List.copyOf(restored);
        requireNonNull(attachments, "attachments is null");
    }

    /**
     * A report with no restored files.
     *
     * @param cache the cache
     * @param head the head
     * @param created created count
     * @param updated updated count
     * @param moved moved count
     * @param deleted deleted count
     * @param commits commit count
     * @param syncTag the tag
     */
    public SyncReport(Path cache, Optional<String> head, int created, int updated, int moved, int deleted,
            int commits, Optional<String> syncTag) {
        this(cache, head, created, updated, moved, deleted, commits, syncTag, List.of(), AttachmentReport.none());
    }

    /**
     * Whether the sync changed anything.
     *
     * @return {@code true} when commits were added
     */
    public boolean changed() {
        return commits > 0;
    }
}
