package dev.reposix.simulator.internal.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.reposix.simulator.Fault;
import dev.reposix.simulator.FaultPlan;
import dev.reposix.simulator.RequestCounters;
import dev.reposix.simulator.internal.store.ApiFailure;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request pipeline: admin requests aside, every request is counted, authenticated, passed
 * through the fault plan, routed, handled and written (or deliberately broken by a fault).
 *
 * <p>Thread-safe: it keeps no per-request state in fields.
 */
public final class SimulatorHttpHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorHttpHandler.class);
    private static final Duration HOLD_SAFETY_TIMEOUT = Duration.ofMinutes(2);

    private final Router router;
    private final AdminEndpoints admin;
    private final RequestCounters counters;
    private final FaultPlan faults;
    private final BasicAuth auth;
    private final long maxRequestBytes;

    /** Creates the pipeline. */
    public SimulatorHttpHandler(Router router, AdminEndpoints admin, RequestCounters counters, FaultPlan faults,
                                BasicAuth auth, long maxRequestBytes) {
        this.router = router;
        this.admin = admin;
        this.counters = counters;
        this.faults = faults;
        this.auth = auth;
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            dispatch(exchange);
        } catch (IOException e) {
            LOG.debug("client went away: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("simulator failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        } finally {
            exchange.close();
        }
    }

    private void dispatch(HttpExchange exchange) throws IOException, InterruptedException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        if (path.startsWith(AdminEndpoints.PREFIX)) {
            ResponseWriter.write(exchange, admin.handle(method, path, readBody(exchange, Long.MAX_VALUE)));
            return;
        }
        Optional<Router.Match> match = router.match(method, path);
        String template = match.map(Router.Match::template).orElse("(unmatched)");
        String endpoint = method + " " + template;
        counters.recordRequest(endpoint);
        if (!auth.accepts(exchange.getRequestHeaders().getFirst("Authorization"))) {
            ApiResponse denied = ErrorBodies.of(401, "UNAUTHORIZED", "Unauthorized; check email and API token")
                .withHeader("x-failure-category", "FAILURE_CLIENT_AUTH_MISMATCH");
            send(exchange, endpoint, denied);
            return;
        }
        Optional<Fault> fault = faults.select(method, template);
        if (fault.isPresent() && fault.get() instanceof Fault.Hold hold) {
            hold.latch().holdCurrentRequest(HOLD_SAFETY_TIMEOUT);
        } else if (fault.isPresent() && fault.get() instanceof Fault.Delay delay) {
            Thread.sleep(delay.delay().toMillis());
        } else if (fault.isPresent() && fault.get() instanceof Fault.Status status) {
            send(exchange, endpoint, injected(status));
            return;
        }
        ApiResponse response = handle(exchange, method, path, match);
        if (fault.isPresent() && fault.get() instanceof Fault.DropResponseAfterWrite) {
            ResponseWriter.drop(exchange);
        } else if (fault.isPresent() && fault.get() instanceof Fault.ResetMidBody) {
            counters.recordBytes(endpoint, ResponseWriter.writeTruncated(exchange, response));
        } else {
            send(exchange, endpoint, response);
        }
    }

    /** Counts the bytes before sending them, so a client that saw the answer also sees it counted. */
    private void send(HttpExchange exchange, String endpoint, ApiResponse response) throws IOException {
        counters.recordBytes(endpoint, response.body().length);
        ResponseWriter.write(exchange, response);
    }

    private ApiResponse handle(HttpExchange exchange, String method, String path, Optional<Router.Match> match)
        throws IOException {
        if (match.isEmpty()) {
            return ErrorBodies.of(404, "NOT_FOUND", "No endpoint " + method + " " + path + " in the simulator");
        }
        byte[] body = readBody(exchange, maxRequestBytes);
        if (body == null) {
            return ErrorBodies.of(413, "REQUEST_ENTITY_TOO_LARGE",
                "The request is larger than " + maxRequestBytes + " bytes");
        }
        ApiRequest request = new ApiRequest(method, path, match.get().pathParameters(),
            parseQuery(exchange.getRequestURI().getRawQuery()), headers(exchange), body);
        try {
            return match.get().handler().handle(request);
        } catch (ApiFailure failure) {
            return ErrorBodies.of(failure);
        } catch (RuntimeException e) {
            // A simulator bug must still answer, or clients would mistake it for a network fault.
            LOG.warn("simulator handler failed on {} {}", method, path, e);
            return ErrorBodies.of(500, "INTERNAL_SERVER_ERROR", "Simulator error: " + e);
        }
    }

    private static ApiResponse injected(Fault.Status status) {
        ApiResponse response = ErrorBodies.of(status.status(), ErrorBodies.codeFor(status.status()),
            "Injected by the simulator's fault plan");
        if (!status.retryAfter().isZero() || status.status() == 429) {
            long seconds = Math.max(1, (status.retryAfter().toMillis() + 999) / 1000);
            response = response.withHeader("Retry-After", Long.toString(seconds));
        }
        return response;
    }

    private static Map<String, String> headers(HttpExchange exchange) {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        return headers;
    }

    /** The body, or null if it is larger than {@code limit}. */
    private static byte[] readBody(HttpExchange exchange, long limit) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            int cap = limit >= Integer.MAX_VALUE - 8 ? Integer.MAX_VALUE - 8 : (int) limit + 1;
            byte[] bytes = in.readNBytes(cap);
            return bytes.length > limit ? null : bytes;
        }
    }

    static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.computeIfAbsent(name, ignored -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
