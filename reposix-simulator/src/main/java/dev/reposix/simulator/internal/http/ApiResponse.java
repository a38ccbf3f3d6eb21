package dev.reposix.simulator.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reposix.simulator.internal.api.Json;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response before it is written: status, extra headers and body bytes. Immutable in use, thread-safe. */
public record ApiResponse(int status, Map<String, String> headers, byte[] body) {
    /** Copies the headers. */
    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    /** A JSON response. */
    public static ApiResponse json(int status, JsonNode node) {
        try {
            return new ApiResponse(status, Map.of("Content-Type", "application/json;charset=UTF-8"),
                Json.MAPPER.writeValueAsBytes(node));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 200 JSON response. */
    public static ApiResponse ok(JsonNode node) {
        return json(200, node);
    }

    /** An empty 204 response. */
    public static ApiResponse noContent() {
        return new ApiResponse(204, Map.of(), new byte[0]);
    }

    /** This response with one more header. */
    public ApiResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiResponse(status, more, body);
    }
}
