package dev.reposix.testkit;

import static java.util.Objects.requireNonNull;

import dev.reposix.api.AuditEvent;
import dev.reposix.api.AuditSink;
import dev.reposix.api.BackendContext;
import dev.reposix.api.HttpTransport;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link BackendContext} for tests: a given clock, a given (or no) HTTP transport, and an audit
 * sink that keeps every event for assertions. Thread-safe.
 *
 * @since 0.1
 */
public final class TestingBackendContext implements BackendContext {

    /** The instant of {@link #offline()}'s clock. */
    public static final Instant EPOCH = Instant.parse("2026-11-24T06:15:00Z");

    private final HttpTransport http;
    private final Clock clock;
    private final List<AuditEvent> auditEvents = new CopyOnWriteArrayList<>();

    private TestingBackendContext(HttpTransport http, Clock clock) {
        this.http = requireNonNull(http, "http is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * A context for backends that never touch the network, with a clock fixed at {@link #EPOCH}.
     *
     * @return the context
     */
    public static TestingBackendContext offline() {
        return offline(Clock.fixed(EPOCH, ZoneOffset.UTC));
    }

    /**
     * A context for backends that never touch the network: any HTTP request fails the test.
     *
     * @param clock the clock
     * @return the context
     */
    public static TestingBackendContext offline(Clock clock) {
        return new TestingBackendContext(request -> {
            throw new IllegalStateException("this test context has no network; refused " + request);
        }, clock);
    }

    /**
     * A context with a real or fake transport.
     *
     * @param http the transport
     * @param clock the clock
     * @return the context
     */
    public static TestingBackendContext of(HttpTransport http, Clock clock) {
        return new TestingBackendContext(http, clock);
    }

    @Override
    public HttpTransport http() {
        return http;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public AuditSink audit() {
        return auditEvents::add;
    }

    /**
     * The audit events recorded so far, oldest first.
     *
     * @return a snapshot of the events
     */
    public List<AuditEvent> auditEvents() {
        return List.copyOf(auditEvents);
    }
}
