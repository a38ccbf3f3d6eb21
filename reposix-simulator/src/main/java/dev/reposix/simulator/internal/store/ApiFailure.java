package dev.reposix.simulator.internal.store;

/**
 * A request the simulator refuses, carrying the HTTP status and the v2 error code. Unchecked so
 * the store can refuse deep inside a write; the HTTP layer turns it into a v2 error body.
 * Immutable, thread-safe.
 */
public final class ApiFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;

    /** Creates a failure. */
    public ApiFailure(int status, String code, String title) {
        super(title);
        this.status = status;
        this.code = code;
    }

    /** 400 BAD_REQUEST. */
    public static ApiFailure badRequest(String title) {
        return new ApiFailure(400, "INVALID_REQUEST_PARAMETER", title);
    }

    /** 404 NOT_FOUND. */
    public static ApiFailure notFound(String title) {
        return new ApiFailure(404, "NOT_FOUND", title);
    }

    /** 409 CONFLICT. */
    public static ApiFailure conflict(String title) {
        return new ApiFailure(409, "CONFLICT", title);
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The v2 error code. */
    public String code() {
        return code;
    }
}
