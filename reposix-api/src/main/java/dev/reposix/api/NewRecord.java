package dev.reposix.api;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.Set;

/**
 * A record to create. Server-controlled fields (id, version, times, authors) are assigned by the
 * source of truth, never taken from the caller.
 *
 * <p>Immutable and thread-safe.
 *
 * @param title the title
 * @param parentId the parent record, if any (needs {@link Capability#HIERARCHY})
 * @param labels the labels (needs {@link Capability#LABELS} when not empty)
 * @param body the Markdown body, links in the form of {@link RecordLinks}
 * @since 0.1
 */
public record NewRecord(String title, Optional<RecordId> parentId, Set<String> labels, String body) {

    /**
     * Validates and copies.
     *
     * @param title the title
     * @param parentId the parent
     * @param labels the labels
     * @param body the body
     */
    public NewRecord {
        requireNonNull(title, "title is null");
        requireNonNull(parentId, "parentId is null");
        labels = Set.copyOf(requireNonNull(labels, "labels is null"));
        requireNonNull(body, "body is null");
        if (title.isBlank()) {
            throw new IllegalArgumentException("title is blank");
        }
    }

    /**
     * A top-level record without labels.
     *
     * @param title the title
     * @param body the body
     * @return the new record
     */
    public static NewRecord of(String title, String body) {
        return new NewRecord(title, Optional.empty(), Set.of(), body);
    }

    /**
     * A copy of this record placed under a parent.
     *
     * @param parent the parent's id
     * @return the new record
     */
    public NewRecord withParent(RecordId parent) {
        return new NewRecord(title, Optional.of(parent), labels, body);
    }
}
