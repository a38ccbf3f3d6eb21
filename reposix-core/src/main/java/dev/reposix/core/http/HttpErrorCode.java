package dev.reposix.core.http;

import dev.reposix.api.ErrorCategory;
import dev.reposix.api.ErrorCode;
import dev.reposix.api.ErrorInfo;

/**
 * Error codes of the HTTP transport and the egress policy (range 1xxx).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public enum HttpErrorCode implements ErrorCode {
    /** A request's origin is not in the allow-list; nothing was sent. */
    EGRESS_DENIED(new ErrorInfo(1001, ErrorCategory.EXTERNAL,
            "reposix only talks to origins listed in REPOSIX_ALLOWED_ORIGINS (default: loopback only), and a"
                    + " request, or a redirect, pointed elsewhere. No byte was sent to that origin.",
            "If the origin is one you trust, add it to REPOSIX_ALLOWED_ORIGINS (the message shows the exact"
                    + " export line).",
            "export REPOSIX_ALLOWED_ORIGINS=\"https://acme.atlassian.net\"")),
    /** REPOSIX_ALLOWED_ORIGINS cannot be parsed, so every request is denied. */
    EGRESS_POLICY_INVALID(new ErrorInfo(1002, ErrorCategory.USER,
            "REPOSIX_ALLOWED_ORIGINS must be a comma-separated list of scheme://host[:port] entries (port may"
                    + " be *). A malformed value denies every request rather than guessing.",
            "Fix the entry quoted in the message.",
            "export REPOSIX_ALLOWED_ORIGINS=\"https://acme.atlassian.net,http://127.0.0.1:*\"")),
    /** The server could not be reached, even after retries. */
    CONNECTION_FAILED(new ErrorInfo(1003, ErrorCategory.EXTERNAL,
            "The server did not answer: a network outage, a wrong host name, a proxy or firewall, or a"
                    + " timeout, still failing after the retries.",
            "Check the URL, your network and HTTPS_PROXY/NO_PROXY, then run the command again.",
            "")),
    /** A redirect chain was too long. */
    TOO_MANY_REDIRECTS(new ErrorInfo(1004, ErrorCategory.EXTERNAL,
            "The server kept redirecting the request.",
            "Check the configured base URL; it should point straight at the API.",
            "")),
    /** The proxy environment variables are malformed. */
    INVALID_PROXY(new ErrorInfo(1005, ErrorCategory.USER,
            "HTTPS_PROXY or HTTP_PROXY is not a URL of the form http://host:port.",
            "Fix the proxy variable named in the message, or unset it.",
            "export HTTPS_PROXY=http://proxy.corp.example:3128")),
    /** The TLS handshake failed, usually because of an unknown company CA. */
    TLS_FAILURE(new ErrorInfo(1006, ErrorCategory.EXTERNAL,
            "The TLS handshake failed: often a company proxy with its own certificate authority that Java"
                    + " does not trust.",
            "Point Java at a trust store holding the CA: JAVA_TOOL_OPTIONS=\"-Djavax.net.ssl.trustStore=...\".",
            "export JAVA_TOOL_OPTIONS=\"-Djavax.net.ssl.trustStore=/etc/ssl/corp.jks"
                    + " -Djavax.net.ssl.trustStorePassword=changeit\""));

    private final ErrorInfo info;

    HttpErrorCode(ErrorInfo info) {
        this.info = info;
    }

    @Override
    public ErrorInfo info() {
        return info;
    }
}
