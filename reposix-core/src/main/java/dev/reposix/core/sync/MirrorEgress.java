package dev.reposix.core.sync;

import dev.reposix.api.ReposixException;
import dev.reposix.core.http.EgressPolicy;
import dev.reposix.core.http.HttpErrorCode;
import dev.reposix.git.Cache;
import dev.reposix.git.MirrorRemote;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The egress policy applied to a mirror's URL before git talks to it: {@code http(s)} URLs must
 * match an allowed origin (as REST calls do); {@code ssh} URLs (also the {@code user@host:path}
 * form) need an allowed origin with the same host, so {@code https://github.com} authorises
 * {@code git@github.com:acme/eng.git}; local paths and {@code file://} URLs are exempt. Messages
 * name the host only, never user info. Used by mirror sync, attach and the push bus. Stateless and
 * thread-safe.
 *
 * @since 0.1
 */
public final class MirrorEgress {

    private static final Pattern SCP_LIKE = Pattern.compile("^(?:[^@/]+@)?(?<host>[^:/]+):(?!//).*");

    private MirrorEgress() {
    }

    /**
     * Resolves a mirror argument (see {@link MirrorRemote#resolve}) and checks every URL git will
     * contact for it against the egress policy of the environment.
     *
     * @param cache the cache
     * @param mirror a remote name, URL or path
     * @param workingDirectory the directory the command runs in
     * @param environment the environment ({@code REPOSIX_ALLOWED_ORIGINS})
     * @return the mirror, allowed
     * @throws ReposixException {@link HttpErrorCode#EGRESS_DENIED} if a URL is not allowed
     */
    public static MirrorRemote resolve(Cache cache, String mirror, Path workingDirectory,
            Map<String, String> environment) {
        MirrorRemote target = MirrorRemote.resolve(cache, mirror, workingDirectory);
        EgressPolicy policy = EgressPolicy.fromEnvironment(environment);
        target.urls().forEach(url -> check(policy, url));
        return target;
    }

    /**
     * Throws unless git may contact the mirror.
     *
     * @param policy the egress policy
     * @param url the mirror's URL or path, as git will use it
     * @throws ReposixException {@link HttpErrorCode#EGRESS_DENIED} if it is not allowed
     */
    static void check(EgressPolicy policy, String url) {
        Optional<String> scheme = schemeOf(url);
        if (scheme.isEmpty()) {
            Matcher scp = SCP_LIKE.matcher(url);
            if (scp.matches() && !url.startsWith("/") && !url.startsWith(".")) {
                requireHost(policy, scp.group("host"), "ssh");
            }
            return; // a local path
        }
        switch (scheme.get()) {
            case "file":
                return;
            case "http":
            case "https":
                URI uri = URI.create(url);
                if (!policy.allows(uri)) {
                    String origin = scheme.get() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
                    throw denied(policy, "the mirror " + origin, origin);
                }
                return;
            case "ssh":
            case "git+ssh":
            case "ssh+git":
                requireHost(policy, URI.create(url).getHost(), "ssh");
                return;
            default:
                throw denied(policy, "the mirror URL scheme " + scheme.get() + "://", "https://<host>");
        }
    }

    private static void requireHost(EgressPolicy policy, String host, String how) {
        if (host == null || !policy.allowsHost(host)) {
            throw denied(policy, "the mirror host " + host + " (" + how + ")", "https://" + host);
        }
    }

    private static ReposixException denied(EgressPolicy policy, String what, String entry) {
        return new ReposixException(HttpErrorCode.EGRESS_DENIED, what + " is denied by the egress policy ("
                + policy + "); nothing was sent. If you trust it, allow it with:\n  export "
                + EgressPolicy.VARIABLE + "=\"" + policy.configuredValue() + "," + entry + "\"");
    }

    private static Optional<String> schemeOf(String url) {
        int colon = url.indexOf("://");
        if (colon <= 0) {
            return Optional.empty();
        }
        try {
            String scheme = new URI(url).getScheme();
            return Optional.ofNullable(scheme).map(value -> value.toLowerCase(Locale.ROOT));
        } catch (URISyntaxException malformed) {
            return Optional.of(url.substring(0, colon).toLowerCase(Locale.ROOT));
        }
    }
}
