package dev.reposix.simulator.internal.store;

import java.util.Optional;
import java.util.Set;

/** Filters of a page list request; empty sets mean "any". Immutable, thread-safe. */
public record PageQuery(Set<Long> ids, Set<Long> spaceIds, Set<String> statuses, Optional<String> title,
                        Optional<String> label) {
    /** Copies the sets. */
    public PageQuery {
        ids = Set.copyOf(ids);
        spaceIds = Set.copyOf(spaceIds);
        statuses = Set.copyOf(statuses);
    }

    /** Whether a page passes these filters (visibility is checked by the store). */
    public boolean matches(StoredPage page) {
        return (ids.isEmpty() || ids.contains(page.id()))
            && (spaceIds.isEmpty() || spaceIds.contains(page.spaceId()))
            && (statuses.isEmpty() || statuses.contains(page.status()))
            && title.map(page.title()::equals).orElse(true)
            && label.map(page.labels()::contains).orElse(true);
    }
}
