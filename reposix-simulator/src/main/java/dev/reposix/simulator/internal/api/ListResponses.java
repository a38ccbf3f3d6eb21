package dev.reposix.simulator.internal.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reposix.simulator.internal.http.ApiRequest;
import dev.reposix.simulator.internal.http.ApiResponse;
import dev.reposix.simulator.internal.store.ApiFailure;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The v2 {@code MultiEntityResult} envelope: {@code results} and {@code _links} with
 * {@code base} and, when there is more, {@code next} as a relative path starting with
 * {@code /wiki/api/v2/} that repeats the request's parameters with the new {@code cursor}. As on
 * Cloud the same link is sent in a {@code Link: <...>; rel="next"} header (the OpenAPI document
 * does not describe it).
 */
final class ListResponses {
    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 250;

    private ListResponses() {
    }

    /** The {@code limit} parameter, clamped to 1..250 as Cloud does; default 25. */
    static int limit(ApiRequest request) {
        return limit(request, DEFAULT_LIMIT);
    }

    /** The {@code limit} parameter, clamped to 1..250 as Cloud does, for a list with its own default. */
    static int limit(ApiRequest request, int defaultLimit) {
        String value = request.query("limit").orElse(Integer.toString(defaultLimit));
        try {
            return Math.max(1, Math.min(MAX_LIMIT, Integer.parseInt(value)));
        } catch (NumberFormatException e) {
            throw ApiFailure.badRequest("limit must be a number: " + value);
        }
    }

    /**
     * The repeatable {@code status} parameter: {@code defaults} when absent, 400 for a value not in
     * {@code known}.
     */
    static Set<String> statuses(ApiRequest request, Set<String> defaults, Set<String> known) {
        List<String> requested = request.queryAll("status");
        if (requested.isEmpty()) {
            return defaults;
        }
        for (String status : requested) {
            if (!known.contains(status)) {
                throw ApiFailure.badRequest("Unknown status: " + status);
            }
        }
        return Set.copyOf(requested);
    }

    static ApiResponse of(ArrayNode results, Optional<String> nextCursor, ApiRequest request,
                          ApiContext context) {
        ObjectNode body = Json.object();
        body.set("results", results);
        ObjectNode links = body.putObject("_links");
        Optional<String> next = nextCursor.map(cursor -> nextLink(request, cursor));
        next.ifPresent(link -> links.put("next", link));
        links.put("base", context.siteBase());
        ApiResponse response = ApiResponse.ok(body);
        if (next.isPresent()) {
            response = response.withHeader("Link", "<" + next.get() + ">; rel=\"next\", <" + context.siteBase()
                + ">; rel=\"base\"");
        }
        return response;
    }

    private static String nextLink(ApiRequest request, String cursor) {
        StringJoiner query = new StringJoiner("&");
        for (Map.Entry<String, List<String>> parameter : request.queryParameters().entrySet()) {
            if (parameter.getKey().equals("cursor")) {
                continue;
            }
            for (String value : parameter.getValue()) {
                query.add(encode(parameter.getKey()) + "=" + encode(value));
            }
        }
        query.add("cursor=" + encode(cursor));
        return request.path() + "?" + query;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
