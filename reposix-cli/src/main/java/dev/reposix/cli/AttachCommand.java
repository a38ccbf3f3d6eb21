package dev.reposix.cli;

import dev.reposix.core.RemoteSpec;
import dev.reposix.core.RemoteUrl;
import dev.reposix.core.sync.AttachOptions;
import dev.reposix.core.sync.AttachReport;
import dev.reposix.core.sync.OrphanPolicy;
import dev.reposix.core.sync.Reconciliation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code reposix attach <remote> [dir]}: bind a clone of a mirror to the mirror's source of truth. */
@Command(name = "attach", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Bind a vanilla clone of a mirror to its source of truth, for pushing back.",
            "",
            "Bind a clone of a mirror (made with plain git clone) to the mirror's source of truth, so that the",
            "clone can pull from it and push back. Run it in the clone (DIR, default: the current directory).",
            "",
            "It fetches refs/mirrors/* and the sync state from the mirror into the clone and adds them to the",
            "mirror remote's fetch refspecs; syncs the local cache on top of the mirror's main, so the clone and",
            "the cache share one history; matches the clone's files with the pages by the id in their",
            "frontmatter; adds the remote REMOTE-NAME (reposix::<site>/<scheme>/projects/<project>) and makes it",
            "remote.pushDefault unless one is set (then it warns); and fast-forwards main to the source of",
            "truth's latest state when the work tree is clean (otherwise it prints the git pull to run).",
            "",
            "Files without an id are new pages, left alone. Two files with one id stop the command. Files of",
            "pages deleted in the source of truth are handled by --orphan-policy. Every refusal happens before",
            "the clone is changed. Attaching again is harmless; attaching to another project is refused.",
            "",
            "Example: git clone https://github.com/acme/eng-docs.git eng && cd eng && reposix attach confluence::ENG"
        })
