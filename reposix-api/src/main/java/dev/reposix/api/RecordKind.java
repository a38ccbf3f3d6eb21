package dev.reposix.api;

/**
 * What a record is: a document with a body, or a folder that only groups other records.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public enum RecordKind {
    /** A record with a body, rendered as a Markdown file. */
    DOCUMENT,
    /** A container without a body (a Confluence folder), rendered as a plain directory. */
    FOLDER
}
