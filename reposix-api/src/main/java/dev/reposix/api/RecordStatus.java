package dev.reposix.api;

/**
 * The lifecycle state of a record in its source of truth.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public enum RecordStatus {
    /** Published and live; the only status reposix renders by default. */
    CURRENT,
    /** Not yet published. */
    DRAFT,
    /** Kept but retired. */
    ARCHIVED,
    /** In the trash; may still be restored in the source of truth. */
    TRASHED
}
