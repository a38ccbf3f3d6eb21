package dev.reposix.api;

import java.time.Clock;

/**
 * The host services reposix lends a backend. Backends reach the network, the time and the audit
 * log only through this context, so that the egress policy, retries and test clocks apply to every
 * backend alike. New services arrive as default methods.
 *
 * <p>Implementations are thread-safe.
 *
 * @since 0.1
 */
public interface BackendContext {

    /**
     * The HTTP transport: egress-checked, with timeouts, retries and rate-limit handling.
     *
     * @return the transport
     */
    HttpTransport http();

    /**
     * The clock to use instead of {@link System#currentTimeMillis()}, so tests can control time.
     *
     * @return the clock
     */
    Clock clock();

    /**
     * Where to record writes made to the source of truth.
     *
     * @return the audit sink
     */
    default AuditSink audit() {
        return AuditSink.NONE;
    }

    /**
     * Where to report progress of long operations.
     *
     * @return the progress listener
     */
    default ProgressListener progress() {
        return ProgressListener.NONE;
    }
}
