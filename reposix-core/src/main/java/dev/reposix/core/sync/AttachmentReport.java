package dev.reposix.core.sync;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What one sync did with attachment files. Immutable and thread-safe.
 *
 * @param downloaded files downloaded (new attachments and new versions)
 * @param moved files moved with their page, without a download
 * @param removed files removed (deleted attachments, or files of deleted pages)
 * @param tooLarge new or changed attachments above {@code REPOSIX_ATTACHMENT_MAX_BYTES}, linked in
 *     the source of truth instead of downloaded
 * @since 0.1
 */
public record AttachmentReport(int downloaded, int moved, int removed, List<TooLarge> tooLarge) {

    private static final AttachmentReport NONE = new AttachmentReport(0, 0, 0, List.of());

    /**
     * Validates and copies.
     *
     * @param downloaded downloaded count
     * @param moved moved count
     * @param removed removed count
     * @param tooLarge the files left in the source of truth
     */
    public AttachmentReport {
        tooLarge = List.copyOf(requireNonNull(tooLarge, "tooLarge is null"));
    }

    /**
     * A report of a sync that touched no attachment.
     *
     * @return the empty report
     */
    public static AttachmentReport none() {
        return NONE;
    }

    /**
     * An attachment not downloaded because of its size.
     *
     * @param recordId the page it is attached to
     * @param fileName its file name
     * @param size its size in bytes
     * @param link where the page's Markdown links to it
     */
    public record TooLarge(String recordId, String fileName, long size, String link) {

        /**
         * Validates.
         *
         * @param recordId the page
         * @param fileName the file name
         * @param size the size
         * @param link the link
         */
        public TooLarge {
            requireNonNull(recordId, "recordId is null");
            requireNonNull(fileName, "fileName is null");
            requireNonNull(link, "link is null");
        }
    }
}
