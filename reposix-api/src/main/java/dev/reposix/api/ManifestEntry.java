package dev.reposix.api;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * What the manifest says about one record: everything but its body and labels, cheap to list for a
 * whole project.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the record's id
 * @param kind document or folder
 * @param title the title, unique within the project for backends with a hierarchy
 * @param parentId the parent record, if any
 * @param version the backend's version number, growing with every content change (at least 1)
 * @param status the lifecycle state
 * @param lastModified when the current version was made
 * @param lastModifiedBy who made it, when known
 * @since 0.1
 */
public record ManifestEntry(
        RecordId id,
        RecordKind kind,
        String title,
        Optional<RecordId> parentId,
        long version,
        RecordStatus status,
        Instant lastModified,
        Optional<Author> lastModifiedBy) {

    /**
     * Validates.
     *
     * @param id the id
     * @param kind the kind
     * @param title the title
     * @param parentId the parent
     * @param version the version
     * @param status the status
     * @param lastModified the modification time
     * @param lastModifiedBy the last editor
     */
    public ManifestEntry {
        requireNonNull(id, "id is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(title, "title is null");
        requireNonNull(parentId, "parentId is null");
        requireNonNull(status, "status is null");
        requireNonNull(lastModified, "lastModified is null");
        requireNonNull(lastModifiedBy, "lastModifiedBy is null");
        if (version < 1) {
            throw new IllegalArgumentException("version of record " + id + " must be at least 1: " + version);
        }
        if (parentId.filter(id::equals).isPresent()) {
            throw new IllegalArgumentException("record " + id + " cannot be its own parent");
        }
    }
}
