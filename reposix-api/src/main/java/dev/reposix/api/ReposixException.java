package dev.reposix.api;

import static java.util.Objects.requireNonNull;

/**
 * The one unchecked exception of reposix: every failure that a user may see carries an
 * {@link ErrorCode}. The message says what went wrong and what to do next, and never contains a
 * secret.
 *
 * <p>Expected outcomes (a version conflict on update, nothing to do) are results, not exceptions.
 *
 * <p>Immutable once created; safe to pass between threads.
 *
 * @since 0.1
 */
public class ReposixException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ErrorCode errorCode;

    /**
     * Creates an exception with a code and a message.
     *
     * @param errorCode the error code
     * @param message what went wrong and what to do next; must not contain secrets
     */
    public ReposixException(ErrorCode errorCode, String message) {
        this(errorCode, message, null);
    }

    /**
     * Creates an exception with a code, a message and a cause.
     *
     * @param errorCode the error code
     * @param message what went wrong and what to do next; must not contain secrets
     * @param cause the underlying failure, or {@code null}
     */
    public ReposixException(ErrorCode errorCode, String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.errorCode = requireNonNull(errorCode, "errorCode is null");
    }

    /**
     * The error code of this failure.
     *
     * @return the error code
     */
    public ErrorCode errorCode() {
        return errorCode;
    }

    /**
     * The category of this failure, shorthand for {@code errorCode().category()}.
     *
     * @return the category
     */
    public ErrorCategory category() {
        return errorCode.category();
    }

    /**
     * The message prefixed with the code, e.g. {@code RPX-1001: origin https://x is not allowed}.
     *
     * @return the coded message
     */
    @Override
    public String toString() {
        return errorCode.code() + ": " + getMessage();
    }

    /**
     * The error a backend throws for an optional operation that its {@link Capabilities} do not
     * declare.
     *
     * @param scheme the backend's scheme, e.g. {@code confluence}
     * @param capability the missing capability
     * @return the exception to throw
     */
    public static ReposixException unsupported(String scheme, Capability capability) {
        return new ReposixException(StandardErrorCode.UNSUPPORTED_OPERATION,
                "the '" + scheme + "' backend does not support " + capability.describe()
                        + "; check its capabilities with `reposix backends`");
    }
}
