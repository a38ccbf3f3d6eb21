package dev.reposix.simulator.seed;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A space in a seed with its folders, pages and the files attached to those pages.
 * {@code homepageId} names one of its pages.
 *
 * <p>Immutable value, thread-safe.
 */
public record SeedSpace(String id, String key, String name, String authorId, Instant createdAt,
                        String homepageId, List<String> labels, List<SeedFolder> folders,
                        List<SeedPage> pages, List<SeedAttachment> attachments) {
    /** Validates the space. */
    public SeedSpace {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(key, "key is null");
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(authorId, "authorId is null");
        Objects.requireNonNull(createdAt, "createdAt is null");
        Objects.requireNonNull(homepageId, "homepageId is null");
        labels = labels == null ? List.of() : List.copyOf(labels);
        folders = folders == null ? List.of() : List.copyOf(folders);
        pages = pages == null ? List.of() : List.copyOf(pages);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A space without attachments. */
    public SeedSpace(String id, String key, String name, String authorId, Instant createdAt, String homepageId,
                     List<String> labels, List<SeedFolder> folders, List<SeedPage> pages) {
        this(id, key, name, authorId, createdAt, homepageId, labels, folders, pages, List.of());
    }
}
