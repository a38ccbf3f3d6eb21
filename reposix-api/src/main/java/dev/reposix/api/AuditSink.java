package dev.reposix.api;

/**
 * Receives audit events for writes to a source of truth. Implementations are thread-safe and never
 * throw for an event they cannot store (they report it elsewhere).
 *
 * @since 0.1
 */
@FunctionalInterface
public interface AuditSink {

    /** A sink that drops every event. */
    AuditSink NONE = event -> { };

    /**
     * Records one event.
     *
     * @param event the event
     */
    void record(AuditEvent event);
}
