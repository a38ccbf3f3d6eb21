package dev.reposix.cli;

import dev.reposix.git.SyncTag;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code reposix history [dir]}: the syncs that changed something, newest first. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "List the syncs of a working tree's cache that changed something, newest first (local only).")
final class HistoryCommand extends SessionCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", arity = "0..1", defaultValue = ".", description = "The working tree (default: .).")
    Path directory;

    @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() {
        List<SyncTag> history = reposix().workspaces().history(directory);
        if (format == OutputFormat.JSON) {
            OutputFormat.printJson(out(), history);
            return ExitCodes.OK;
        }
        for (SyncTag tag : history) {
            out().println(tag.ref().substring(tag.ref().lastIndexOf('/') + 1) + "  " + tag.commit().substring(0, 12)
                    + "  " + tag.subject());
        }
        if (history.isEmpty()) {
            out().println("No sync has changed anything yet.");
        }
        out().flush();
        return ExitCodes.OK;
    }
}
