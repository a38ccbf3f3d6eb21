package dev.reposix.simulator.internal.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A file attached to a page with every version of its bytes, oldest first, so old download links
 * ({@code ?version=N}) keep working. {@code status} is {@code current} or {@code trashed}.
 * Immutable (the byte arrays are never handed out to be changed), thread-safe.
 */
public record StoredAttachment(long id, long pageId, String title, String status, Instant createdAt,
                               List<FileVersion> versions) {
    /** One version of the file: its stamp, media type, comment and bytes. */
    public record FileVersion(StoredVersion version, String mediaType, String comment, byte[] data) {
        /** Validates the version. */
        public FileVersion {
            Objects.requireNonNull(version, "version is null");
            Objects.requireNonNull(mediaType, "mediaType is null");
            Objects.requireNonNull(comment, "comment is null");
            Objects.requireNonNull(data, "data is null");
        }
    }

    /** Validates and copies. */
    public StoredAttachment {
        Objects.requireNonNull(title, "title is null");
        Objects.requireNonNull(status, "status is null");
        Objects.requireNonNull(createdAt, "createdAt is null");
        versions = List.copyOf(versions);
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("an attachment has at least one version");
        }
    }

    /** The latest version. */
    public FileVersion latest() {
        return versions.get(versions.size() - 1);
    }

    /** The version with this number, if it exists. */
    public Optional<FileVersion> version(int number) {
        return versions.stream().filter(candidate -> candidate.version().number() == number).findFirst();
    }

    /** This attachment with one more version. */
    StoredAttachment withVersion(FileVersion next) {
        List<FileVersion> more = new ArrayList<>(versions);
        more.add(next);
        return new StoredAttachment(id, pageId, title, status, createdAt, more);
    }

    /** This attachment with another status. */
    StoredAttachment withStatus(String newStatus) {
        return new StoredAttachment(id, pageId, title, newStatus, createdAt, versions);
    }

    /** {@code att<id>}, as the API shows attachment ids. */
    public String apiId() {
        return "att" + id;
    }
}
