package dev.reposix.core.layout;

import static java.util.Objects.requireNonNull;

import dev.reposix.api.RecordId;
import dev.reposix.api.RecordKind;
import java.util.Optional;

/**
 * Where one record lives in the working tree. Paths are relative to the tree root, separated by
 * {@code /} on every platform, e.g. {@code pages/Ops/Runbook.md}. Immutable and thread-safe.
 *
 * @param id the record
 * @param kind a document (a {@code .md} file) or a folder (a plain directory)
 * @param path the record's file, or its directory for a folder
 * @param childrenFolder the directory holding the record's children, if the layout nests them
 */
public record Placement(RecordId id, RecordKind kind, String path, Optional<String> childrenFolder) {

    /**
     * Validates.
     *
     * @param id the record
     * @param kind the kind
     * @param path the path
     * @param childrenFolder the children's directory
     */
    public Placement {
        requireNonNull(id, "id is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(path, "path is null");
        requireNonNull(childrenFolder, "childrenFolder is null");
        if (kind == RecordKind.DOCUMENT && !path.endsWith(".md")) {
            throw new IllegalArgumentException("a document's path must end in .md: " + path);
        }
    }

    /**
     * Whether the record is rendered as a file (documents) rather than a directory (folders).
     *
     * @return true for documents
     */
    public boolean isFile() {
        return kind == RecordKind.DOCUMENT;
    }
}
