package dev.reposix.simulator.internal.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps method + path to a handler through path templates like {@code /wiki/api/v2/pages/{id}}.
 * Literal segments win over parameters, so {@code /pages/{id}/children} and a template with a
 * literal at the same place never clash. Routes are registered before the server starts.
 *
 * <p>Not thread-safe for registration; safe for concurrent matching afterwards.
 */
public final class Router {
    private final List<Route> routes = new ArrayList<>();

    /** A matched route. */
    public record Match(String template, RequestHandler handler, Map<String, String> pathParameters) {
    }

    private record Route(String method, String template, String[] segments, RequestHandler handler) {
    }

    /** Registers a handler. */
    public Router add(String method, String template, RequestHandler handler) {
        routes.add(new Route(method, template, split(template), handler));
        return this;
    }

    /** The handler for a request, if any route matches its method and path. */
    public Optional<Match> match(String method, String path) {
        String[] segments = split(path);
        Match best = null;
        int bestLiterals = -1;
        for (Route route : routes) {
            if (!route.method.equals(method) || route.segments.length != segments.length) {
                continue;
            }
            Map<String, String> parameters = new HashMap<>();
            int literals = 0;
            boolean matched = true;
            for (int index = 0; index < segments.length && matched; index++) {
                String expected = route.segments[index];
                if (expected.startsWith("{") && expected.endsWith("}")) {
                    parameters.put(expected.substring(1, expected.length() - 1), segments[index]);
                } else if (expected.equals(segments[index])) {
                    literals++;
                } else {
                    matched = false;
                }
            }
            if (matched && literals > bestLiterals) {
                best = new Match(route.template, route.handler, parameters);
                bestLiterals = literals;
            }
        }
        return Optional.ofNullable(best);
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.split("/", -1);
    }
}
