package dev.reposix.core.internal;

import dev.reposix.api.BackendContext;
import dev.reposix.api.HttpTransport;
import java.time.Clock;

/**
 * The {@link BackendContext} core hands to backends. Immutable and thread-safe.
 *
 * @param http the egress-checked transport
 * @param clock the clock
 */
record DefaultBackendContext(HttpTransport http, Clock clock) implements BackendContext {
}
