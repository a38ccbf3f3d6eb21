package dev.reposix.simulator.internal.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reposix.simulator.internal.api.Json;
import dev.reposix.simulator.internal.store.ApiFailure;

/**
 * The v2 error body: {@code {"errors":[{"status":409,"code":"CONFLICT","title":"...","detail":null}]}}.
 * The OpenAPI document declares no error schema; this is what Confluence Cloud sends for v2
 * endpoints, and the simulator uses it for every error, 401 and 429 included. Stateless, thread-safe.
 */
public final class ErrorBodies {
    private ErrorBodies() {
    }

    /** The response for a refused request. */
    public static ApiResponse of(ApiFailure failure) {
        return of(failure.status(), failure.code(), failure.getMessage());
    }

    /** The response for a status, code and title. */
    public static ApiResponse of(int status, String code, String title) {
        ObjectNode error = Json.object();
        error.put("status", status);
        error.put("code", code);
        error.put("title", title);
        error.putNull("detail");
        ObjectNode body = Json.object();
        body.putArray("errors").add(error);
        return ApiResponse.json(status, body);
    }

    /** The code Confluence uses for a status the simulator injects. */
    public static String codeFor(int status) {
        return switch (status) {
            case 400 -> "INVALID_REQUEST_PARAMETER";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 409 -> "CONFLICT";
            case 413 -> "REQUEST_ENTITY_TOO_LARGE";
            case 429 -> "TOO_MANY_REQUESTS";
            case 502 -> "BAD_GATEWAY";
            case 503 -> "SERVICE_UNAVAILABLE";
            default -> status >= 500 ? "INTERNAL_SERVER_ERROR" : "BAD_REQUEST";
        };
    }
}
