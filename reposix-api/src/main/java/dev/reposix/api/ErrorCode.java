package dev.reposix.api;

/**
 * A stable, documented error: {@code RPX-nnnn}, a name, a category and a one-line remedy.
 *
 * <p>An interface so that third-party backends define their own codes, usually as an enum whose
 * constants each hold an {@link ErrorInfo}. Numbers are allocated by range, so parallel work never
 * collides: 0xxx api/core, 1xxx http/egress, 2xxx confluence, 3xxx git and cache, 4xxx push, 5xxx
 * mirror, 9xxx third-party backends. A number is never reused for another meaning.
 * Implementations are immutable and thread-safe.
 *
 * @since 0.1
 */
public interface ErrorCode {

    /**
     * A constant-like name such as {@code EGRESS_DENIED}; an enum's {@code name()} fits.
     *
     * @return the name
     */
    String name();

    /**
     * The number, category and explanation of this code.
     *
     * @return the description
     */
    ErrorInfo info();

    /**
     * The number behind {@code RPX-nnnn}.
     *
     * @return the number
     */
    default int number() {
        return info().number();
    }

    /**
     * The category, which decides the exit code of the CLI.
     *
     * @return the category
     */
    default ErrorCategory category() {
        return info().category();
    }

    /**
     * The stable code, e.g. {@code RPX-1001}.
     *
     * @return the formatted code
     */
    default String code() {
        return format(number());
    }

    /**
     * Formats a code number as {@code RPX-nnnn}.
     *
     * @param number the code number, 0 to 9999
     * @return the formatted code
     */
    static String format(int number) {
        if (number < 0 || number > 9999) {
            throw new IllegalArgumentException("error code number must be 0..9999: " + number);
        }
        return String.format("RPX-%04d", number);
    }
}
