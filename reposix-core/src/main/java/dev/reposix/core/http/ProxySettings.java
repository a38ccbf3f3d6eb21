package dev.reposix.core.http;

import dev.reposix.api.ReposixException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.CredentialsProvider;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;

/**
 * Proxies from the standard {@code HTTPS_PROXY}, {@code HTTP_PROXY} and {@code NO_PROXY} variables
 * (either case). {@code NO_PROXY} holds host names, domain suffixes ({@code .corp.example} or
 * {@code corp.example}) and {@code *}. Loopback targets never use a proxy, so the simulator works
 * behind a company proxy. User-info in a proxy URL ({@code http://user:password@proxy:3128},
 * percent-encoded) answers the proxy's Basic challenge and is never printed. Immutable and thread-safe.
 *
 * @param httpsProxy the proxy for https targets
 * @param httpProxy the proxy for http targets
 * @param noProxy the host patterns that bypass the proxy
 * @since 0.1
 */
public record ProxySettings(Optional<URI> httpsProxy, Optional<URI> httpProxy, List<String> noProxy) {

    /** No proxy at all. */
    public static final ProxySettings NONE = new ProxySettings(Optional.empty(), Optional.empty(), List.of());

    /**
     * Copies.
     *
     * @param httpsProxy the https proxy
     * @param httpProxy the http proxy
     * @param noProxy the bypass patterns
     */
    public ProxySettings {
        noProxy = List.copyOf(noProxy);
    }

    /**
     * Reads the proxy variables.
     *
     * @param environment the environment
     * @return the settings
     * @throws ReposixException {@link HttpErrorCode#INVALID_PROXY} for a malformed proxy URL
     */
    public static ProxySettings fromEnvironment(Map<String, String> environment) {
        List<String> noProxy = new ArrayList<>();
        for (String entry : variable(environment, "NO_PROXY").orElse("").split(",")) {
            String trimmed = entry.trim().toLowerCase(Locale.ROOT);
            if (!trimmed.isEmpty()) {
                noProxy.add(trimmed);
            }
        }
        return new ProxySettings(proxy(environment, "HTTPS_PROXY"), proxy(environment, "HTTP_PROXY"), noProxy);
    }

    private static Optional<String> variable(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            value = environment.get(name.toLowerCase(Locale.ROOT));
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static Optional<URI> proxy(Map<String, String> environment, String name) {
        Optional<String> value = variable(environment, name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String text = value.get().contains("://") ? value.get() : "http://" + value.get();
        try {
            URI uri = new URI(text);
            if (uri.getHost() == null || !List.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
                throw new URISyntaxException(text, "expected http://host:port");
            }
            return Optional.of(uri);
        } catch (URISyntaxException malformed) {
            throw new ReposixException(HttpErrorCode.INVALID_PROXY,
                    name + " is not a proxy URL of the form http://host:port; fix or unset it");
        }
    }

    /**
     * The proxy to use for a target, if any.
     *
     * @param scheme the target's scheme
     * @param host the target's host
     * @return the proxy URI, or empty to connect directly
     */
    public Optional<URI> proxyFor(String scheme, String host) {
        String lowerHost = host.toLowerCase(Locale.ROOT);
        if (isLoopback(lowerHost) || bypassed(lowerHost)) {
            return Optional.empty();
        }
        return "https".equalsIgnoreCase(scheme) ? httpsProxy : httpProxy;
    }

    private boolean bypassed(String host) {
        for (String pattern : noProxy) {
            if (pattern.equals("*")) {
                return true;
            }
            String domain = pattern.startsWith(".") ? pattern.substring(1) : pattern;
            if (host.equals(domain) || host.endsWith("." + domain)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }

    /**
     * Credentials for the proxies that carry user-info ({@code http://user:password@proxy:3128}),
     * so HttpClient can answer a proxy's 407 challenge. Never logged.
     *
     * @return a credentials provider, empty when no proxy has user-info
     */
    CredentialsProvider credentials() {
        BasicCredentialsProvider provider = new BasicCredentialsProvider();
        Stream.of(httpsProxy, httpProxy).flatMap(Optional::stream).filter(uri -> uri.getRawUserInfo() != null)
                .forEach(uri -> {
                    String userInfo = uri.getRawUserInfo();
                    int colon = userInfo.indexOf(':');
                    String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
                    char[] password = decode(colon < 0 ? "" : userInfo.substring(colon + 1)).toCharArray();
                    int port = uri.getPort() == -1 ? Origin.defaultPort(uri.getScheme()) : uri.getPort();
                    provider.setCredentials(new AuthScope(uri.getHost(), port), new UsernamePasswordCredentials(user, password));
                });
        return provider;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "ProxySettings[https=" + httpsProxy.map(ProxySettings::hostPort).orElse("none")
                + ", http=" + httpProxy.map(ProxySettings::hostPort).orElse("none") + ", noProxy=" + noProxy + "]";
    }

    private static String hostPort(URI uri) {
        return uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
