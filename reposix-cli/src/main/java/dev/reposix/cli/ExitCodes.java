package dev.reposix.cli;

import dev.reposix.api.ErrorCategory;

/**
 * The exit codes of {@code reposix}, in one place (documented in docs/reference/exit-codes.md).
 *
 * <p>Immutable and thread-safe.
 */
public final class ExitCodes {

    /** Success, including "nothing to do". */
    public static final int OK = 0;
    /** A bug: an unexpected failure inside reposix. */
    public static final int INTERNAL = 1;
    /** Wrong usage, input, settings or environment. */
    public static final int USER = 2;
    /** Someone else changed the same thing: fetch, merge, retry. */
    public static final int CONFLICT = 3;
    /** The source of truth, the network or the egress policy refused or failed. */
    public static final int EXTERNAL = 4;

    private ExitCodes() {
    }

    /**
     * The exit code for an error category.
     *
     * @param category the category
     * @return the exit code
     */
    public static int of(ErrorCategory category) {
        switch (category) {
            case USER:
                return USER;
            case CONFLICT:
                return CONFLICT;
            case EXTERNAL:
                return EXTERNAL;
            default:
                return INTERNAL;
        }
    }
}
