package dev.reposix.core.internal;

import dev.reposix.api.AuditSink;
import dev.reposix.api.BackendContext;
import dev.reposix.api.HttpTransport;
import dev.reposix.api.ProgressListener;
import java.time.Clock;

/**
 * The {@link BackendContext} core hands to backends. Not API: backends see the interface. Immutable
 * and thread-safe.
 *
 * @param http the egress-checked transport
 * @param clock the clock
 * @param progress where long operations report progress
 * @param audit where writes are recorded
 */
public record DefaultBackendContext(HttpTransport http, Clock clock, ProgressListener progress, AuditSink audit)
        implements BackendContext {
}
