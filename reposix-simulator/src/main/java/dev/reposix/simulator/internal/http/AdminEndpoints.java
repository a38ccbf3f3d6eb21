package dev.reposix.simulator.internal.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reposix.simulator.FaultPlan;
import dev.reposix.simulator.FaultRule;
import dev.reposix.simulator.RequestCounters;
import dev.reposix.simulator.internal.api.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The simulator's own endpoints under {@code /__sim}, unauthenticated and never counted, so tools
 * and the CLI can read counters and steer faults from outside the JVM:
 * {@code GET /__sim/counters}, {@code POST /__sim/counters/reset}, {@code POST /__sim/faults}
 * (body: a {@link FaultRule#parse(String)} text), {@code DELETE /__sim/faults}.
 *
 * <p>Thread-safe.
 */
public final class AdminEndpoints {
    /** Path prefix of every admin endpoint. */
    public static final String PREFIX = "/__sim/";

    private final RequestCounters counters;
    private final FaultPlan faults;

    /** Creates the admin endpoints. */
    public AdminEndpoints(RequestCounters counters, FaultPlan faults) {
        this.counters = counters;
        this.faults = faults;
    }

    ApiResponse handle(String method, String path, byte[] body) {
        String route = method + " " + path;
        switch (route) {
            case "GET /__sim/counters":
                return ApiResponse.ok(countersJson());
            case "POST /__sim/counters/reset":
                counters.reset();
                return ApiResponse.noContent();
            case "POST /__sim/faults":
                try {
                    faults.add(FaultRule.parse(new String(body, StandardCharsets.UTF_8)));
                    return ApiResponse.noContent();
                } catch (IllegalArgumentException e) {
                    return ErrorBodies.of(400, "INVALID_REQUEST_PARAMETER", e.getMessage());
                }
            case "DELETE /__sim/faults":
                faults.clear();
                return ApiResponse.noContent();
            default:
                return ErrorBodies.of(404, "NOT_FOUND", "No admin endpoint " + route);
        }
    }

    private ObjectNode countersJson() {
        ObjectNode json = Json.object();
        ObjectNode requests = json.putObject("requests");
        for (Map.Entry<String, Long> entry : counters.snapshot().entrySet()) {
            requests.put(entry.getKey(), entry.getValue());
        }
        json.put("totalRequests", counters.total());
        json.put("bytesSent", counters.bytesSent());
        return json;
    }
}
