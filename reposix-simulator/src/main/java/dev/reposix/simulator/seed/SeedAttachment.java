package dev.reposix.simulator.seed;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A file attached to a page of a seed, as of its latest version. {@code id} is numeric (the API
 * shows it as {@code att<id>}); {@code title} is the file name, unique per page; {@code data} is
 * written to seed JSON as base64.
 *
 * <p>Immutable value (the byte arrays are copied in and out), thread-safe.
 */
public record SeedAttachment(String id, String pageId, String title, String mediaType, String comment,
                             int versionNumber, String authorId, Instant createdAt, byte[] data) {
    /** Validates and copies the attachment. */
    public SeedAttachment {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(pageId, "pageId is null");
        Objects.requireNonNull(title, "title is null");
        Objects.requireNonNull(mediaType, "mediaType is null");
        Objects.requireNonNull(authorId, "authorId is null");
        Objects.requireNonNull(createdAt, "createdAt is null");
        Objects.requireNonNull(data, "data is null");
        comment = comment == null ? "" : comment;
        data = data.clone();
        if (versionNumber < 1) {
            throw new IllegalArgumentException("versionNumber must be at least 1: " + versionNumber);
        }
        if (title.isBlank() || title.contains("/")) {
            throw new IllegalArgumentException("an attachment title is a file name without '/': " + title);
        }
    }

    /** A copy of the file's bytes. */
    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SeedAttachment that && id.equals(that.id) && pageId.equals(that.pageId)
            && title.equals(that.title) && mediaType.equals(that.mediaType) && comment.equals(that.comment)
            && versionNumber == that.versionNumber && authorId.equals(that.authorId)
            && createdAt.equals(that.createdAt) && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, pageId, title, mediaType, versionNumber, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "SeedAttachment[id=" + id + ", pageId=" + pageId + ", title=" + title + ", mediaType=" + mediaType
            + ", versionNumber=" + versionNumber + ", bytes=" + data.length + "]";
    }
}
