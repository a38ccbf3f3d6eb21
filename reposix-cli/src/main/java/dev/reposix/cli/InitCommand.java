package dev.reposix.cli;

import dev.reposix.core.RemoteSpec;
import dev.reposix.core.layout.LayoutKind;
import dev.reposix.core.sync.SyncReport;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code reposix init <remote> <dir>}: a project as a new git working tree. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {
            "Create a working tree of a project (e.g. a Confluence space) from the local cache.",
            "",
            "Read a project (e.g. a Confluence space) into the local cache and create DIR as a git working tree",
            "of Markdown files with main checked out. The cache lives under REPOSIX_CACHE_DIR",
            "(default ~/.cache/reposix); running init again for the same project reuses it. A page's images",
            "and files go into the folder beside it (Runbook.md -> Runbook.assets/); files larger than",
            "REPOSIX_ATTACHMENT_MAX_BYTES (default 20M) stay in Confluence and the page links there.",
            "",
            "Example: reposix init confluence::ENG ./eng"
        })
final class InitCommand extends SessionCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "REMOTE", description = "The project, e.g. confluence::ENG.")
    String remote;

    @Parameters(index = "1", paramLabel = "DIR", description = "The new working tree: a new or empty directory.")
    Path directory;

    @Option(names = "--layout", description = "tree (default: pages in folders by parent) or flat (pages/<id>.md).")
    LayoutKind layout;

    @Override
    public Integer call() {
        RemoteSpec spec = RemoteSpec.parse(remote);
        SyncReport report = reposix().workspaces().init(spec, directory, Optional.ofNullable(layout));
        out().println(summary(directory, spec, report));
        SyncSummary.tooLarge(report).forEach(warning -> err().println("warning: " + warning));
        out().println("Cache: " + report.cache());
        out().println("Next: cd " + directory + " and use git as usual; `reposix sync` brings in Confluence changes.");
        out().flush();
        return ExitCodes.OK;
    }

    /** The line that says what init made; {@code reposix demo} prints it too. */
    static String summary(Path directory, RemoteSpec spec, SyncReport report) {
        int files = report.attachments().downloaded();
        return "Initialised " + directory + " from " + spec + ": " + (report.created() + report.updated())
                + " pages" + (files == 0 ? "" : " and " + files + " attachment file" + (files == 1 ? "" : "s"))
                + " written, main at " + report.head().map(id -> id.substring(0, 12)).orElse("(empty)");
    }
}
