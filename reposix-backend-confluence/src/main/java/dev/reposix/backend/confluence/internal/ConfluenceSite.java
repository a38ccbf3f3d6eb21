package dev.reposix.backend.confluence.internal;

import static java.util.Objects.requireNonNull;

import dev.reposix.api.RedactedUri;
import dev.reposix.api.ReposixException;
import dev.reposix.api.Settings;
import dev.reposix.api.StandardErrorCode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where and as whom to talk to Confluence: the configured base URL (a site such as
 * {@code https://acme.atlassian.net}, {@code https://api.atlassian.com/ex/confluence/<cloudId>} for
 * scoped tokens, or a simulator) and the Basic credentials. {@link #toString()} never shows the
 * token. Immutable and thread-safe.
 *
 * @param baseUrl the base URL without a trailing slash; API paths ({@code /wiki/api/v2/...}) are
 *     appended to it, keeping its path prefix
 * @param email the account's e-mail
 * @param token the API token (secret)
 */
public record ConfluenceSite(URI baseUrl, String email, String token) {

    /** Setting name of the account e-mail. */
    public static final String EMAIL = "email";
    /** Setting name of the API token. */
    public static final String TOKEN = "token";
    /** Setting name of the site name ({@code acme} for {@code acme.atlassian.net}). */
    public static final String TENANT = "tenant";
    /** Setting name of the explicit base URL. */
    public static final String BASE_URL = "base-url";

    private static final Pattern TENANT_NAME = Pattern.compile("[a-z0-9-]{1,63}");

    /**
     * Validates.
     *
     * @param baseUrl the base URL
     * @param email the e-mail
     * @param token the token
     */
    public ConfluenceSite {
        requireNonNull(baseUrl, "baseUrl is null");
        requireNonNull(email, "email is null");
        requireNonNull(token, "token is null");
    }

    /**
     * The site the settings describe: the tenant's {@code https://<tenant>.atlassian.net}, or the
     * explicit base URL; both set and different is an error, as is a tenant that looks like a URL.
     *
     * @param settings the resolved settings
     * @return the site
     * @throws ReposixException {@link StandardErrorCode#INVALID_SETTING} naming the variable
     */
    public static ConfluenceSite from(Settings settings) {
        Optional<URI> fromTenant = settings.get(TENANT).map(ConfluenceSite::tenantUrl);
        Optional<URI> fromBaseUrl = settings.get(BASE_URL).map(ConfluenceSite::baseUrl);
        if (fromTenant.isPresent() && fromBaseUrl.isPresent() && !fromTenant.get().equals(fromBaseUrl.get())) {
            throw invalid("REPOSIX_CONFLUENCE_TENANT and REPOSIX_CONFLUENCE_BASE_URL disagree (" + fromTenant.get()
                    + " vs " + fromBaseUrl.get() + "); set only one of them");
        }
        URI base = fromBaseUrl.or(() -> fromTenant).orElseThrow(() -> invalid(
                "set REPOSIX_CONFLUENCE_TENANT (e.g. acme) or REPOSIX_CONFLUENCE_BASE_URL"));
        return new ConfluenceSite(base, settings.require(EMAIL), settings.require(TOKEN));
    }

    private static URI tenantUrl(String tenant) {
        String trimmed = tenant.trim();
        if (!TENANT_NAME.matcher(trimmed).matches()) {
            String hint = trimmed.contains("://") || trimmed.contains(".")
                    ? " It is the site name only, not a URL: for https://acme.atlassian.net write acme"
                            + suggestion(trimmed) + ", or use REPOSIX_CONFLUENCE_BASE_URL for a full URL."
                    : " Use 1 to 63 lower-case letters, digits and hyphens.";
            throw invalid("REPOSIX_CONFLUENCE_TENANT='" + trimmed + "' is not a site name." + hint);
        }
        return URI.create("https://" + trimmed + ".atlassian.net");
    }

    private static String suggestion(String value) {
        String host = value.replaceFirst("^[a-zA-Z]+://", "");
        int dot = host.indexOf('.');
        String candidate = (dot > 0 ? host.substring(0, dot) : host).toLowerCase(Locale.ROOT);
        return TENANT_NAME.matcher(candidate).matches() ? " (export REPOSIX_CONFLUENCE_TENANT=" + candidate + ")" : "";
    }

    private static URI baseUrl(String value) {
        String shown = withoutCredentials(value.trim());
        String hint = shown.contains("://") ? "" : " (add the scheme: https://" + shown + ")";
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException malformed) {
            throw invalid("REPOSIX_CONFLUENCE_BASE_URL='" + shown + "' is not a URL: it must be an http(s) URL such as"
                    + " https://acme.atlassian.net" + hint);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw invalid("REPOSIX_CONFLUENCE_BASE_URL must be an http(s) URL such as https://acme.atlassian.net, not '"
                    + shown + "'" + hint);
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid("REPOSIX_CONFLUENCE_BASE_URL must not contain credentials, a query or a fragment ("
                    + RedactedUri.of(uri) + "); put credentials in ATLASSIAN_EMAIL and ATLASSIAN_API_KEY");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        // People paste the address they see in the browser or the API docs; the API root is derived.
        path = path.replaceFirst("/+$", "").replaceFirst("/wiki(/api/v2)?$", "").replaceFirst("/+$", "");
        return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    }

    // Whatever precedes an '@' may be a password, even when the value is too broken to parse as a URL.
    private static String withoutCredentials(String value) {
        return value.replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://)?.*@", "$1");
    }

    private static ReposixException invalid(String message) {
        return new ReposixException(StandardErrorCode.INVALID_SETTING, message);
    }

    /**
     * The {@code Authorization} header value.
     *
     * @return {@code Basic base64(email:token)}
     */
    public String authorization() {
        return "Basic " + Base64.getEncoder().encodeToString((email + ":" + token).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * An absolute URI for a site-relative path such as {@code /wiki/api/v2/pages?limit=250}, keeping
     * the base URL's path prefix. A path that already carries the prefix is not prefixed twice.
     *
     * @param sitePath a path starting with a single {@code /}, with an optional encoded query
     * @return the absolute URI
     */
    public URI resolve(String sitePath) {
        if (!sitePath.startsWith("/") || sitePath.startsWith("//")) {
            throw new IllegalArgumentException("not a site-relative path: " + sitePath);
        }
        String prefix = baseUrl.getRawPath();
        String path = !prefix.isEmpty() && sitePath.startsWith(prefix + "/") ? sitePath : prefix + sitePath;
        return URI.create(baseUrl.getScheme() + "://" + baseUrl.getRawAuthority() + path);
    }

    /**
     * Whether this is an Atlassian site URL (where scoped API tokens do not work).
     *
     * @return {@code true} for {@code *.atlassian.net}
     */
    public boolean isSiteUrl() {
        return baseUrl.getHost().toLowerCase(Locale.ROOT).endsWith(".atlassian.net");
    }

    @Override
    public String toString() {
        return "ConfluenceSite[" + baseUrl + " as " + email + "]";
    }
}
