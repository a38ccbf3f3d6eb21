package dev.reposix.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code reposix} launcher of the CLI distribution as a child process, the way a user
 * does, optionally with the {@link ProcessProbe} agent to learn its peak heap and RSS. Output goes
 * to files in a log directory. Not thread-safe.
 */
final class ReposixProcess {

    private static final long TIMEOUT_MINUTES = 30;

    private final Path launcher;
    private final Path agentJar;
    private final Map<String, String> environment;
    private final Path logs;
    private int runs;

    ReposixProcess(Path launcher, Path agentJar, Map<String, String> environment, Path logs) {
        this.launcher = launcher;
        this.agentJar = agentJar;
        this.environment = Map.copyOf(environment);
        this.logs = logs;
    }

    /** What one run measured. */
    record Run(int exitCode, long wallMillis, OptionalLong peakHeapBytes, OptionalLong peakRssBytes, Path stderr) {
    }

    /** Runs {@code reposix args...} with the probe and fails unless it exits 0. */
    Run probed(String... args) {
        Path probeFile = logs.resolve("probe-" + (runs + 1) + ".properties");
        Run run = start(List.of(args), "-javaagent:" + agentJar + "=" + probeFile);
        requireSuccess(run, args);
        Properties measured = read(probeFile);
        return new Run(run.exitCode(), run.wallMillis(), number(measured, ProcessProbe.PEAK_HEAP),
                number(measured, ProcessProbe.PEAK_RSS), run.stderr());
    }

    /** Runs {@code reposix args...} as is (no agent) and fails unless it exits 0. */
    Run plain(String... args) {
        Run run = start(List.of(args), "");
        requireSuccess(run, args);
        return run;
    }

    private Run start(List<String> args, String javaOptions) {
        runs++;
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("ATLASSIAN_")
                || name.startsWith("REPOSIX_") && !name.equals("REPOSIX_CONFLUENCE_CONCURRENCY"));
        builder.environment().putAll(environment);
        builder.environment().put("REPOSIX_JAVA_OPTS", javaOptions);
        Path stdout = logs.resolve("run-" + runs + ".out");
        Path stderr = logs.resolve("run-" + runs + ".err");
        builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        try {
            long start = System.nanoTime();
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("reposix " + String.join(" ", args) + " did not finish in "
                        + TIMEOUT_MINUTES + " minutes");
            }
            long wallMillis = (System.nanoTime() - start) / 1_000_000;
            return new Run(process.exitValue(), wallMillis, OptionalLong.empty(), OptionalLong.empty(), stderr);
        } catch (IOException unstartable) {
            throw new UncheckedIOException("cannot start " + launcher, unstartable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", interrupted);
        }
    }

    private static void requireSuccess(Run run, String... args) {
        if (run.exitCode() != 0) {
            throw new IllegalStateException("reposix " + String.join(" ", args) + " exited with " + run.exitCode()
                    + ":\n" + tail(run.stderr()));
        }
    }

    private static String tail(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException unreadable) {
            return "(no stderr: " + unreadable.getMessage() + ")";
        }
    }

    private static Properties read(Path file) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("the probe wrote no measurements to " + file, unreadable);
        }
        return properties;
    }

    private static OptionalLong number(Properties properties, String key) {
        String value = properties.getProperty(key);
        return value == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value));
    }
}
