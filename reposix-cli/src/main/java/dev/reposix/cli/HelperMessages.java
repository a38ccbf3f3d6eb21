package dev.reposix.cli;

import dev.reposix.api.ReposixException;
import dev.reposix.core.SecretRedactor;
import java.io.IOException;
import java.io.PrintStream;

/**
 * How the remote helper reports failures on stderr, which git shows as they are: the CLI's error
 * format with the {@code git-remote-reposix:} prefix, always redacted. Stateless and thread-safe.
 */
final class HelperMessages {

    static final String PREFIX = "git-remote-reposix: ";

    private HelperMessages() {
    }

    /**
     * Reports an error with its code and the hint to explain it.
     *
     * @return the exit code for it
     */
    static int error(PrintStream err, ReposixException failure, SecretRedactor redactor) {
        String code = failure.errorCode().code();
        err.println(PREFIX + "error: " + code + ": " + redactor.redact(failure.getMessage()));
        err.println("  (run `reposix explain " + code + "` for causes and fixes)");
        err.flush();
        return ExitCodes.of(failure.category());
    }

    /**
     * Reports that git went away in the middle of a conversation.
     *
     * @return the exit code for it
     */
    static int brokeOff(PrintStream err, String serving, IOException broken, SecretRedactor redactor) {
        err.println(PREFIX + "the connection to git broke off while serving the " + serving + ": "
                + redactor.redact(String.valueOf(broken.getMessage())));
        err.flush();
        return ExitCodes.EXTERNAL;
    }
}
