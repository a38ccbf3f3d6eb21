package dev.reposix.api;

/**
 * The result of {@link SourceOfTruth#delete(RecordId)}. Deleting twice is not an error.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public enum DeleteOutcome {
    /** The record was deleted (or moved to the trash, where the source of truth has one). */
    DELETED,
    /** There was nothing to delete: the record was already gone. */
    ALREADY_ABSENT
}
