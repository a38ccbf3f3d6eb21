package dev.reposix.simulator.internal.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A space as stored. Immutable, thread-safe. */
public record StoredSpace(long id, String key, String name, String authorId, Instant createdAt, long homepageId,
                          List<String> labels) {
    /** Validates the space. */
    public StoredSpace {
        Objects.requireNonNull(key, "key is null");
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(authorId, "authorId is null");
        Objects.requireNonNull(createdAt, "createdAt is null");
        labels = List.copyOf(labels);
    }
}
