package dev.reposix.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Helper start: starts {@code bin/git-remote-reposix origin <url>} as git does, sends
 * {@code capabilities} and times the process until the blank line that ends the answer. Measures
 * nothing (the row stays pending) while the helper does not answer. Not thread-safe.
 */
final class HelperStart {

    private static final long TIMEOUT_SECONDS = 30;

    private final Path helper;
    private final Map<String, String> environment;

    HelperStart(Path distribution, Map<String, String> environment) {
        this.helper = distribution.resolve("bin").resolve("git-remote-reposix");
        this.environment = Map.copyOf(environment);
    }

    /** The best round trip of several starts, or why there is none. */
    ScenarioResult measure(String remoteUrl, int runs) throws IOException, InterruptedException {
        long best = Long.MAX_VALUE;
        for (int run = 0; run < runs; run++) {
            Optional<Long> millis = roundTrip(remoteUrl);
            if (millis.isEmpty()) {
                return ScenarioResult.pending(Scenarios.HELPER_START,
                        "pending: the helper does not answer capabilities yet");
            }
            best = Math.min(best, millis.get());
        }
        return new ScenarioResult(Scenarios.HELPER_START, Optional.empty(), best, Map.of(), 0,
                OptionalLong.empty(), OptionalLong.empty(),
                "best of " + runs + " starts until the capabilities answer ends");
    }

    private Optional<Long> roundTrip(String remoteUrl) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(helper.toString(), "origin", remoteUrl)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        Process process = builder.start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write("capabilities\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            List<String> answer = CompletableFuture.supplyAsync(() -> readUntilBlankLine(process))
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            long millis = (System.nanoTime() - start) / 1_000_000;
            return answer.isEmpty() ? Optional.empty() : Optional.of(millis);
        } catch (ExecutionException | TimeoutException noAnswer) {
            return Optional.empty();
        } catch (IOException helperGone) {
            // The helper exited before reading its input: it does not speak the protocol yet.
            return Optional.empty();
        } finally {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** The capability lines up to the terminating blank line; empty when the stream ends first. */
    private static List<String> readUntilBlankLine(Process process) {
        List<String> lines = new ArrayList<>();
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty()) {
                    return lines;
                }
                lines.add(line);
            }
            return List.of();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
