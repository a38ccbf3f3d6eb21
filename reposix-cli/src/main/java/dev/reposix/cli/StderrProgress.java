package dev.reposix.cli;

import dev.reposix.api.ProgressListener;
import java.io.PrintStream;
import java.util.OptionalLong;

/**
 * Shows progress of long operations on one rewritten stderr line, at most a few times a second,
 * and only when stderr is a terminal (never in CI logs or pipes). Thread-safe.
 */
final class StderrProgress implements ProgressListener {

    private static final long MIN_INTERVAL_NANOS = 200_000_000L;

    private final PrintStream err;
    private long lastPrintedAt;

    private StderrProgress(PrintStream err) {
        this.err = err;
    }

    /** A listener for this process: printing when attached to a terminal, silent otherwise. */
    static ProgressListener forProcess() {
        return System.console() == null ? ProgressListener.NONE : new StderrProgress(System.err);
    }

    @Override
    public synchronized void progress(String task, long done, OptionalLong total) {
        long now = System.nanoTime();
        boolean finished = total.isPresent() && done >= total.getAsLong();
        if (!finished && now - lastPrintedAt < MIN_INTERVAL_NANOS) {
            return;
        }
        lastPrintedAt = now;
        String amount = total.isPresent() ? done + "/" + total.getAsLong() : String.valueOf(done);
        err.print("\r" + task + ": " + amount + (finished ? "\n" : ""));
        err.flush();
    }
}
