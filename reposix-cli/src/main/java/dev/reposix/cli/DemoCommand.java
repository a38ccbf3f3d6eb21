package dev.reposix.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.eclipse.jgit.util.FileUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code reposix demo}: the whole reposix story, offline, on the embedded Confluence simulator. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {
            "Try everything offline, on a built-in Confluence simulator.",
            "",
            "Needs no network and no Confluence account: a simulator with a demo space",
            "runs inside the command on loopback, with a fresh temporary cache. Each step",
            "prints the command a user would type for it, then a one-line result:",
            "  1. start the simulator",
            "  2. reposix init a working tree",
            "  3. reposix mirror sync to a bare mirror repository",
            "  4. git clone the mirror (vanilla git)",
            "  5. a colleague edits a page in Confluence",
            "  6. reposix mirror sync again; git pull in the clone",
            "  7. reposix attach the clone",
            "  8. edit, commit and git push in the clone (to Confluence, then the mirror)",
            "  9. check that Confluence and the mirror have the edit",
            "It takes well under two minutes. Steps 8 and 9 need git-remote-reposix from",
            "the distribution's bin/; without it they are skipped. What the demo made",
            "stays in DIR afterwards."
        })
final class DemoCommand extends SessionCommand implements Callable<Integer> {

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Where the demo's repositories go; must be absent or empty (default: a new temporary folder).")
    Path directory;

    @Override
    public Integer call() throws IOException {
        long started = System.nanoTime();
        Path folder = prepareFolder();
        Path cache = Files.createTempDirectory("reposix-demo-cache-");
        DemoNarrator narrator = new DemoNarrator(out(), DemoStory.STEPS);
        try {
            narrator.line("reposix demo: the whole story on a Confluence simulator inside this process; no network,"
                    + " no Confluence account.");
            narrator.line("Demo folder: " + folder);
            new DemoStory(narrator, new DemoSetting(folder, cache, environment(), HelperLocation.find(environment())))
                    .tell();
            narrator.line("");
            narrator.line(String.format(Locale.ROOT, "Demo finished in %.1f s. Everything it made is in %s: tree/"
                    + " (reposix init), mirror.git (the mirror), clone/ (a vanilla clone, attached), check/ (a fresh"
                    + " clone of the mirror). The simulator has stopped.", (System.nanoTime() - started) / 1e9, folder));
            return ExitCodes.OK;
        } catch (RuntimeException failure) {
            narrator.line("");
            narrator.line("Demo stopped. What it made so far is in " + folder);
            throw failure;
        } finally {
            removeCache(cache);
        }
    }

    /** The demo folder: --dir when absent or empty, otherwise a new temporary folder. */
    private Path prepareFolder() throws IOException {
        if (directory == null) {
            return Files.createTempDirectory("reposix-demo-").toRealPath();
        }
        if (Files.exists(directory)) {
            boolean empty;
            try (Stream<Path> entries = Files.list(directory)) {
                empty = entries.findAny().isEmpty();
            } catch (IOException notAFolder) {
                throw new ParameterException(spec.commandLine(), "--dir " + directory + " is not a folder");
            }
            if (!empty) {
                throw new ParameterException(spec.commandLine(), "--dir " + directory + " is not empty; name an"
                        + " absent or empty folder, or leave --dir out for a new temporary one");
            }
        }
        return Files.createDirectories(directory).toRealPath();
    }

    /** Best effort: a leftover temporary cache is harmless, so failing to remove it is only a warning. */
    private void removeCache(Path cache) {
        try {
            FileUtils.delete(cache.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY | FileUtils.SKIP_MISSING);
        } catch (IOException undeletable) {
            spec.commandLine().getErr().println("warning: cannot remove the demo's temporary cache " + cache + ": "
                    + undeletable.getMessage());
        }
    }
}
