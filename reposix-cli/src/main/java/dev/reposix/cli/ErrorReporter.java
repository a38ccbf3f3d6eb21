package dev.reposix.cli;

import dev.reposix.api.ReposixException;
import dev.reposix.core.CoreErrorCode;
import dev.reposix.core.SecretRedactor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception from a command into a message on stderr and an exit code: a
 * {@link ReposixException} by its category, anything else as an internal error. Every message is
 * passed through the secret redactor, and each error points at {@code reposix explain}.
 */
final class ErrorReporter implements IExecutionExceptionHandler {

    /** Masked even when core cannot start and so cannot say which settings are secret. */
    private static final Pattern SECRET_LOOKING_VARIABLE = Pattern.compile(".*(TOKEN|API_KEY|SECRET|PASSWORD).*");

    private final ReposixCli.Session session;

    ErrorReporter(ReposixCli.Session session) {
        this.session = session;
    }

    @Override
    public int handleExecutionException(Exception failure, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        SecretRedactor redactor = redactor();
        int exitCode;
        if (failure instanceof ReposixException reposixFailure) {
            err.println("error: " + reposixFailure.errorCode().code() + ": " + redactor.redact(reposixFailure.getMessage()));
            err.println("  (run `reposix explain " + reposixFailure.errorCode().code() + "` for causes and fixes)");
            exitCode = ExitCodes.of(reposixFailure.category());
        } else {
            err.println("error: " + CoreErrorCode.INTERNAL_ERROR.code() + ": unexpected " + failure.getClass().getName()
                    + ": " + redactor.redact(String.valueOf(failure.getMessage())));
            err.println("  This is a bug in reposix. Run again with --verbose and report the output.");
            exitCode = ExitCodes.INTERNAL;
        }
        if (isVerbose(commandLine)) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            err.println(redactor.redact(trace.toString()));
        }
        err.flush();
        return exitCode;
    }

    private static boolean isVerbose(CommandLine commandLine) {
        return commandLine.getCommandSpec().root().userObject() instanceof ReposixCommand root && root.verbose();
    }

    /** The values of variables whose names look secret, for masking before core can say which are. */
    static List<String> secretLookingValues(Map<String, String> variables) {
        return variables.entrySet().stream()
                .filter(entry -> SECRET_LOOKING_VARIABLE.matcher(entry.getKey()).matches())
                .map(Map.Entry::getValue)
                .toList();
    }

    private SecretRedactor redactor() {
        List<String> secretLooking = secretLookingValues(session.environment().variables());
        try {
            return session.get().redactor().with(secretLooking);
        } catch (RuntimeException coreUnavailable) {
            return SecretRedactor.of(secretLooking);
        }
    }
}
