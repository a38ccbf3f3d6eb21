package dev.reposix.simulator.internal.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A page as stored, at its current version. {@code parentId} is null only for top-level pages.
 * Immutable, thread-safe: every change stores a new instance.
 */
public record StoredPage(long id, long spaceId, String title, String status, Long parentId, String parentType,
                         int position, String authorId, String ownerId, Instant createdAt, StoredVersion version,
                         String body, List<String> labels) {
    /** Validates the page. */
    public StoredPage {
        Objects.requireNonNull(title, "title is null");
        Objects.requireNonNull(status, "status is null");
        Objects.requireNonNull(authorId, "authorId is null");
        Objects.requireNonNull(ownerId, "ownerId is null");
        Objects.requireNonNull(createdAt, "createdAt is null");
        Objects.requireNonNull(version, "version is null");
        Objects.requireNonNull(body, "body is null");
        labels = List.copyOf(labels);
    }

    /** This page with other labels; labels are not versioned, as on Confluence. */
    public StoredPage withLabels(List<String> newLabels) {
        return new StoredPage(id, spaceId, title, status, parentId, parentType, position, authorId, ownerId,
            createdAt, version, body, newLabels);
    }

    /** This page with another status and no new version (trash and restore). */
    public StoredPage withStatus(String newStatus) {
        return new StoredPage(id, spaceId, title, newStatus, parentId, parentType, position, authorId, ownerId,
            createdAt, version, body, labels);
    }

    /** This page under another parent with no new version (children of a trashed page move up). */
    public StoredPage withParent(Long newParentId, String newParentType) {
        return new StoredPage(id, spaceId, title, status, newParentId, newParentType, position, authorId, ownerId,
            createdAt, version, body, labels);
    }

    /** This page after an edit that creates a new version. */
    public StoredPage edited(String newTitle, String newStatus, Long newParentId, String newParentType,
                             int newPosition, String newBody, StoredVersion newVersion) {
        return new StoredPage(id, spaceId, newTitle, newStatus, newParentId, newParentType, newPosition, authorId,
            ownerId, createdAt, newVersion, newBody, labels);
    }

    /** Whether the page is in the trash or purged-pending state. */
    public boolean isTrashed() {
        return "trashed".equals(status) || "deleted".equals(status);
    }
}
