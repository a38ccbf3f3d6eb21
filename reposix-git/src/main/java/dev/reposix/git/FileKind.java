package dev.reposix.git;

import java.util.List;
import org.eclipse.jgit.lib.FileMode;

/**
 * The kind of a tree entry: what {@link CommitDraft} writes (a regular file, mode 100644, unless
 * the caller asks for an executable one, 100755) and what {@link TreeReader#diff} reports, which
 * may also be a symbolic link or a submodule. Immutable and thread-safe.
 *
 * @since 0.1
 */
public enum FileKind {
    /** A regular, non-executable file. */
    REGULAR(FileMode.REGULAR_FILE),
    /** An executable file. */
    EXECUTABLE(FileMode.EXECUTABLE_FILE),
    /** A symbolic link (120000); its blob holds the target path. */
    SYMLINK(FileMode.SYMLINK),
    /** A submodule (160000): a commit of another repository, no content here. */
    SUBMODULE(FileMode.GITLINK);

    private final FileMode mode;

    FileKind(FileMode mode) {
        this.mode = mode;
    }

    FileMode mode() {
        return mode;
    }

    /**
     * The kind of a raw tree-entry mode.
     *
     * @param rawMode the mode bits as stored in a tree
     * @return the kind; anything that is not a link, submodule or executable counts as regular
     */
    public static FileKind of(int rawMode) {
        for (FileKind kind : List.of(SYMLINK, SUBMODULE, EXECUTABLE)) {
            if (kind.mode.equals(rawMode)) {
                return kind;
            }
        }
        return REGULAR;
    }
}
