package dev.reposix.git;

import org.eclipse.jgit.lib.FileMode;

/**
 * The kind of a file written by {@link CommitDraft}: a regular file (mode 100644) unless the caller
 * asks for an executable one (100755). Immutable and thread-safe.
 *
 * @since 0.1
 */
public enum FileKind {
    /** A regular, non-executable file. */
    REGULAR(FileMode.REGULAR_FILE),
    /** An executable file. */
    EXECUTABLE(FileMode.EXECUTABLE_FILE);

    private final FileMode mode;

    FileKind(FileMode mode) {
        this.mode = mode;
    }

    FileMode mode() {
        return mode;
    }
}
