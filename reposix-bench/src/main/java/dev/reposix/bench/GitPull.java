package dev.reposix.bench;

import dev.reposix.simulator.RequestCounters;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The {@code git pull} scenario: plain git in a working tree made by {@code reposix init}, with the
 * distribution's {@code bin/} on {@code PATH} so git reaches {@code git-remote-reposix}, and
 * {@code REPOSIX_SYNC_MIN_INTERVAL=0} so the fetch really syncs. Not thread-safe.
 */
final class GitPull {

    private GitPull() {
    }

    static ScenarioResult measure(Path distribution, Map<String, String> reposixEnvironment, Path tree,
            RequestCounters counters) throws IOException, InterruptedException {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.putAll(reposixEnvironment);
        environment.put("REPOSIX_SYNC_MIN_INTERVAL", "0");
        environment.put("PATH", distribution.resolve("bin") + File.pathSeparator + environment.getOrDefault("PATH", ""));
        // No automatic gc or maintenance: git would start it detached, still writing when the run cleans up.
        ProcessBuilder builder = new ProcessBuilder("git", "-C", tree.toString(), "-c", "gc.auto=0",
                "-c", "maintenance.auto=false", "pull", "--ff-only", "--quiet")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().putAll(environment);
        counters.reset();
        long started = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            return ScenarioResult.pending(Scenarios.GIT_PULL, "failed: git pull exited " + process.exitValue());
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        return new ScenarioResult(Scenarios.GIT_PULL, Optional.empty(), millis, counters.snapshot(),
                counters.bytesSent(), OptionalLong.empty(), OptionalLong.empty(),
                "git pull --ff-only through git-remote-reposix, syncing (REPOSIX_SYNC_MIN_INTERVAL=0); no probe");
    }
}
