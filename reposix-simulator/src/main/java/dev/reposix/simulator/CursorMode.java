package dev.reposix.simulator;

/**
 * How the simulator encodes pagination cursors.
 *
 * <p>Immutable enum, thread-safe.
 */
public enum CursorMode {
    /**
     * The cursor holds the sort key and id of the last item served, so later pages continue after
     * that item whatever was written meanwhile: nothing still matching is skipped or repeated.
     * This is the default and matches what Confluence Cloud guarantees for id order.
     */
    KEYSET,
    /**
     * The cursor holds a plain offset, so a concurrent write before the offset makes the next page
     * repeat or skip an item. Meant for testing that clients de-duplicate.
     */
    UNSTABLE_OFFSET
}
