package dev.reposix.api;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Prints URIs without their user-info ({@code https://user:token@host} becomes
 * {@code https://host}), so that a URI can go into a message or a log. Thread-safe.
 *
 * @since 0.1
 */
public final class RedactedUri {

    private RedactedUri() {
    }

    /**
     * The URI as text, without user-info.
     *
     * @param uri any URI
     * @return the printable form
     */
    public static String of(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri.toString();
        }
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getRawPath(), null, null)
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
        } catch (URISyntaxException impossible) {
            return uri.getScheme() + "://" + uri.getHost();
        }
    }
}
