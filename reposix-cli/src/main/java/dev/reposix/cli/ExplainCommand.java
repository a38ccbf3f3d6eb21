package dev.reposix.cli;

import dev.reposix.api.ErrorCode;
import dev.reposix.core.ErrorCatalog;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code reposix explain RPX-nnnn} and {@code reposix explain --list}. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {
            "Explain an error code: its usual cause, the fix, and an example.",
            "Every error reposix prints starts with its code, e.g. RPX-1001."
        })
final class ExplainCommand extends SessionCommand implements Callable<Integer> {

    @ArgGroup(multiplicity = "1")
    Target target;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    /** Either one code or the whole list. */
    static final class Target {
        @Parameters(paramLabel = "CODE", description = "An error code such as RPX-1001 (or 1001, or EGRESS_DENIED).")
        String code;

        @Option(names = "--list", description = "List every error code with its name and category.")
        boolean list;
    }

    @Override
    public Integer call() {
        ErrorCatalog catalog = reposix().errorCatalog();
        if (target.list) {
            List<ErrorView> all = catalog.all().stream().map(ErrorView::of).toList();
            if (format == OutputFormat.JSON) {
                OutputFormat.printJson(out(), all);
            } else {
                all.forEach(view -> out().printf("%s  %-24s %-9s %s%n", view.code(), view.name(), view.category(),
                        view.remedy()));
                out().flush();
            }
            return ExitCodes.OK;
        }
        Optional<ErrorCode> found = catalog.find(target.code);
        if (found.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("error: unknown error code '" + target.code + "'; `reposix explain --list` shows them all");
            err.flush();
            return ExitCodes.USER;
        }
        ErrorView view = ErrorView.of(found.get());
        if (format == OutputFormat.JSON) {
            OutputFormat.printJson(out(), view);
        } else {
            printText(out(), view);
        }
        return ExitCodes.OK;
    }

    private static void printText(PrintWriter out, ErrorView view) {
        out.println(view.code() + " " + view.name() + " (" + view.category().toLowerCase(Locale.ROOT)
                + " error, exit code " + view.exitCode() + ")");
        out.println();
        out.println("Cause:   " + view.cause());
        out.println("Fix:     " + view.remedy());
        if (!view.example().isEmpty()) {
            out.println("Example: " + view.example());
        }
        out.flush();
    }

    /** An error code as printed. */
    record ErrorView(String code, String name, String category, int exitCode, String cause, String remedy,
            String example) {
        static ErrorView of(ErrorCode code) {
            return new ErrorView(code.code(), code.name(), code.category().name(), ExitCodes.of(code.category()),
                    code.info().cause(), code.info().remedy(), code.info().example());
        }
    }
}
