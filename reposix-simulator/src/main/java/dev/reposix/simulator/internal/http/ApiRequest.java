package dev.reposix.simulator.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reposix.simulator.internal.api.Json;
import dev.reposix.simulator.internal.store.ApiFailure;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed request as handlers see it: path parameters, query parameters, headers (names in lower
 * case, first value) and the raw body.
 * Immutable apart from the body array, which handlers only read; thread-safe in that use.
 */
public record ApiRequest(String method, String path, Map<String, String> pathParameters,
                         Map<String, List<String>> queryParameters, Map<String, String> headers, byte[] body) {
    /** Validates and copies. */
    public ApiRequest {
        Objects.requireNonNull(method, "method is null");
        Objects.requireNonNull(path, "path is null");
        pathParameters = Map.copyOf(pathParameters);
        queryParameters = Collections.unmodifiableMap(new LinkedHashMap<>(queryParameters));
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body is null");
    }

    /** A request header by case-insensitive name. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The first value of a query parameter. */
    public Optional<String> query(String name) {
        List<String> values = queryParameters.getOrDefault(name, List.of());
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** All values of a repeatable query parameter, also splitting comma-separated values. */
    public List<String> queryAll(String name) {
        List<String> values = new ArrayList<>();
        for (String value : queryParameters.getOrDefault(name, List.of())) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.trim());
                }
            }
        }
        return values;
    }

    /** A boolean query parameter. */
    public boolean flag(String name, boolean fallback) {
        return query(name).map(Boolean::parseBoolean).orElse(fallback);
    }

    /** A numeric path parameter such as a page id; 404 when it is not a number, as Cloud answers. */
    public long pathId(String name) {
        String value = pathParameters.get(name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiFailure.notFound("No content with id " + value);
        }
    }

    /** A path parameter as text. */
    public String pathText(String name) {
        return pathParameters.get(name);
    }

    /** The body as JSON; 400 when it is not. */
    public JsonNode json() {
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw ApiFailure.badRequest("A JSON body is required");
            }
            return node;
        } catch (IOException e) {
            throw ApiFailure.badRequest("The body is not valid JSON");
        }
    }
}
