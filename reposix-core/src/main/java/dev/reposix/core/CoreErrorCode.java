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
