package dev.reposix.cli;

import dev.reposix.core.RemoteSpec;
import dev.reposix.core.sync.MirrorReport;
import dev.reposix.core.sync.SyncReport;
import dev.reposix.git.MirrorErrorCode;
import dev.reposix.git.MirrorRemote;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code reposix mirror}: keep a plain-git mirror of a project in sync. */
@Command(name = "mirror", mixinStandardHelpOptions = true, subcommands = MirrorCommand.Sync.class,
        description = "Keep a plain git mirror of a project in sync (see docs/guides/mirror.md).")
final class MirrorCommand implements Runnable {

    /** The lease-lost message, pinned: the guide's troubleshooting table quotes it. */
    static final String LEASE_LOST = "the mirror moved during this run — another sync or a round-trip push got"
            + " there first; the next run catches up";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code reposix mirror sync <remote> [--mirror <remote-or-url>]}. */
    @Command(name = "sync", mixinStandardHelpOptions = true,
            description = {
                "Sync the project's cache on top of the mirror's main and push it to the mirror as a fast-forward",
                "with a lease, then push refs/mirrors/<scheme>-head, refs/mirrors/<scheme>-synced-at and the sync",
                "state. The mirror's main is never force-pushed; if it moved during the run nothing is overwritten",
                "and the command exits 0 with a warning. Network access uses the git binary and its credentials.",
                "",
                "Example (inside a clone of the mirror): reposix mirror sync confluence::ENG",
                "Example (a bare mirror):             reposix mirror sync confluence::ENG --mirror /srv/eng.git"
            })
    static final class Sync extends SessionCommand implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "REMOTE", description = "The project, e.g. confluence::ENG.")
        String remote;

        @Option(names = "--mirror", paramLabel = "REMOTE-OR-URL", defaultValue = "origin",
                description = "A remote of the repository in DIR (default: origin), a URL or a path of the mirror.")
        String mirror;

        @Option(names = "-C", paramLabel = "DIR", defaultValue = ".",
                description = "Run as if started in DIR (default: the current directory).")
        Path directory;

        @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
        OutputFormat format;

        @Override
        public Integer call() {
            RemoteSpec spec = RemoteSpec.parse(remote);
            MirrorReport report = reposix().workspaces().mirrorSync(spec, mirror, directory);
            SyncReport sync = report.sync();
            int pages = changedPages(sync);
            PrintWriter err = this.spec.commandLine().getErr();
            boolean actions = "true".equals(environment().get("GITHUB_ACTIONS"));
            List<String> warnings = new ArrayList<>();
            if (report.outcome() == MirrorReport.Outcome.LEASE_LOST) {
                warnings.add(LEASE_LOST);
            }
            if (!sync.restored().isEmpty()) {
                warnings.add(MirrorErrorCode.MIRROR_RECORDS_EDITED.code() + ": " + sync.restored().size()
                        + " file(s) in the records folder were changed on the mirror without reposix and were put back"
                        + " as the source of truth has them: " + String.join(", ", sync.restored()));
            }
            warnings.addAll(SyncSummary.tooLarge(sync));
            report.annotationsWarning().ifPresent(warning -> warnings.add(
                    "pushing refs/mirrors/* and the sync state to the mirror failed (main was pushed): " + warning));
            warnings.forEach(warning -> err.println("warning: " + warning));
            err.flush();
            String outcome = report.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-');
            if (format == OutputFormat.JSON) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("outcome", outcome);
                json.put("changedPages", pages);
                json.put("commits", sync.commits());
                json.put("mirrorMainBefore", report.mirrorMainBefore().orElse(null));
                json.put("main", sync.head().orElse(null));
                json.put("warnings", warnings);
                OutputFormat.printJson(out(), json);
            } else {
                out().println(summary(report, mirror));
            }
            if (actions) {
                warnings.forEach(warning -> out().println("::warning::" + warning));
                writeGithubOutput(outcome, pages);
            }
            out().flush();
            return ExitCodes.OK;
        }

        /** The line that says how the sync ended; {@code reposix demo} prints it too. */
        static String summary(MirrorReport report, String mirror) {
            switch (report.outcome()) {
                case SYNCED:
                    SyncReport sync = report.sync();
                    return "Mirror synced: " + changedPages(sync) + " pages changed; main " + report.mirrorMainBefore()
                            .map(id -> id.substring(0, 12)).orElse("(new)") + " -> "
                            + sync.head().map(id -> id.substring(0, 12)).orElse("") + " pushed to "
                            + MirrorRemote.redact(mirror);
                case NOTHING_TO_DO:
                    return "Mirror up to date: nothing to sync.";
                default:
                    return "Mirror not updated: it moved during this run; the next run catches up.";
            }
        }

        /** Pages the sync created, updated, moved or deleted. */
        static int changedPages(SyncReport sync) {
            return sync.created() + sync.updated() + sync.moved() + sync.deleted();
        }

        /** Appends {@code outcome} and {@code changed-pages} to the file named by {@code GITHUB_OUTPUT}. */
        private void writeGithubOutput(String outcome, int pages) {
            String file = environment().get("GITHUB_OUTPUT");
            if (file == null || file.isBlank()) {
                return;
            }
            try {
                Files.writeString(Path.of(file), "outcome=" + outcome + "\nchanged-pages=" + pages + "\n",
                        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException unwritable) {
                this.spec.commandLine().getErr().println("warning: cannot write GITHUB_OUTPUT " + file + ": "
                        + unwritable.getMessage());
            }
        }
    }
}
