package dev.reposix.cli;

import dev.reposix.api.ReposixException;
import dev.reposix.core.CoreErrorCode;
import java.io.PrintWriter;

/**
 * Prints the story {@code reposix demo} tells: a header per step, the command a user would type
 * ({@code $ ...}), what it printed (indented) and the step's one-line result ({@code -> ...}). A
 * failing step becomes a {@link ReposixException} that names the step. Not thread-safe.
 */
final class DemoNarrator {

    /** What one step does; it may fail with anything. */
    @FunctionalInterface
    interface Step {
        /**
         * Runs the step.
         *
         * @return the step's one-line result
         * @throws Exception when the step fails
         */
        String run() throws Exception;
    }

    private final PrintWriter out;
    private final int steps;

    DemoNarrator(PrintWriter out, int steps) {
        this.out = out;
        this.steps = steps;
    }

    /** Runs a step under its header and prints its result; a failure names the step and keeps its code. */
    void step(int number, String title, Step step) {
        line("");
        line("[" + number + "/" + steps + "] " + title);
        String result;
        try {
            result = step.run();
        } catch (ReposixException failure) {
            throw new ReposixException(failure.errorCode(), failed(number, title) + failure.getMessage(), failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ReposixException(CoreErrorCode.INTERNAL_ERROR, failed(number, title) + "interrupted", interrupted);
        } catch (Exception failure) {
            throw new ReposixException(CoreErrorCode.INTERNAL_ERROR, failed(number, title) + failure, failure);
        }
        line("  -> " + result);
    }

    /** Prints a step's header and why it does not run. */
    void skip(int number, String title, String reason) {
        line("");
        line("[" + number + "/" + steps + "] " + title);
        line("  -> skipped: " + reason);
    }

    /** Prints the command a user would type for what comes next. */
    void command(String commandLine) {
        line("$ " + commandLine);
    }

    /** Prints what happens where no command does it, as a shell comment. */
    void note(String text) {
        line("# " + text);
    }

    /** Prints what a command printed, indented under it (without the padding git puts after remote lines). */
    void output(String text) {
        text.lines().forEach(outputLine -> line(("    " + outputLine).stripTrailing()));
    }

    /** Prints a line of narration and shows it at once. */
    void line(String text) {
        out.println(text);
        out.flush();
    }

    private static String failed(int number, String title) {
        return "demo step " + number + " (" + title + ") failed: ";
    }
}
