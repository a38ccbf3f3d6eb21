package dev.reposix.core;

import dev.reposix.api.ErrorCategory;
import dev.reposix.api.ErrorCode;
import dev.reposix.api.ErrorInfo;

/**
 * Error codes of reposix core (range 01xx of the api/core block).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public enum CoreErrorCode implements ErrorCode {
    /** No provider is registered for the scheme of a remote. */
    UNKNOWN_SCHEME(new ErrorInfo(101, ErrorCategory.USER,
            "The remote names a backend scheme that no installed provider serves.",
            "Use one of the schemes listed by `reposix backends`, or put the backend's jar on the class path"
                    + " (REPOSIX_CLASSPATH).",
            "reposix init confluence::ENG ./eng")),
    /** Two providers claim one scheme. */
    DUPLICATE_SCHEME(new ErrorInfo(102, ErrorCategory.USER,
            "Two backend providers on the class path claim the same scheme, so reposix cannot choose.",
            "Remove one of the two jars named in the message from the class path.",
            "")),
    /** A remote spec could not be parsed. */
    INVALID_REMOTE(new ErrorInfo(103, ErrorCategory.USER,
            "A remote must be written as <scheme>::<project>, for example confluence::ENG.",
            "Write the remote as <scheme>::<project>.",
            "reposix init confluence::ENG ./eng")),
    /** A tree was asked for with another layout than its cache uses. */
    LAYOUT_MISMATCH(new ErrorInfo(104, ErrorCategory.USER,
            "The cache of this remote already renders records with the other layout (tree or flat); one"
                    + " cache has one layout.",
            "Run without --layout, or point REPOSIX_CACHE_DIR elsewhere for a tree with the other layout.",
            "REPOSIX_CACHE_DIR=/tmp/flat-cache reposix init --layout flat confluence::ENG ./eng-flat")),
    /** The cache's refs moved during a sync, so the sync applied nothing. */
    CACHE_MOVED(new ErrorInfo(105, ErrorCategory.CONFLICT,
            "Another process changed the cache's refs while this sync was running; to stay consistent, this"
                    + " sync changed nothing.",
            "Run the command again.",
            "")),
    /** A directory given for a new working tree is not empty. */
    DIRECTORY_NOT_EMPTY(new ErrorInfo(106, ErrorCategory.USER,
            "reposix init creates a new working tree and will not write into a directory that has files.",
            "Choose a new or empty directory.",
            "reposix init confluence::ENG ./eng")),
    /** A command that needs a working tree ran outside one. */
    NOT_A_TREE(new ErrorInfo(107, ErrorCategory.USER,
            "The directory is not a working tree made by reposix init (it has no .reposix/config).",
            "Run the command inside a reposix working tree, or create one with reposix init.",
            "reposix init confluence::ENG ./eng && cd eng && reposix sync")),
    /** An unexpected failure inside reposix. */
    INTERNAL_ERROR(new ErrorInfo(199, ErrorCategory.INTERNAL,
            "reposix hit a condition it did not expect: a bug.",
            "Run again with --verbose and report the output (it contains no secrets).",
            ""));

    private final ErrorInfo info;

    CoreErrorCode(ErrorInfo info) {
        this.info = info;
    }

    @Override
    public ErrorInfo info() {
        return info;
    }
}
