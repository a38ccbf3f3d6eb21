package dev.reposix.core.sync;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What one mirror sync did. Immutable and thread-safe.
 *
 * @param sync what the sync of the cache did
 * @param outcome how the push of {@code main} to the mirror ended
 * @param mirrorMainBefore the mirror's {@code main} as read before the sync, empty for an empty mirror
 * @param annotationsWarning why pushing {@code refs/mirrors/*} and the sync state failed, if it did
 * @since 0.1
 */
public record MirrorReport(SyncReport sync, Outcome outcome, Optional<String> mirrorMainBefore,
        Optional<String> annotationsWarning) {

    /** How a mirror sync ended. */
    public enum Outcome {
        /** The mirror's {@code main} moved forward. */
        SYNCED,
        /** The mirror's {@code main} already had everything. */
        NOTHING_TO_DO,
        /** The mirror moved during the run; nothing was overwritten, the next run catches up. */
        LEASE_LOST
    }

    /**
     * Validates.
     *
     * @param sync the sync
     * @param outcome the outcome
     * @param mirrorMainBefore the mirror's main before
     * @param annotationsWarning the warning
     */
    public MirrorReport {
        requireNonNull(sync, "sync is null");
        requireNonNull(outcome, "outcome is null");
        requireNonNull(mirrorMainBefore, "mirrorMainBefore is null");
        requireNonNull(annotationsWarning, "annotationsWarning is null");
    }
}
