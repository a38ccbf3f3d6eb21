package dev.reposix.git;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;

/**
 * One file that differs between two trees, as reported by {@link TreeReader#diff}. Renames are not
 * detected at this layer: a rename is a deletion plus an addition. Immutable and thread-safe.
 *
 * @param kind added, modified or deleted
 * @param path the file's path
 * @param oldBlob the blob before, empty when added
 * @param newBlob the blob after, empty when deleted
 * @param newKind the kind of the entry after (regular, executable, link, submodule), empty when deleted
 * @since 0.1
 */
public record PathChange(Kind kind, String path, Optional<ObjectId> oldBlob, Optional<ObjectId> newBlob,
        Optional<FileKind> newKind) {

    /** What happened to a path. */
    public enum Kind {
        /** The path exists only in the new tree. */
        ADDED,
        /** The path exists in both trees with another blob or mode. */
        MODIFIED,
        /** The path exists only in the old tree. */
        DELETED
    }

    /**
     * Validates that the blobs match the kind.
     *
     * @param kind the kind
     * @param path the path
     * @param oldBlob the old blob
     * @param newBlob the new blob
     * @param newKind the new entry's kind
     */
    public PathChange {
        requireNonNull(kind, "kind is null");
        requireNonNull(path, "path is null");
        requireNonNull(oldBlob, "oldBlob is null");
        requireNonNull(newBlob, "newBlob is null");
        requireNonNull(newKind, "newKind is null");
        if (oldBlob.isPresent() == (kind == Kind.ADDED) || newBlob.isPresent() == (kind == Kind.DELETED)
                || newKind.isPresent() != newBlob.isPresent()) {
            throw new IllegalArgumentException("blobs do not match " + kind + " for " + path);
        }
    }
}
