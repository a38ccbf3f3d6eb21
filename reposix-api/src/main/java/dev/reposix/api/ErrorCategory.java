package dev.reposix.api;

/**
 * The broad kind of an error, which decides how a caller reacts to it (the CLI maps each category
 * to one exit code).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public enum ErrorCategory {
    /** The user's input, settings or environment is wrong; fixing them fixes the error. */
    USER,
    /** Someone else changed the same thing; fetch, merge and retry. */
    CONFLICT,
    /** The source of truth, the network or the egress policy refused or failed. */
    EXTERNAL,
    /** A bug in reposix or a backend; please report it. */
    INTERNAL
}
