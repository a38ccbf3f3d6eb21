package dev.reposix.api;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One line of the audit log: what reposix did to which record, and how it ended. Never holds a
 * secret.
 *
 * <p>Immutable and thread-safe.
 *
 * @param time when it happened
 * @param operation what was attempted, e.g. {@code update}
 * @param recordId the record concerned, if any
 * @param outcome how it ended, e.g. {@code ok}, {@code conflict}
 * @param details further non-secret facts (versions, titles)
 * @since 0.1
 */
public record AuditEvent(Instant time, String operation, Optional<RecordId> recordId, String outcome,
        Map<String, String> details) {

    /**
     * Validates and copies.
     *
     * @param time the time
     * @param operation the operation
     * @param recordId the record
     * @param outcome the outcome
     * @param details the details
     */
    public AuditEvent {
        requireNonNull(time, "time is null");
        requireNonNull(operation, "operation is null");
        requireNonNull(recordId, "recordId is null");
        requireNonNull(outcome, "outcome is null");
        details = Map.copyOf(requireNonNull(details, "details is null"));
    }
}
