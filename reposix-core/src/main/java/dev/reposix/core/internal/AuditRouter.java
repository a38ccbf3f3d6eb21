package dev.reposix.core.internal;

import dev.reposix.api.AuditEvent;
import dev.reposix.api.AuditSink;

/**
 * The audit sink backends see: it forwards to the audit log of the push under way (a backend is
 * opened before reposix knows which cache it will write for) and drops events outside a push.
 * Thread-safe.
 */
public final class AuditRouter implements AuditSink {

    private volatile AuditSink target = AuditSink.NONE;

    /**
     * Sends events to {@code sink} until the returned handle is closed.
     *
     * @param sink where events go
     * @return closing it stops the forwarding
     */
    public Route routeTo(AuditSink sink) {
        target = sink;
        return () -> target = AuditSink.NONE;
    }

    @Override
    public void record(AuditEvent event) {
        target.record(event);
    }

    /** An active forwarding; closing it ends it. */
    @FunctionalInterface
    public interface Route extends AutoCloseable {
        @Override
        void close();
    }
}
