package dev.reposix.simulator.seed;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A page in a seed, as of its latest version. {@code parentId} is the id of a page or folder in
 * the same space, or null for a top-level page (the homepage). {@code body} is Confluence storage
 * XHTML.
 *
 * <p>Immutable value, thread-safe.
 */
public record SeedPage(String id, String title, String parentId, String status, String authorId,
                       Instant createdAt, int versionNumber, String versionAuthorId,
                       Instant versionCreatedAt, String body, List<String> labels) {
    /** Validates the page. */
    public SeedPage {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(title, "title is null");
        Objects.requireNonNull(status, "status is null");
        Objects.requireNonNull(authorId, "authorId is null");
        Objects.requireNonNull(createdAt, "createdAt is null");
        Objects.requireNonNull(versionAuthorId, "versionAuthorId is null");
        Objects.requireNonNull(versionCreatedAt, "versionCreatedAt is null");
        Objects.requireNonNull(body, "body is null");
        labels = labels == null ? List.of() : List.copyOf(labels);
        if (versionNumber < 1) {
            throw new IllegalArgumentException("versionNumber must be at least 1: " + versionNumber);
        }
    }

    /** A current page at version 1, created and last edited by one author at one time. */
    public static SeedPage of(String id, String title, String parentId, String authorId, Instant createdAt,
                              String body, List<String> labels) {
        return new SeedPage(id, title, parentId, "current", authorId, createdAt, 1, authorId, createdAt, body,
            labels);
    }
}
