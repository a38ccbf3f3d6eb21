package dev.reposix.bench;

import dev.reposix.simulator.RequestCounters;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The plain-git scenarios in a working tree made by {@code reposix init}: {@code git pull} and
 * {@code git push} of a one-page edit, with the distribution's {@code bin/} on {@code PATH} so git
 * reaches {@code git-remote-reposix}, and {@code REPOSIX_SYNC_MIN_INTERVAL=0} so a fetch really
 * syncs. Not thread-safe.
 */
final class GitScenario {

    private final Map<String, String> environment = new HashMap<>(System.getenv());
    private final Path tree;
    private final RequestCounters counters;

    GitScenario(Path distribution, Map<String, String> reposixEnvironment, Path tree, RequestCounters counters) {
        environment.putAll(reposixEnvironment);
        environment.put("REPOSIX_SYNC_MIN_INTERVAL", "0");
        environment.put("PATH", distribution.resolve("bin") + File.pathSeparator + environment.getOrDefault("PATH", ""));
        this.tree = tree;
        this.counters = counters;
    }

    ScenarioResult pull() throws IOException, InterruptedException {
        return measure(Scenarios.GIT_PULL, "git pull --ff-only through git-remote-reposix, syncing"
                + " (REPOSIX_SYNC_MIN_INTERVAL=0); no probe", "pull", "--ff-only", "--quiet");
    }

    /** Appends a paragraph to one leaf page's file, commits it, and times the push alone. */
    ScenarioResult pushOnePageEdit() throws IOException, InterruptedException {
        Path page;
        try (Stream<Path> files = Files.walk(tree.resolve("pages"))) {
            page = files.filter(file -> file.toString().endsWith(".md") && !file.endsWith("README.md"))
                    .filter(file -> !Files.isDirectory(Path.of(file.toString().replaceFirst("\\.md$", ""))))
                    .sorted().findFirst().orElseThrow();
        }
        Files.writeString(page, Files.readString(page) + "\nEdited in git for the benchmark.\n");
        if (run("commit", "-qam", "Benchmark edit") != 0) {
            return ScenarioResult.pending(Scenarios.GIT_PUSH, "failed: git commit");
        }
        return measure(Scenarios.GIT_PUSH, "git push of a one-page body edit through git-remote-reposix; no probe",
                "push", "--quiet", "origin", "main");
    }

    private ScenarioResult measure(String name, String note, String... args) throws IOException, InterruptedException {
        counters.reset();
        long started = System.nanoTime();
        int exit = run(args);
        if (exit != 0) {
            return ScenarioResult.pending(name, "failed: git " + args[0] + " exited " + exit);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        return new ScenarioResult(name, Optional.empty(), millis, counters.snapshot(), counters.bytesSent(),
                OptionalLong.empty(), OptionalLong.empty(), note);
    }

    private int run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", tree.toString(), "-c", "gc.auto=0",
                "-c", "maintenance.auto=false", "-c", "user.name=reposix bench", "-c",
                "user.email=bench@reposix.invalid"));
        command.addAll(List.of(args));
        // No automatic gc or maintenance: git would start it detached, still writing when the run cleans up.
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
