package dev.reposix.git.internal;

import dev.reposix.api.ReposixException;
import dev.reposix.git.GitErrorCode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the {@code git} binary in a repository and captures its output. Stateless and thread-safe. */
public final class GitBinary {

    private GitBinary() {
    }

    /**
     * The result of one git command.
     *
     * @param exitCode the exit code
     * @param output standard output and error, interleaved, stripped
     */
    public record Result(int exitCode, String output) {

        /**
         * Whether git exited with 0.
         *
         * @return true on success
         */
        public boolean ok() {
            return exitCode == 0;
        }
    }

    /** The variables that tie git to one repository, as git's own {@code local_repo_env} lists them. */
    private static final List<String> LOCAL_REPOSITORY_VARIABLES = List.of("GIT_DIR", "GIT_WORK_TREE",
            "GIT_IMPLICIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES",
            "GIT_COMMON_DIR", "GIT_PREFIX", "GIT_SHALLOW_FILE", "GIT_GRAFT_FILE", "GIT_NO_REPLACE_OBJECTS",
            "GIT_REPLACE_REF_BASE", "GIT_QUARANTINE_PATH");

    /**
     * Runs {@code git -C <directory> <arguments>} without a terminal prompt, whatever repository the
     * calling process's environment names.
     *
     * @param directory the repository
     * @param arguments the arguments
     * @return the result, whatever the exit code
     * @throws ReposixException when git cannot be started (not installed)
     */
    public static Result run(Path directory, String... arguments) {
        return run(directory, Map.of(), arguments);
    }

    /**
     * Runs {@code git -C <directory> <arguments>} like {@link #run(Path, String...)}, with more
     * variables set (e.g. {@code GIT_INDEX_FILE} for an index of its own).
     *
     * @param directory the repository
     * @param environment the variables to set
     * @param arguments the arguments
     * @return the result, whatever the exit code
     * @throws ReposixException when git cannot be started (not installed)
     */
    public static Result run(Path directory, Map<String, String> environment, String... arguments) {
        return run(directory, environment, new byte[0], arguments);
    }

    /**
     * Runs {@code git -C <directory> <arguments>} like {@link #run(Path, Map, String...)}, writing
     * bytes to its standard input (e.g. {@code update-index --index-info}).
     *
     * @param directory the repository
     * @param environment the variables to set
     * @param input what git reads from standard input
     * @param arguments the arguments
     * @return the result, whatever the exit code
     * @throws ReposixException when git cannot be started (not installed)
     */
    public static Result run(Path directory, Map<String, String> environment, byte[] input, String... arguments) {
        List<String> command = new ArrayList<>(List.of("git", "-C", directory.toString()));
        command.addAll(List.of(arguments));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("GIT_TERMINAL_PROMPT", "0");
            // -C names the repository: variables git sets for the repository it runs in (the remote
            // helper inherits the pusher's GIT_DIR) would otherwise point this git somewhere else
            LOCAL_REPOSITORY_VARIABLES.forEach(builder.environment()::remove);
            builder.environment().putAll(environment);
            Process process = builder.start();
            Thread feeder = null;
            if (input.length == 0) {
                process.getOutputStream().close();
            } else {
                // fed beside the reading of git's output: git may answer before it has read everything
                feeder = new Thread(() -> feed(process, input), "git-input");
                feeder.setDaemon(true);
                feeder.start();
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            int exitCode = process.waitFor();
            if (feeder != null) {
                feeder.join();
            }
            return new Result(exitCode, output);
        } catch (IOException notInstalled) {
            throw new ReposixException(GitErrorCode.GIT_COMMAND_FAILED, "cannot run git (" + notInstalled.getMessage()
                    + "); install git and put it on PATH", notInstalled);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ReposixException(GitErrorCode.GIT_FAILURE, "interrupted while running git " + arguments[0]);
        }
    }

    private static void feed(Process process, byte[] input) {
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input);
        } catch (IOException ended) {
            // git stopped reading (it failed or finished early): its exit code and output say why
        }
    }

    /**
     * Runs a git command that must succeed.
     *
     * @param directory the repository
     * @param arguments the arguments
     * @return the output
     * @throws ReposixException {@link GitErrorCode#GIT_COMMAND_FAILED} on a non-zero exit
     */
    public static String check(Path directory, String... arguments) {
        return check(directory, Map.of(), arguments);
    }

    /**
     * Runs a git command that must succeed, with more variables set.
     *
     * @param directory the repository
     * @param environment the variables to set
     * @param arguments the arguments
     * @return the output
     * @throws ReposixException {@link GitErrorCode#GIT_COMMAND_FAILED} on a non-zero exit
     */
    public static String check(Path directory, Map<String, String> environment, String... arguments) {
        Result result = run(directory, environment, arguments);
        if (!result.ok()) {
            throw failure(arguments[0], result);
        }
        return result.output();
    }

    /**
     * The error for a git command that ended badly: its exit code, or the signal that killed it (a
     * full disk or a file size limit can end git with {@code SIGXFSZ}), and what it printed.
     *
     * @param command the git command, e.g. {@code clone}
     * @param result how it ended
     * @return the error to throw
     */
    public static ReposixException failure(String command, Result result) {
        int exitCode = result.exitCode();
        return new ReposixException(GitErrorCode.GIT_COMMAND_FAILED, "git " + command + " failed ("
                + (exitCode > 128 ? "killed by signal " + (exitCode - 128) : "exit code " + exitCode) + ")"
                + (result.output().isEmpty() ? "" : ": " + result.output()));
    }
}