final class AttachCommand extends SessionCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "REMOTE", description = "The project of the mirror, e.g. confluence::ENG.")
    String remote;

    @Parameters(index = "1", paramLabel = "DIR", arity = "0..1", defaultValue = ".",
            description = "The clone of the mirror (default: the current directory).")
    Path directory;

    @Option(names = "--remote-name", paramLabel = "NAME", defaultValue = "reposix", converter = RemoteName.class,
            description = "The remote to add for the source of truth (default: ${DEFAULT-VALUE}).")
    String remoteName;

    @Option(names = "--mirror-name", paramLabel = "NAME", defaultValue = "origin", converter = RemoteName.class,
            description = "The clone's remote of the mirror (default: ${DEFAULT-VALUE}).")
    String mirrorName;

    @Option(names = "--no-bus", description = {"Leave ?mirror=<mirror-name> out of the remote's URL: pushes then",
        "go to the source of truth only, and the mirror catches up at its next sync."})
    boolean noBus;

    @Option(names = "--orphan-policy", paramLabel = "POLICY", defaultValue = "abort", converter = Policy.class,
            description = {"Files of pages deleted in the source of truth: abort (default: stop and change",
                "nothing), delete-local (they leave the clone when main is brought up to date; git history",
                "keeps them) or fork-as-new (they stay without their id, so the next push creates them as new",
                "pages; needs a clean main without commits of its own)."})
    OrphanPolicy orphanPolicy;

    @Override
    public Integer call() {
        if (remoteName.equals(mirrorName)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--remote-name and --mirror-name are both '"
                    + remoteName + "'; the source of truth and the mirror need two remotes");
        }
        RemoteSpec project = RemoteSpec.parse(remote);
        AttachReport report = reposix().workspaces().attach(project, directory,
                new AttachOptions(remoteName, mirrorName, !noBus, orphanPolicy));
        List<String> warnings = new ArrayList<>(report.warnings());
        if (HelperLocation.onPath(environment()).isEmpty()) {
            warnings.add(RemoteHelper.NAME + " is not on PATH, so git cannot use the remote '" + remoteName
                    + "' yet; add the bin/ folder of the reposix distribution to PATH");
        }
        PrintWriter err = spec.commandLine().getErr();
        warnings.forEach(warning -> err.println("warning: " + warning));
        err.flush();
        out().println(headline(report));
        printReconciliation(report);
        out().println(updateLine(report));
        out().flush();
        return ExitCodes.OK;
    }

    private void printReconciliation(AttachReport report) {
        Reconciliation reconciliation = report.reconciliation();
        out().println(reconciliationLine(reconciliation));
        if (!reconciliation.localNew().isEmpty()) {
            out().println("  New pages (no id; left alone, a push creates them): "
                    + String.join(", ", reconciliation.localNew()));
        }
        if (!reconciliation.orphans().isEmpty()) {
            String paths = String.join(", ", reconciliation.orphans().stream().map(Reconciliation.Orphan::path).toList());
            out().println(report.orphanPolicy() == OrphanPolicy.FORK_AS_NEW
                    ? "  Pages deleted in the source of truth, kept without their id (commit and push them to create"
                            + " them again): " + String.join(", ", report.forked())
                    : "  Pages deleted in the source of truth, removed when main is brought up to date (git history"
                            + " keeps them): " + paths);
        }
        if (reconciliation.mirrorLag() > 0) {
            out().println("  The mirror lags " + reconciliation.mirrorLag() + " page(s) behind the source of truth;"
                    + " its next sync catches up.");
        }
    }

    /** The first line of the outcome; {@code reposix demo} prints it too. */
    static String headline(AttachReport report) {
        return (report.remoteAdded() ? "Attached " : "Already attached: ") + report.directory() + " to "
                + report.remote() + " through the remote '" + report.remoteName() + "' (" + report.url() + ")";
    }

    /** The one-line summary of how the clone's files matched the pages. */
    static String reconciliationLine(Reconciliation reconciliation) {
        return "Reconciled: " + reconciliation.matched() + " matched, " + reconciliation.localNew().size()
                + " local new, " + reconciliation.orphans().size() + " orphaned, mirror lag "
                + reconciliation.mirrorLag();
    }

    /** How the clone's {@code main} was brought up to date, or the command that does it. */
    static String updateLine(AttachReport report) {
        String sourceRemote = report.remoteName();
        String pull = "git pull " + sourceRemote + " main";
        switch (report.update()) {
            case FAST_FORWARDED:
                return "main fast-forwarded to " + report.main().substring(0, 12) + ", the source of truth's latest"
                        + " state.";
            case UP_TO_DATE:
                return "main is up to date with the source of truth.";
            case AHEAD:
                return "main has commits of its own on top of the source of truth's latest state; nothing to pull"
                        + " (git push " + sourceRemote + " main sends them).";
            case NOT_CLEAN:
                return "main was not updated because the work tree has uncommitted changes (or an untracked file"
                        + " where the update brings one); commit, stash or move them, then run: " + pull;
            case OTHER_BRANCH:
                return "main was not updated because another branch is checked out; run: git checkout main && " + pull;
            default:
                return "main has commits of its own, so it was not updated; run: git pull --rebase " + sourceRemote
                        + " main";
        }
    }

    /** Accepts plain git remote names only: they are written into the remote's URL. */
    static final class RemoteName implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!RemoteUrl.isRemoteName(value)) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a plain git remote name; use"
                        + " letters, digits, '.', '_' and '-', e.g. origin");
            }
            return value;
        }
    }

    /** Reads {@code abort}, {@code delete-local} or {@code fork-as-new}. */
    static final class Policy implements CommandLine.ITypeConverter<OrphanPolicy> {
        @Override
        public OrphanPolicy convert(String value) {
            try {
                return OrphanPolicy.parse(value);
            } catch (IllegalArgumentException unknown) {
                throw new CommandLine.TypeConversionException(unknown.getMessage());
            }
        }
    }
}
