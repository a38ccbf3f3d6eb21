package dev.reposix.simulator.internal.store;

import java.util.List;
import java.util.Optional;

/** One page of results plus the cursor of the next page, if any. Immutable. */
public record PageSlice<T>(List<T> items, Optional<String> nextCursor) {
    /** Copies the list. */
    public PageSlice {
        items = List.copyOf(items);
    }
}
