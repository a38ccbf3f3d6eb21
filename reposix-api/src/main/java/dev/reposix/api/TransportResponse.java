package dev.reposix.api;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP response from {@link HttpTransport}: status, headers (names compared case-insensitively)
 * and the whole body. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class TransportResponse {

    private final URI uri;
    private final int status;
    private final List<Map.Entry<String, String>> headers;
    private final byte[] body;

    /**
     * Creates a response.
     *
     * @param uri the URI that answered (after redirects)
     * @param status the HTTP status
     * @param headers the headers in order
     * @param body the body, empty for none
     */
    public TransportResponse(URI uri, int status, List<Map.Entry<String, String>> headers, byte[] body) {
        this.uri = requireNonNull(uri, "uri is null");
        this.status = status;
        this.headers = List.copyOf(headers);
        this.body = body.clone();
    }

    /**
     * The URI that produced this response; differs from the request's after a redirect.
     *
     * @return the URI
     */
    public URI uri() {
        return uri;
    }

    /**
     * The HTTP status code.
     *
     * @return the status
     */
    public int status() {
        return status;
    }

    /**
     * Whether the status is 2xx.
     *
     * @return {@code true} for success
     */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /**
     * The first value of a header.
     *
     * @param name the header name, any case
     * @return the value, or empty
     */
    public Optional<String> header(String name) {
        List<String> all = headers(name);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /**
     * Every value of a header, in order.
     *
     * @param name the header name, any case
     * @return the values, possibly empty
     */
    public List<String> headers(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().toLowerCase(Locale.ROOT).equals(wanted)) {
                values.add(header.getValue());
            }
        }
        return values;
    }

    /**
     * All headers in order.
     *
     * @return the headers
     */
    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    /**
     * The body bytes (a copy).
     *
     * @return the body
     */
    public byte[] body() {
        return body.clone();
    }

    /**
     * The body decoded as UTF-8.
     *
     * @return the body text
     */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return status + " from " + RedactedUri.of(uri);
    }
}
