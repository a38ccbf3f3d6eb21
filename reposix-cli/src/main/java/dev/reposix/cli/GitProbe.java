package dev.reposix.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code git} binary for a read-only look, returning its exit code and output instead
 * of failing: {@code reposix doctor} reports what it finds. Not thread-safe.
 */
final class GitProbe {

    private static final long TIMEOUT_SECONDS = 120;

    GitProbe() {
    }

    /** What git printed (stdout and stderr) and how it exited; exit code -1 when git could not run. */
    record Result(int exitCode, String output) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    Result run(Path directory, String... arguments) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        Path output = null;
        try {
            // output goes to a file, not a pipe, so that a hanging git cannot outlast the timeout
            output = Files.createTempFile("reposix-doctor-git", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            // the process environment, so git finds its own configuration; never a GIT_DIR of a caller
            builder.environment().remove("GIT_DIR");
            builder.environment().remove("GIT_WORK_TREE");
            builder.environment().put("LC_ALL", "C");
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, ShellWords.join(command) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException cannotRun) {
            return new Result(-1, "cannot run git: " + cannotRun.getMessage());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }
}
