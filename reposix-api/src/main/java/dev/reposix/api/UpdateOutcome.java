package dev.reposix.api;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
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
     * @param storedBody the body as the source of truth stored it, in Markdown with neutral links,
     *     when the backend learnt it from the write's answer (saves reposix reading it back)
     */
    record Updated(ManifestEntry entry, Optional<String> storedBody) implements UpdateOutcome {
        /**
         * Validates.
         *
         * @param entry the new entry
         * @param storedBody the stored body, or empty
         */
        public Updated {
            requireNonNull(entry, "entry is null");
            requireNonNull(storedBody, "storedBody is null");
        }

        /**
         * An update whose stored body the backend did not learn.
         *
         * @param entry the new entry
         */
        public Updated(ManifestEntry entry) {
            this(entry, Optional.empty());
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
