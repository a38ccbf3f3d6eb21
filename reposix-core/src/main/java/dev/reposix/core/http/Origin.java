package dev.reposix.core.http;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.Locale;

/**
 * A web origin: scheme, host and port, with the scheme's default port filled in. Immutable.
 *
 * @param scheme {@code http} or {@code https}
 * @param host the host, lower case; IPv6 literals without brackets
 * @param port the port, 1..65535
 * @since 0.1
 */
public record Origin(String scheme, String host, int port) {

    /**
     * Validates and normalises case.
     *
     * @param scheme the scheme
     * @param host the host
     * @param port the port
     */
    public Origin {
        scheme = requireNonNull(scheme, "scheme is null").toLowerCase(Locale.ROOT);
        host = requireNonNull(host, "host is null").toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /**
     * The origin a URI points at.
     *
     * @param uri an absolute http or https URI
     * @return its origin
     * @throws IllegalArgumentException for other schemes or a URI without host
     */
    public static Origin of(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("only http and https URLs are supported, not '" + scheme + "'");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("URL has no host");
        }
        int port = uri.getPort() == -1 ? defaultPort(scheme) : uri.getPort();
        return new Origin(scheme, uri.getHost(), port);
    }

    /**
     * The default port of a scheme.
     *
     * @param scheme {@code http} or {@code https}
     * @return 80 or 443
     */
    static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    /**
     * {@code scheme://host:port}, the form REPOSIX_ALLOWED_ORIGINS accepts; the port is omitted when
     * it is the scheme's default.
     *
     * @return the origin as text
     */
    @Override
    public String toString() {
        String printedHost = host.contains(":") ? "[" + host + "]" : host;
        return scheme + "://" + printedHost + (port == defaultPort(scheme) ? "" : ":" + port);
    }
}
