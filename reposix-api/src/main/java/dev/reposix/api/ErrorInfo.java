package dev.reposix.api;

import static java.util.Objects.requireNonNull;

/**
 * What reposix knows about an {@link ErrorCode}: its number, category and the text that
 * {@code reposix explain} prints.
 *
 * <p>Immutable and thread-safe.
 *
 * @param number the number behind {@code RPX-nnnn}, 0 to 9999
 * @param category decides the CLI's exit code
 * @param cause what usually causes the error, in one or two sentences
 * @param remedy what to do next, in one line
 * @param example a command or setting that illustrates the situation or the fix; may be empty
 * @since 0.1
 */
public record ErrorInfo(int number, ErrorCategory category, String cause, String remedy, String example) {

    /**
     * Validates.
     *
     * @param number the number
     * @param category the category
     * @param cause the cause
     * @param remedy the remedy
     * @param example the example
     */
    public ErrorInfo {
        if (number < 0 || number > 9999) {
            throw new IllegalArgumentException("error code number must be 0..9999: " + number);
        }
        requireNonNull(category, "category is null");
        requireNonNull(cause, "cause is null");
        requireNonNull(remedy, "remedy is null");
        requireNonNull(example, "example is null");
    }
}
