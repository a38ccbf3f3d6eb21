package dev.reposix.api;

/**
 * Error codes of the API itself (range 0xxx), which every backend may throw.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public enum StandardErrorCode implements ErrorCode {
    /** An optional operation the backend does not declare in its capabilities. */
    UNSUPPORTED_OPERATION(new ErrorInfo(1, ErrorCategory.USER,
            "The backend was asked for an operation it does not support, such as writing to a"
                    + " read-only source of truth.",
            "Use an operation listed under the backend's capabilities in `reposix backends`.",
            "Pushing an edit to a read-only backend fails with this code.")),
    /** A setting is present but not valid. */
    INVALID_SETTING(new ErrorInfo(2, ErrorCategory.USER,
            "A setting (usually an environment variable) has a value the backend cannot use.",
            "Correct the variable named in the message; `reposix backends` lists every setting.",
            "export REPOSIX_CONFLUENCE_TENANT=acme   # not acme.atlassian.net")),
    /** One or more required settings are absent. */
    MISSING_SETTINGS(new ErrorInfo(3, ErrorCategory.USER,
            "The backend needs settings that are not set.",
            "Export every variable the message lists, then run the command again.",
            "export ATLASSIAN_EMAIL=you@example.com")),
    /** A record that the caller named does not exist (or is not visible). */
    RECORD_NOT_FOUND(new ErrorInfo(4, ErrorCategory.USER,
            "A record id does not exist in the source of truth, or the account cannot see it.",
            "Check the id (the `id` field of the file's frontmatter) and the account's permissions.",
            "")),
    /** The source of truth rejected the request as invalid. */
    REJECTED_BY_SOURCE(new ErrorInfo(5, ErrorCategory.USER,
            "The source of truth refused a write as invalid (for example a duplicate title).",
            "Read the reason in the message, change the file accordingly and try again.",
            "")),
    /** A backend broke the SPI contract. */
    BACKEND_FAILURE(new ErrorInfo(6, ErrorCategory.INTERNAL,
            "A backend behaved in a way the SPI does not allow.",
            "Report it to the backend's authors with the message and the command you ran.",
            ""));

    private final ErrorInfo info;

    StandardErrorCode(ErrorInfo info) {
        this.info = info;
    }

    @Override
    public ErrorInfo info() {
        return info;
    }
}
