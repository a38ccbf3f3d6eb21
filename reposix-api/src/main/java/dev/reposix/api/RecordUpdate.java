package dev.reposix.api;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The new state of an existing record, based on the version the writer last saw. The backend
 * applies it only if the record is still at {@code expectedVersion}; otherwise the update is a
 * {@link UpdateOutcome.Conflict} and nothing changes.
 *
 * <p>Labels travel as changes against the base the writer edited, so a label someone else added
 * meanwhile is kept.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the record to update
 * @param expectedVersion the version the edit is based on
 * @param title the new title
 * @param parentId the new parent (a different one is a move; needs {@link Capability#HIERARCHY})
 * @param body the new Markdown body
 * @param labelsToAdd labels to add (needs {@link Capability#LABELS} when not empty)
 * @param labelsToRemove labels to remove (needs {@link Capability#LABELS} when not empty)
 * @param status the new status, or empty to keep the current one; a backend that cannot apply the
 *     requested status change refuses the whole update with {@link StandardErrorCode#REJECTED_BY_SOURCE}
 * @param message a note for the record's version history (Confluence's version message), or empty
 *     for the backend's default
 * @since 0.1
 */
public record RecordUpdate(
        RecordId id,
        long expectedVersion,
        String title,
        Optional<RecordId> parentId,
        String body,
        Set<String> labelsToAdd,
        Set<String> labelsToRemove,
        Optional<RecordStatus> status,
        Optional<String> message) {

    /**
     * Validates and copies.
     *
     * @param id the id
     * @param expectedVersion the base version
     * @param title the title
     * @param parentId the parent
     * @param body the body
     * @param labelsToAdd labels to add
     * @param labelsToRemove labels to remove
     * @param status the new status, or empty to keep it
     * @param message the version message, or empty
     */
    public RecordUpdate {
        requireNonNull(id, "id is null");
        requireNonNull(title, "title is null");
        requireNonNull(parentId, "parentId is null");
        requireNonNull(body, "body is null");
        labelsToAdd = Set.copyOf(requireNonNull(labelsToAdd, "labelsToAdd is null"));
        labelsToRemove = Set.copyOf(requireNonNull(labelsToRemove, "labelsToRemove is null"));
        requireNonNull(status, "status is null");
        requireNonNull(message, "message is null");
        if (expectedVersion < 1) {
            throw new IllegalArgumentException("expectedVersion must be at least 1: " + expectedVersion);
        }
        if (title.isBlank()) {
            throw new IllegalArgumentException("title of record " + id + " is blank");
        }
        Set<String> both = new HashSet<>(labelsToAdd);
        both.retainAll(labelsToRemove);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("labels both added and removed: " + both);
        }
    }

    /**
     * An update that keeps the status and uses the backend's default version message.
     *
     * @param id the id
     * @param expectedVersion the base version
     * @param title the title
     * @param parentId the parent
     * @param body the body
     * @param labelsToAdd labels to add
     * @param labelsToRemove labels to remove
     */
    public RecordUpdate(RecordId id, long expectedVersion, String title, Optional<RecordId> parentId, String body,
            Set<String> labelsToAdd, Set<String> labelsToRemove) {
        this(id, expectedVersion, title, parentId, body, labelsToAdd, labelsToRemove, Optional.empty(),
                Optional.empty());
    }

    /**
     * A copy of this update with a version message.
     *
     * @param text the message, e.g. the subject of the commit that made the edit
     * @return the copy
     */
    public RecordUpdate withMessage(String text) {
        return new RecordUpdate(id, expectedVersion, title, parentId, body, labelsToAdd, labelsToRemove, status,
                Optional.of(text));
    }

    /**
     * A copy of this update that sets a status.
     *
     * @param newStatus the status
     * @return the copy
     */
    public RecordUpdate withStatus(RecordStatus newStatus) {
        return new RecordUpdate(id, expectedVersion, title, parentId, body, labelsToAdd, labelsToRemove,
                Optional.of(newStatus), message);
    }

    /**
     * An update of title and body only, keeping parent and labels as in {@code base}.
     *
     * @param base the record as last read
     * @param title the new title
     * @param body the new body
     * @return the update
     */
    public static RecordUpdate of(Record base, String title, String body) {
        ManifestEntry entry = base.entry();
        return new RecordUpdate(entry.id(), entry.version(), title, entry.parentId(), body, Set.of(), Set.of());
    }
}
