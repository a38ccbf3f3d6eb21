package dev.reposix.api;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An HTTP request for {@link HttpTransport}. Immutable and thread-safe; {@link #toString()} shows
 * neither headers nor body, so credentials cannot leak into logs.
 *
 * @since 0.1
 */
public final class TransportRequest {

    private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE");

    private final String method;
    private final URI uri;
    private final List<Map.Entry<String, String>> headers;
    private final byte[] body;
    private final boolean retryable;

    private TransportRequest(Builder builder) {
        this.method = builder.method;
        this.uri = builder.uri;
        this.headers = List.copyOf(builder.headers);
        this.body = builder.body.clone();
        this.retryable = builder.retryable == null ? IDEMPOTENT_METHODS.contains(method) : builder.retryable;
    }

    /**
     * A GET request.
     *
     * @param uri an absolute http or https URI
     * @return a builder
     */
    public static Builder get(URI uri) {
        return new Builder("GET", uri);
    }

    /**
     * A request with any method.
     *
     * @param method e.g. {@code POST}
     * @param uri an absolute http or https URI
     * @return a builder
     */
    public static Builder of(String method, URI uri) {
        return new Builder(method, uri);
    }

    /**
     * The method, upper case.
     *
     * @return the method
     */
    public String method() {
        return method;
    }

    /**
     * The absolute target URI.
     *
     * @return the URI
     */
    public URI uri() {
        return uri;
    }

    /**
     * The headers, in order; a name may repeat.
     *
     * @return the headers
     */
    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    /**
     * The body's length in bytes (0 for none).
     *
     * @return the length
     */
    public int bodyLength() {
        return body.length;
    }

    /**
     * The body as a fresh stream.
     *
     * @return the body
     */
    public InputStream body() {
        return new ByteArrayInputStream(body);
    }

    /**
     * Whether the transport may send this request again after a connection error or a 5xx answer.
     * Defaults to the method's idempotency (GET, HEAD, OPTIONS, PUT, DELETE).
     *
     * @return whether retryable
     */
    public boolean retryable() {
        return retryable;
    }

    @Override
    public String toString() {
        return method + " " + RedactedUri.of(uri);
    }

    /** Builds a {@link TransportRequest}; not thread-safe. */
    public static final class Builder {
        private final String method;
        private final URI uri;
        private final List<Map.Entry<String, String>> headers = new ArrayList<>();
        private byte[] body = new byte[0];
        private Boolean retryable;

        private Builder(String method, URI uri) {
            this.method = requireNonNull(method, "method is null").toUpperCase(Locale.ROOT);
            this.uri = requireNonNull(uri, "uri is null");
            if (!uri.isAbsolute() || uri.getHost() == null) {
                throw new IllegalArgumentException("request URI must be absolute with a host: " + RedactedUri.of(uri));
            }
        }

        /**
         * Adds a header.
         *
         * @param name the name
         * @param value the value
         * @return this builder
         */
        public Builder header(String name, String value) {
            headers.add(Map.entry(requireNonNull(name, "name is null"), requireNonNull(value, "value is null")));
            return this;
        }

        /**
         * Sets the body.
         *
         * @param contentType the media type, sent as {@code Content-Type}
         * @param bytes the body
         * @return this builder
         */
        public Builder body(String contentType, byte[] bytes) {
            header("Content-Type", contentType);
            this.body = requireNonNull(bytes, "bytes is null").clone();
            return this;
        }

        /**
         * Overrides whether the request may be retried.
         *
         * @param value whether the transport may repeat it
         * @return this builder
         */
        public Builder retryable(boolean value) {
            this.retryable = value;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         */
        public TransportRequest build() {
            return new TransportRequest(this);
        }
    }
}
