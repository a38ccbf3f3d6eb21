package dev.reposix.api;

import static java.util.Objects.requireNonNull;

import java.util.OptionalLong;

/**
 * The result of {@link SourceOfTruth#update(RecordUpdate)}: applied, or refused because the record
 * moved on since the writer's base version. A conflict is an expected outcome, not an exception.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public sealed interface UpdateOutcome {

    /**
     * The update was applied.
     *
     * @param entry the record's manifest entry after the update (its new version)
     */
    record Updated(ManifestEntry entry) implements UpdateOutcome {
        /**
         * Validates.
         *
         * @param entry the new entry
         */
        public Updated {
            requireNonNull(entry, "entry is null");
        }
    }

    /**
     * The record is no longer at the expected version; nothing was changed.
     *
     * @param id the record
     * @param expectedVersion the version the writer based the edit on
     * @param currentVersion the version the source of truth holds now, when it said so
     */
    record Conflict(RecordId id, long expectedVersion, OptionalLong currentVersion) implements UpdateOutcome {
        /**
         * Validates.
         *
         * @param id the record
         * @param expectedVersion the base version
         * @param currentVersion the current version
         */
        public Conflict {
            requireNonNull(id, "id is null");
            requireNonNull(currentVersion, "currentVersion is null");
        }
    }
}
