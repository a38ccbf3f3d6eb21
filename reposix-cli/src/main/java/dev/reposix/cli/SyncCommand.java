package dev.reposix.cli;

import dev.reposix.core.sync.SyncReport;
import dev.reposix.core.sync.TreeUpdate;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code reposix sync [dir]}: bring a working tree up to date with its source of truth. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {
            "Bring a working tree up to date with its source of truth.",
            "",
            "Sync the cache of a working tree from its source of truth (only new and changed pages are",
            "fetched, only new and changed attachments downloaded) and fast-forward the tree when it has no",
            "uncommitted changes."
        })
final class SyncCommand extends SessionCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", arity = "0..1", defaultValue = ".", description = "The working tree (default: .).")
    Path directory;

    @Override
    public Integer call() {
        TreeUpdate update = reposix().workspaces().update(directory);
        SyncReport report = update.sync();
        out().println(report.changed()
                ? "Synced: " + SyncSummary.changes(report)
                : "Already up to date with the source of truth.");
        SyncSummary.tooLarge(report).forEach(warning -> err().println("warning: " + warning));
        switch (update.update()) {
            case NOT_CLEAN:
                out().println("Your working tree has uncommitted changes (or an untracked file where the update brings"
                        + " one), so it was not updated. Commit, stash or move them, then run: git pull --rebase");
                break;
            case DIVERGED:
                out().println("Your branch has commits of its own; run: git pull --rebase");
                break;
            case AHEAD:
                out().println("Your branch has commits of its own on top of the source of truth; nothing to update.");
                break;
            case OTHER_BRANCH:
                out().println("Another branch is checked out, so main was not updated; run: git checkout main && git pull");
                break;
            case FAST_FORWARDED:
                out().println("Working tree fast-forwarded to " + report.head().map(id -> id.substring(0, 12)).orElse(""));
                break;
            default:
                break;
        }
        out().flush();
        return ExitCodes.OK;
    }
}
