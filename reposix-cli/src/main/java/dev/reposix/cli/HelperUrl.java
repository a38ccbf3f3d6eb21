package dev.reposix.cli;

import static java.util.Objects.requireNonNull;

import dev.reposix.api.ReposixException;
import dev.reposix.core.CoreErrorCode;
import dev.reposix.core.RemoteSpec;
import dev.reposix.core.RemoteUrl;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The URL git hands the remote helper, {@code <location>/<scheme>/projects/<project>} (what follows
 * {@code reposix::}), read from the right: the project is percent-encoded, and everything before
 * {@code /<scheme>/projects/} is the source of truth's base URL, e.g.
 * {@code https://acme.atlassian.net/confluence/projects/%7Ejane}. The {@code ?mirror=<remote-name>} query
 * that {@code reposix attach} adds (see {@link RemoteUrl}) is accepted and not used yet. Immutable.
 *
 * @param location the source of truth's base URL, without a trailing slash
 * @param remote the scheme and project
 * @param mirror the remote name of the query {@code ?mirror=<remote-name>}: after a push, the mirror
 *     it names is pushed too (the bus)
 */
record HelperUrl(String location, RemoteSpec remote, Optional<String> mirror) {

    private static final String PROJECTS = "/projects/";

    HelperUrl {
        requireNonNull(location, "location is null");
        requireNonNull(remote, "remote is null");
        requireNonNull(mirror, "mirror is null");
    }

    /**
     * Parses the URL.
     *
     * @param url the URL, with or without the {@code reposix::} prefix and the {@code ?mirror=} query
     * @return the parts
     * @throws ReposixException {@link CoreErrorCode#INVALID_REMOTE} for anything else
     */
    static HelperUrl parse(String url) {
        String text = requireNonNull(url, "url is null").strip();
        if (text.startsWith(RemoteUrl.PREFIX)) {
            text = text.substring(RemoteUrl.PREFIX.length());
        }
        Optional<String> mirror = RemoteUrl.mirrorOf(text);
        text = RemoteUrl.withoutMirror(text).replaceFirst("/+$", "");
        int projects = text.lastIndexOf(PROJECTS);
        if (projects < 0) {
            throw invalid(url);
        }
        String project = text.substring(projects + PROJECTS.length());
        int schemeStart = text.lastIndexOf('/', projects - 1);
        if (project.isEmpty() || project.contains("/") || schemeStart < 0) {
            throw invalid(url);
        }
        String scheme = text.substring(schemeStart + 1, projects);
        String location = text.substring(0, schemeStart).replaceFirst("/+$", "");
        if (location.isEmpty() || !location.contains("://")) {
            throw invalid(url);
        }
        try {
            return new HelperUrl(location, new RemoteSpec(scheme, decode(project)), mirror);
        } catch (ReposixException | IllegalArgumentException malformed) {
            throw invalid(url);
        }
    }

    /** Percent-decoding only: a literal {@code +} in a path is a plus, not a space. */
    private static String decode(String encoded) {
        return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static ReposixException invalid(String url) {
        String shown = url.replaceFirst("://[^/@]*@", "://");
        return new ReposixException(CoreErrorCode.INVALID_REMOTE, "'" + shown + "' is not a reposix remote URL; write"
                + " reposix::<base-url>/<scheme>/projects/<project>, for example"
                + " reposix::https://acme.atlassian.net/confluence/projects/ENG (reposix init sets it up for you)");
    }
}
