package dev.reposix.cli;

import dev.reposix.api.ReposixException;
import dev.reposix.git.GitErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code git} binary for the vanilla-git steps of {@code reposix demo}, in the demo
 * folder with the environment {@link DemoSetting#gitEnvironment} gives, showing the command and its
 * output or not. A non-zero exit or a git that hangs fails the step. Not thread-safe.
 */
final class DemoGit {

    private static final long TIMEOUT_SECONDS = 90;

    private final Path directory;
    private final Map<String, String> environment;
    private final DemoNarrator narrator;

    /**
     * Creates the runner.
     *
     * @param directory where git runs, like a user who did {@code cd} into the demo folder
     * @param environment the complete environment of every git process
     * @param narrator where shown commands and their output go
     */
    DemoGit(Path directory, Map<String, String> environment, DemoNarrator narrator) {
        this.directory = directory;
        this.environment = Map.copyOf(environment);
        this.narrator = narrator;
    }

    /** Prints {@code $ git <arguments>}, runs it and prints what it printed; fails on a non-zero exit. */
    String shown(String... arguments) throws IOException, InterruptedException {
        List<String> command = command(arguments);
        narrator.command(ShellWords.join(command));
        String output = run(command);
        narrator.output(output);
        return output;
    }

    /** Runs git without printing anything (a look behind the scenes); fails on a non-zero exit. */
    String quiet(String... arguments) throws IOException, InterruptedException {
        return run(command(arguments)).strip();
    }

    private static List<String> command(String... arguments) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        return command;
    }

    private String run(List<String> command) throws IOException, InterruptedException {
        // output goes to a file, not a pipe, so that a hanging git cannot outlast the timeout
        Path output = Files.createTempFile("reposix-demo-git", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            Process process = start(builder);
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new ReposixException(GitErrorCode.GIT_COMMAND_FAILED, ShellWords.join(command)
                        + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new ReposixException(GitErrorCode.GIT_COMMAND_FAILED, ShellWords.join(command) + " exited with "
                        + process.exitValue() + ": " + printed.strip());
            }
            return printed;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static Process start(ProcessBuilder builder) {
        try {
            return builder.start();
        } catch (IOException notInstalled) {
            throw new ReposixException(GitErrorCode.GIT_COMMAND_FAILED, "cannot run git (" + notInstalled.getMessage()
                    + "); install git and put it on PATH", notInstalled);
        }
    }
}
