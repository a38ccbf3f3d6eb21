package dev.reposix.simulator.internal.store;

import java.time.Instant;
import java.util.Objects;

/** One version stamp of a page, folder or property. Immutable, thread-safe. */
public record StoredVersion(int number, String message, boolean minorEdit, String authorId, Instant createdAt) {
    /** Validates the version. */
    public StoredVersion {
        Objects.requireNonNull(message, "message is null");
        Objects.requireNonNull(authorId, "authorId is null");
        Objects.requireNonNull(createdAt, "createdAt is null");
    }

    /** The first version of something new. */
    public static StoredVersion first(String authorId, Instant createdAt) {
        return new StoredVersion(1, "", false, authorId, createdAt);
    }
}
