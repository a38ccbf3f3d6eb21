package dev.reposix.simulator.internal.store;

import java.time.Instant;
import java.util.Objects;

/** A Confluence folder as stored; {@code parentId} is null at the top of a space. Immutable. */
public record StoredFolder(long id, long spaceId, String title, Long parentId, String parentType, int position,
                           String authorId, Instant createdAt, StoredVersion version) {
    /** Validates the folder. */
    public StoredFolder {
        Objects.requireNonNull(title, "title is null");
        Objects.requireNonNull(authorId, "authorId is null");
        Objects.requireNonNull(createdAt, "createdAt is null");
        Objects.requireNonNull(version, "version is null");
    }
}
