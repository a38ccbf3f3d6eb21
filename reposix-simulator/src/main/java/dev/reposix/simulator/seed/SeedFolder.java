package dev.reposix.simulator.seed;

import java.time.Instant;
import java.util.Objects;

/**
 * A Confluence folder in a seed. {@code parentId} is the id of a page or folder, or null for a
 * folder at the top of the space (JSON seeds write it as {@code null}).
 *
 * <p>Immutable value, thread-safe.
 */
public record SeedFolder(String id, String title, String parentId, String authorId, Instant createdAt) {
    /** Validates the folder. */
    public SeedFolder {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(title, "title is null");
        Objects.requireNonNull(authorId, "authorId is null");
        Objects.requireNonNull(createdAt, "createdAt is null");
    }
}
