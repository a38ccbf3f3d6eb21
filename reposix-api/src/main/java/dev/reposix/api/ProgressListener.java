package dev.reposix.api;

import java.util.OptionalLong;

/**
 * Receives progress of long operations (listing 10,000 pages, fetching their bodies) so a command
 * line can show it. Implementations are thread-safe and fast; they never throw.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores progress. */
    ProgressListener NONE = (task, done, total) -> { };

    /**
     * Reports progress of a task; called repeatedly with growing {@code done}.
     *
     * @param task what is going on, e.g. {@code "listing pages of ENG"}
     * @param done how many units are finished
     * @param total how many units there are, when known
     */
    void progress(String task, long done, OptionalLong total);
}
