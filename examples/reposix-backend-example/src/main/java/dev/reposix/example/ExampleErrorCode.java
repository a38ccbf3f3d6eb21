package dev.reposix.example;

import dev.reposix.api.ErrorCategory;
import dev.reposix.api.ErrorCode;
import dev.reposix.api.ErrorInfo;

/**
 * The example backend's own errors, numbered in the 9xxx range that reposix reserves for third-party
 * backends. Immutable and thread-safe.
 *
 * @since 0.1
 */
public enum ExampleErrorCode implements ErrorCode {
    /** The configured directory does not exist or is not a directory. */
    DIRECTORY_UNUSABLE(new ErrorInfo(9001, ErrorCategory.USER,
            "REPOSIX_EXAMPLE_DIR does not name an existing directory.",
            "Create the directory or point REPOSIX_EXAMPLE_DIR at an existing one.",
            "mkdir -p ~/records && export REPOSIX_EXAMPLE_DIR=~/records")),
    /** The project key cannot be used as a folder name. */
    INVALID_PROJECT_KEY(new ErrorInfo(9002, ErrorCategory.USER,
            "The project key contains characters that are not safe in a folder name.",
            "Use letters, digits, '.', '_', '~' and '-' only, not starting with '.'.",
            "reposix init example::NOTES")),
    /** A record file exists but cannot be understood. */
    UNREADABLE_RECORD_FILE(new ErrorInfo(9003, ErrorCategory.EXTERNAL,
            "A record file in the project folder was edited by hand or truncated.",
            "Fix or remove the file named in the message.",
            "")),
    /** Reading or writing the directory failed. */
    STORAGE_FAILURE(new ErrorInfo(9004, ErrorCategory.EXTERNAL,
            "The file system refused a read or write in the project folder (permissions, full disk).",
            "Check the permissions and free space of REPOSIX_EXAMPLE_DIR, then try again.",
            "")),
    /** A label the example backend cannot store. */
    INVALID_LABEL(new ErrorInfo(9005, ErrorCategory.USER,
            "A label is empty or contains whitespace or a comma.",
            "Use labels without spaces or commas, such as 'release-notes'.",
            ""));

    private final ErrorInfo info;

    ExampleErrorCode(ErrorInfo info) {
        this.info = info;
    }

    @Override
    public ErrorInfo info() {
        return info;
    }
}
