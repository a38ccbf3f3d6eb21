package dev.reposix.core.http;

import static java.util.Objects.requireNonNull;

import dev.reposix.api.RedactedUri;
import dev.reposix.api.ReposixException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The allow-list of origins reposix may send requests to, read from {@code REPOSIX_ALLOWED_ORIGINS}:
 * a comma-separated list of {@code scheme://host[:port]} where the port may be {@code *} (any port)
 * and a missing port means the scheme's default. Unset means loopback only
 * ({@value #DEFAULT_ALLOWED_ORIGINS}). The policy fails closed: a malformed value, or an empty one,
 * denies every request with an error that says why. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class EgressPolicy {

    /** The environment variable holding the allow-list. */
    public static final String VARIABLE = "REPOSIX_ALLOWED_ORIGINS";

    /** The allow-list when the variable is not set: the local machine only. */
    public static final String DEFAULT_ALLOWED_ORIGINS = "http://127.0.0.1:*,http://localhost:*";

    private static final Pattern ENTRY = Pattern.compile(
            "(?<scheme>[A-Za-z][A-Za-z0-9+.-]*)://(?<host>\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9._-]+)(?::(?<port>\\*|[0-9]{1,5}))?/?");

    private static final Pattern USER_INFO = Pattern.compile("//[^/@,\\s]*@");

    private final String configuredValue;
    private final List<AllowedOrigin> allowed;
    private final Optional<String> configurationError;

    private EgressPolicy(String configuredValue, List<AllowedOrigin> allowed, Optional<String> configurationError) {
        this.configuredValue = configuredValue;
        this.allowed = List.copyOf(allowed);
        this.configurationError = configurationError;
    }

    /**
     * The policy the environment asks for.
     *
     * @param environment the process environment (or an embedder's map)
     * @return the policy
     */
    public static EgressPolicy fromEnvironment(Map<String, String> environment) {
        String value = environment.get(VARIABLE);
        return parse(value == null ? DEFAULT_ALLOWED_ORIGINS : value);
    }

    /**
     * Parses an allow-list. Never throws: a malformed list yields a policy that denies everything
     * and explains why on every check.
     *
     * @param value the comma-separated allow-list
     * @return the policy
     */
    public static EgressPolicy parse(String value) {
        requireNonNull(value, "value is null");
        List<AllowedOrigin> allowed = new ArrayList<>();
        for (String rawEntry : value.split(",", -1)) {
            String entry = rawEntry.trim();
            if (entry.isEmpty()) {
                if (value.isBlank()) {
                    return denyAll(value, VARIABLE + " is set but empty, so every request is denied");
                }
                return denyAll(value, VARIABLE + " has an empty entry in '" + withoutUserInfo(value)
                        + "': remove the extra comma");
            }
            Optional<AllowedOrigin> parsed = parseEntry(entry);
            if (parsed.isEmpty()) {
                return denyAll(value, VARIABLE + " has a malformed entry '" + withoutUserInfo(entry)
                        + "': expected scheme://host[:port] with scheme http or https and port a number or *");
            }
            allowed.add(parsed.get());
        }
        return new EgressPolicy(value, allowed, Optional.empty());
    }

    // An entry with user-info is malformed, but its password must not reach the error message.
    private static String withoutUserInfo(String text) {
        return USER_INFO.matcher(text).replaceAll("//");
    }

    private static EgressPolicy denyAll(String value, String error) {
        return new EgressPolicy(value, List.of(), Optional.of(error));
    }

    private static Optional<AllowedOrigin> parseEntry(String entry) {
        Matcher matcher = ENTRY.matcher(entry);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String scheme = matcher.group("scheme").toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.empty();
        }
        String port = matcher.group("port");
        if (port == null) {
            return Optional.of(new AllowedOrigin(new Origin(scheme, matcher.group("host"), Origin.defaultPort(scheme)), false));
        }
        if (port.equals("*")) {
            return Optional.of(new AllowedOrigin(new Origin(scheme, matcher.group("host"), 1), true));
        }
        int number = Integer.parseInt(port);
        if (number < 1 || number > 65535) {
            return Optional.empty();
        }
        return Optional.of(new AllowedOrigin(new Origin(scheme, matcher.group("host"), number), false));
    }

    /**
     * Whether a URI may be requested.
     *
     * @param uri the target
     * @return {@code true} if its origin is allowed
     */
    public boolean allows(URI uri) {
        if (configurationError.isPresent()) {
            return false;
        }
        Origin origin;
        try {
            origin = Origin.of(uri);
        } catch (IllegalArgumentException notHttp) {
            return false;
        }
        return allowed.stream().anyMatch(entry -> entry.matches(origin));
    }

    /**
     * Whether some allowed origin has this host, whatever its scheme and port: an {@code https://host}
     * entry also authorises {@code ssh} to that host (git over ssh to a mirror).
     *
     * @param host the host name, as in a URL
     * @return {@code true} if the host is on the list
     */
    public boolean allowsHost(String host) {
        return configurationError.isEmpty()
                && allowed.stream().anyMatch(entry -> entry.origin().host().equalsIgnoreCase(host));
    }

    /**
     * Throws unless a URI may be requested; call it before opening any connection.
     *
     * @param uri the target
     * @throws ReposixException {@link HttpErrorCode#EGRESS_POLICY_INVALID} for a malformed
     *     allow-list, {@link HttpErrorCode#EGRESS_DENIED} for an origin not on it
     */
    public void check(URI uri) {
        if (configurationError.isPresent()) {
            throw new ReposixException(HttpErrorCode.EGRESS_POLICY_INVALID, configurationError.get()
                    + ". Nothing was sent to " + RedactedUri.of(uri) + ". Example of a valid value: export "
                    + VARIABLE + "=\"https://acme.atlassian.net,http://127.0.0.1:*\"");
        }
        if (allows(uri)) {
            return;
        }
        String origin;
        try {
            origin = Origin.of(uri).toString();
        } catch (IllegalArgumentException notHttp) {
            throw new ReposixException(HttpErrorCode.EGRESS_DENIED,
                    "request to " + RedactedUri.of(uri) + " denied: " + notHttp.getMessage());
        }
        throw new ReposixException(HttpErrorCode.EGRESS_DENIED, "request to " + origin
                + " denied by the egress policy (" + VARIABLE + "=" + configuredValue + "); nothing was sent."
                + " If you trust this origin, allow it with:\n  export " + VARIABLE + "=\"" + configuredValue + ","
                + origin + "\"");
    }

    /**
     * The allow-list as configured.
     *
     * @return the raw value
     */
    public String configuredValue() {
        return configuredValue;
    }

    /**
     * Why the configured value denies everything, if it is malformed or empty.
     *
     * @return the problem, or empty for a valid list
     */
    public Optional<String> configurationError() {
        return configurationError;
    }

    @Override
    public String toString() {
        return VARIABLE + "=" + withoutUserInfo(configuredValue);
    }

    private record AllowedOrigin(Origin origin, boolean anyPort) {
        boolean matches(Origin candidate) {
            return origin.scheme().equals(candidate.scheme())
                    && origin.host().equals(candidate.host())
                    && (anyPort || origin.port() == candidate.port());
        }
    }
}
