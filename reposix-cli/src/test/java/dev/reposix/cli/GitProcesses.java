package dev.reposix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code git} binary (and the built launchers) as child processes for end-to-end
 * tests, with the built distribution's {@code bin} first on {@code PATH} so git finds
 * {@code git-remote-reposix} (unless the environment names its own {@code PATH}), and a fixed
 * environment.
 */
final class GitProcesses {

    /** The distribution built by {@code mvn package}. */
    static final Path DISTRIBUTION = Path.of(System.getProperty("reposix.distribution", "target/reposix"))
            .toAbsolutePath();

    private final Map<String, String> environment;

    GitProcesses(Map<String, String> environment) {
        this.environment = environment;
    }

    /** What a process did. */
    record Result(int exitCode, byte[] stdout, String stderr) {
        String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    Result run(Map<String, String> extra, byte[] input, Path directory, List<String> command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().put("PATH", DISTRIBUTION.resolve("bin") + File.pathSeparator + System.getenv("PATH"));
        builder.environment().putAll(environment);
        builder.environment().putAll(extra);
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        Process process = builder.start();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        try (OutputStream in = process.getOutputStream()) {
            in.write(input);
        } catch (IOException closedEarly) {
            // the process may exit before reading everything; its exit code tells
        }
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished in time").isTrue();
        return new Result(process.exitValue(), out, new String(err.join(), StandardCharsets.UTF_8));
    }

    private static byte[] readAll(InputStream stream) {
        try {
            return stream.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    Result git(Map<String, String> extra, Path directory, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        return run(extra, new byte[0], directory, command);
    }

    /** Stages everything in {@code tree} and commits it with {@code message}; fails the test unless git succeeds. */
    void commitAll(Path tree, String message) throws IOException, InterruptedException {
        gitOk(tree, "add", "-A");
        gitOk(tree, "commit", "-qm", message);
    }

    /** {@code git push origin main} in {@code tree}, whatever its outcome. */
    Result push(Path tree) throws IOException, InterruptedException {
        return git(Map.of(), tree, "push", "origin", "main");
    }

    String gitOk(Path directory, String... args) throws IOException, InterruptedException {
        return gitOk(Map.of(), directory, args);
    }

    String gitOk(Map<String, String> extra, Path directory, String... args) throws IOException, InterruptedException {
        Result result = git(extra, directory, args);
        assertThat(result.exitCode()).as("git " + String.join(" ", args) + ":\n" + result.stderr()).isZero();
        return result.out();
    }
}
