package dev.reposix.core;

import static java.util.Objects.requireNonNull;

import dev.reposix.api.ReposixException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code reposix::} URL of a remote, written in one place:
 * {@code reposix::<base-url>/<scheme>/projects/<project>} with the project percent-encoded, and, for
 * a clone attached to its source of truth, {@code ?mirror=<remote-name>} naming the clone's remote of
 * the mirror (a name, never a URL, so no credentials). The remote helper parses it from the right.
 * Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class RemoteUrl {

    /** What git needs before the address to pick {@code git-remote-reposix}. */
    public static final String PREFIX = "reposix::";

    private static final String PROJECTS = "/projects/";
    private static final String MIRROR_QUERY = "?mirror=";
    private static final Pattern REMOTE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private RemoteUrl() {
    }

    /**
     * The URL of a remote.
     *
     * @param location the source of truth's base URL (a trailing slash is dropped)
     * @param remote the scheme and project
     * @param mirror the remote name of the mirror in an attached clone, if any
     * @return e.g. {@code reposix::https://acme.atlassian.net/confluence/projects/%7Ejane?mirror=origin}
     * @throws IllegalArgumentException if the mirror is not a plain remote name
     */
    public static String of(String location, RemoteSpec remote, Optional<String> mirror) {
        requireNonNull(location, "location is null");
        requireNonNull(remote, "remote is null");
        mirror.filter(name -> !isRemoteName(name)).ifPresent(name -> {
            throw new IllegalArgumentException("not a plain git remote name: '" + name + "'");
        });
        return PREFIX + location.strip().replaceFirst("/+$", "") + "/" + remote.scheme() + PROJECTS
                + URLEncoder.encode(remote.project(), StandardCharsets.UTF_8).replace("+", "%20")
                + mirror.map(name -> MIRROR_QUERY + name).orElse("");
    }

    /**
     * A URL without its {@code ?mirror=<remote-name>} query, so that the rest can be read as usual.
     *
     * @param url a {@code reposix::} URL, with or without the prefix
     * @return the URL without the query, unchanged if it has none
     * @throws ReposixException {@link CoreErrorCode#INVALID_REMOTE} for any other query
     */
    public static String withoutMirror(String url) {
        int query = queryStart(requireNonNull(url, "url is null"));
        if (query < 0) {
            return url;
        }
        String rest = url.substring(query);
        if (!rest.startsWith(MIRROR_QUERY) || !isRemoteName(rest.substring(MIRROR_QUERY.length()))) {
            throw new ReposixException(CoreErrorCode.INVALID_REMOTE, "the reposix URL ending in '"
                    + rest.replaceFirst("://[^/@]*@", "://") + "' has a query reposix does not know; the only one is"
                    + " ?mirror=<remote-name>, e.g. ?mirror=origin (reposix attach writes it)");
        }
        return url.substring(0, query);
    }

    /**
     * The remote name in a URL's {@code ?mirror=<remote-name>} query (the bus).
     *
     * @param url a {@code reposix::} URL, with or without the prefix
     * @return the mirror's remote name, empty without the query
     * @throws ReposixException {@link CoreErrorCode#INVALID_REMOTE} for any other query
     */
    public static Optional<String> mirrorOf(String url) {
        String without = withoutMirror(url);
        return without.length() == url.length() ? Optional.empty()
                : Optional.of(url.substring(without.length() + MIRROR_QUERY.length()));
    }

    /**
     * Whether two {@code reposix::} URLs name the same source of truth and project, whatever their
     * {@code ?mirror=} query.
     *
     * @param url a URL
     * @param other another URL
     * @return true if they differ at most in the query and a trailing slash
     */
    public static boolean sameProject(String url, String other) {
        return base(url).equals(base(other));
    }

    /**
     * Whether a URL names a project, whatever its base URL and query.
     *
     * @param url a {@code reposix::} URL
     * @param remote the scheme and project
     * @return true if the URL ends in that scheme and project
     */
    public static boolean names(String url, RemoteSpec remote) {
        return base(url).endsWith(of("", remote, Optional.empty()).substring(PREFIX.length()));
    }

    /**
     * Whether a text is a plain git remote name that may appear in a URL: letters, digits, {@code .},
     * {@code _} and {@code -}, not starting with a punctuation character.
     *
     * @param name the text
     * @return true if it is one
     */
    public static boolean isRemoteName(String name) {
        return REMOTE_NAME.matcher(name).matches();
    }

    private static String base(String url) {
        int query = queryStart(url);
        return (query < 0 ? url : url.substring(0, query)).strip().replaceFirst("/+$", "");
    }

    /** The query starts after the project, which is percent-encoded and so holds no {@code ?}. */
    private static int queryStart(String url) {
        return url.indexOf('?', Math.max(0, url.lastIndexOf(PROJECTS)));
    }
}
