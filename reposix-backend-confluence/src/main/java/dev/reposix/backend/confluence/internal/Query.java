package dev.reposix.backend.confluence.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A URL query with repeatable parameters, percent-encoded; not thread-safe while being built. */
final class Query {

    private final List<Map.Entry<String, String>> parameters = new ArrayList<>();

    static Query of() {
        return new Query();
    }

    Query with(String name, Object value) {
        parameters.add(Map.entry(name, String.valueOf(value)));
        return this;
    }

    Query withEach(String name, Iterable<?> values) {
        for (Object value : values) {
            with(name, value);
        }
        return this;
    }

    /** The path followed by {@code ?query}, or the bare path when there is no parameter. */
    String appendTo(String path) {
        if (parameters.isEmpty()) {
            return path;
        }
        StringBuilder text = new StringBuilder(path).append('?');
        for (int index = 0; index < parameters.size(); index++) {
            Map.Entry<String, String> parameter = parameters.get(index);
            text.append(index == 0 ? "" : "&").append(encode(parameter.getKey())).append('=')
                    .append(encode(parameter.getValue()));
        }
        return text.toString();
    }

    /** Percent-encodes one path segment or query value (spaces as %20, {@code ~} kept as {@code %7E}). */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
