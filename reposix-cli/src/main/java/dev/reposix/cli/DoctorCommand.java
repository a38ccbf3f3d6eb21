package dev.reposix.cli;

import dev.reposix.core.SecretRedactor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code reposix doctor [dir]}: check a working tree, its cache and the environment, and say how to fix each finding. */
@Command(name = "doctor", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Check a working tree, its cache and the environment; print the fix for each finding.",
            "",
            "Checks, for a tree made by reposix init or a clone bound by reposix attach (DIR, default: the",
            "current directory): it is a git work tree with .reposix/config; the remote with a reposix:: URL",
            "names the same project; git-remote-reposix is on PATH; REPOSIX_ALLOWED_ORIGINS allows the site;",
            "the backend's settings are set (never showing their values); the cache exists, serves the same",
            "source of truth, has main and passes git fsck --strict; no push was interrupted; the audit log",
            "reads; and, in an attached clone, remote.pushDefault and the ?mirror= remote.",
            "",
            "Offline: nothing is sent unless --online is given, which opens the source of truth (one request)",
            "to prove the credentials work. Each line is ok, info, warn or error; warn and error lines end",
            "with the fix. Exits 0 when there is no error (warnings allowed), 2 when there is one.",
            "",
            "Example: reposix doctor ~/docs/eng --online"
        })
final class DoctorCommand extends SessionCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", arity = "0..1", defaultValue = ".", description = "The working tree (default: .).")
    Path directory;

    @Option(names = "--online", description = "Also open the source of truth (one request) to prove the credentials work.")
    boolean online;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() {
        SecretRedactor redactor = reposix().redactor().with(ErrorReporter.secretLookingValues(environment()));
        List<DoctorFinding> findings = new DoctorChecks(directory, environment(), reposix()).run(online).stream()
                .map(finding -> new DoctorFinding(finding.level(), finding.check(), redactor.redact(finding.message()),
                        finding.fix().map(redactor::redact)))
                .toList();
        boolean failed = findings.stream().anyMatch(finding -> finding.level() == DoctorFinding.Level.ERROR);
        if (format == OutputFormat.JSON) {
            OutputFormat.printJson(out(), new DoctorView(failed ? "error" : "ok", findings.stream()
                    .map(FindingView::of).toList()));
        } else {
            printText(out(), findings);
        }
        return failed ? ExitCodes.USER : ExitCodes.OK;
    }

    private static void printText(PrintWriter out, List<DoctorFinding> findings) {
        int width = findings.stream().mapToInt(finding -> finding.check().length()).max().orElse(0);
        for (DoctorFinding finding : findings) {
            out.printf("%-5s  %-" + width + "s  %s%n", finding.level().label(), finding.check(), finding.message());
            finding.fix().ifPresent(fix -> out.printf("%-5s  %-" + width + "s    fix: %s%n", "", "", fix));
        }
        long errors = findings.stream().filter(finding -> finding.level() == DoctorFinding.Level.ERROR).count();
        long warnings = findings.stream().filter(finding -> finding.level() == DoctorFinding.Level.WARN).count();
        out.println(errors == 0 && warnings == 0 ? "All checks passed."
                : errors + " error(s), " + warnings + " warning(s).");
        out.flush();
    }

    /** The JSON document of {@code reposix doctor --format json}. */
    record DoctorView(String status, List<FindingView> findings) {
    }

    /** One finding; {@code fix} is null when there is nothing to fix. */
    record FindingView(String level, String check, String message, String fix) {
        static FindingView of(DoctorFinding finding) {
            return new FindingView(finding.level().label(), finding.check(), finding.message(),
                    finding.fix().orElse(null));
        }
    }
}
