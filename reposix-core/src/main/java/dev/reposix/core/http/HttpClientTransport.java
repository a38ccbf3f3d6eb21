package dev.reposix.core.http;

import static java.util.Objects.requireNonNull;

import dev.reposix.api.HttpTransport;
import dev.reposix.api.RedactedUri;
import dev.reposix.api.ReposixException;
import dev.reposix.api.TransportRequest;
import dev.reposix.api.TransportResponse;
import dev.reposix.core.ReposixVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link HttpTransport} on Apache HttpClient 5. For every request it checks the target (and
 * each redirect hop) against the {@link EgressPolicy} before any connection is opened; retries
 * connection errors and 500/502/503/504 answers of retryable requests with exponential backoff and
 * jitter; waits out 429 answers for their {@code Retry-After} (capped) behind a gate shared by all
 * callers; follows redirects itself, dropping credentials when the origin changes; and counts every
 * attempt in {@link RequestCounters}. Honours {@code HTTPS_PROXY}/{@code NO_PROXY} and the JVM's
 * trust-store properties. Never logs headers or wire bytes, whatever the log level: they carry the
 * credentials. Thread-safe; close it to release connections.
 *
 * @since 0.1
 */
public final class HttpClientTransport implements HttpTransport, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpClientTransport.class);
    private static final Set<Integer> RETRYABLE_STATUSES = Set.of(500, 502, 503, 504);
    private static final Set<Integer> REDIRECT_STATUSES = Set.of(301, 302, 303, 307, 308);
    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "cookie", "proxy-authorization");

    private final EgressPolicy egressPolicy;
    private final TransportOptions options;
    private final RequestCounters counters;
    private final Clock clock;
    private final RateLimitGate rateLimitGate = new RateLimitGate();
    private final CloseableHttpClient client;

    /**
     * Creates a transport.
     *
     * @param egressPolicy the allow-list every request is checked against
     * @param proxies the proxies to route through
     * @param options timeouts and retry limits
     * @param counters where attempts are counted
     * @param clock the clock for {@code Retry-After} dates
     */
    public HttpClientTransport(EgressPolicy egressPolicy, ProxySettings proxies, TransportOptions options,
            RequestCounters counters, Clock clock) {
        this.egressPolicy = requireNonNull(egressPolicy, "egressPolicy is null");
        this.options = requireNonNull(options, "options is null");
        this.counters = requireNonNull(counters, "counters is null");
        this.clock = requireNonNull(clock, "clock is null");
        ConnectionConfig connectionConfig = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(options.connectTimeout()))
                .setSocketTimeout(Timeout.of(options.responseTimeout()))
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .useSystemProperties()
                        .setConnectionFactory(new QuietConnectionFactory())
                        .setDefaultConnectionConfig(connectionConfig)
                        .setMaxConnTotal(32)
                        .setMaxConnPerRoute(16)
                        .build())
                .setRoutePlanner(new EnvironmentRoutePlanner(requireNonNull(proxies, "proxies is null")))
                .setDefaultCredentialsProvider(proxies.credentials())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("reposix/" + ReposixVersion.current())
                .build();
    }

    @Override
    public TransportResponse send(TransportRequest request) {
        requireNonNull(request, "request is null");
        byte[] body = readBody(request);
        Hop hop = new Hop(request.method(), request.uri(), request.headers(), body);
        for (int redirects = 0; ; redirects++) {
            egressPolicy.check(hop.uri());
            TransportResponse response = sendWithRetries(hop, request.retryable());
            Optional<String> location = response.header("Location");
            if (!REDIRECT_STATUSES.contains(response.status()) || location.isEmpty()) {
                return response;
            }
            if (redirects >= options.maxRedirects()) {
                throw new ReposixException(HttpErrorCode.TOO_MANY_REDIRECTS, "more than " + options.maxRedirects()
                        + " redirects starting at " + RedactedUri.of(request.uri()) + "; check the configured base URL");
            }
            hop = hop.redirectTo(response.status(), resolve(hop.uri(), location.get()));
        }
    }

    private static byte[] readBody(TransportRequest request) {
        try {
            return request.body().readAllBytes();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    private static URI resolve(URI base, String location) {
        try {
            return base.resolve(location.trim());
        } catch (IllegalArgumentException malformed) {
            throw new ReposixException(HttpErrorCode.TOO_MANY_REDIRECTS,
                    "the server at " + Origin.of(base) + " redirected to a malformed location", malformed);
        }
    }

    private TransportResponse sendWithRetries(Hop hop, boolean retryable) {
        int failedAttempts = 0;
        int rateLimitWaits = 0;
        while (true) {
            awaitRateLimitGate();
            counters.recordAttempt(hop.method(), hop.uri(), hop.body().length);
            TransportResponse response;
            try {
                response = execute(hop);
            } catch (IOException failure) {
                failedAttempts++;
                boolean safeToRepeat = retryable || failedBeforeSending(failure);
                if (failure instanceof SSLException || !safeToRepeat || failedAttempts >= options.maxAttempts()) {
                    throw connectionFailure(hop, failure, failedAttempts);
                }
                LOG.debug("{} {} failed ({}), retrying", hop.method(), RedactedUri.of(hop.uri()), failure.toString());
                sleep(backoff(failedAttempts));
                continue;
            }
            if (response.status() == 429 && rateLimitWaits < options.maxRateLimitWaits()) {
                rateLimitWaits++;
                Duration wait = RetryAfter.parse(response.header("Retry-After"), clock, options.maxRetryAfter())
                        .orElse(backoff(rateLimitWaits));
                LOG.info("rate limited by {}; waiting {} ms", Origin.of(hop.uri()), wait.toMillis());
                rateLimitGate.closeFor(wait);
                continue;
            }
            if (RETRYABLE_STATUSES.contains(response.status()) && retryable
                    && ++failedAttempts < options.maxAttempts()) {
                Duration wait = RetryAfter.parse(response.header("Retry-After"), clock, options.maxRetryAfter())
                        .orElse(backoff(failedAttempts));
                LOG.debug("{} {} answered {}, retrying", hop.method(), RedactedUri.of(hop.uri()), response.status());
                sleep(wait);
                continue;
            }
            return response;
        }
    }

    private TransportResponse execute(Hop hop) throws IOException {
        ClassicRequestBuilder builder = ClassicRequestBuilder.create(hop.method()).setUri(hop.uri());
        for (Map.Entry<String, String> header : hop.headers()) {
            builder.addHeader(header.getKey(), header.getValue());
        }
        if (hop.body().length > 0) {
            builder.setEntity(new ByteArrayEntity(hop.body(), null));
        }
        ClassicHttpRequest httpRequest = builder.build();
        return client.execute(httpRequest, response -> {
            byte[] bytes = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
            counters.recordReceived(bytes.length);
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            for (Header header : response.getHeaders()) {
                headers.add(Map.entry(header.getName(), header.getValue()));
            }
            LOG.debug("{} {} -> {}", hop.method(), RedactedUri.of(hop.uri()), response.getCode());
            return new TransportResponse(hop.uri(), response.getCode(), headers, bytes);
        });
    }

    private static boolean failedBeforeSending(IOException failure) {
        return failure instanceof ConnectException || failure instanceof ConnectTimeoutException
                || failure instanceof UnknownHostException;
    }

    private ReposixException connectionFailure(Hop hop, IOException failure, int attempts) {
        Origin origin = Origin.of(hop.uri());
        if (failure instanceof SSLException) {
            return new ReposixException(HttpErrorCode.TLS_FAILURE, "TLS handshake with " + origin + " failed ("
                    + failure.getClass().getSimpleName() + "); if a company proxy inspects TLS, give Java its CA with"
                    + " -Djavax.net.ssl.trustStore=...", failure);
        }
        return new ReposixException(HttpErrorCode.CONNECTION_FAILED, hop.method() + " " + RedactedUri.of(hop.uri())
                + " failed after " + attempts + " attempt(s): " + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : " (" + failure.getMessage() + ")")
                + "; check the network, the base URL and HTTPS_PROXY/NO_PROXY, then try again", failure);
    }

    private Duration backoff(int attempt) {
        long base = options.initialBackoff().toMillis() << Math.min(attempt - 1, 16);
        long capped = Math.min(base, options.maxBackoff().toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    private void awaitRateLimitGate() {
        try {
            rateLimitGate.awaitOpen();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ReposixException(HttpErrorCode.CONNECTION_FAILED, "interrupted while waiting out a rate limit");
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ReposixException(HttpErrorCode.CONNECTION_FAILED, "interrupted while waiting to retry");
        }
    }

    /**
     * The attempt counters of this transport.
     *
     * @return the counters
     */
    public RequestCounters counters() {
        return counters;
    }

    /**
     * Whether a 429 answer is holding every caller back right now.
     *
     * @return {@code true} while waiting out a rate limit
     */
    public boolean isRateLimited() {
        return rateLimitGate.isClosed();
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException ignored) {
            LOG.debug("closing the HTTP client failed", ignored);
        }
    }

    /** One request on its way, possibly after redirects. */
    private record Hop(String method, URI uri, List<Map.Entry<String, String>> headers, byte[] body) {

        Hop redirectTo(int status, URI target) {
            boolean becomesGet = status == 303 || ((status == 301 || status == 302) && method.equals("POST"));
            boolean sameOrigin = Origin.of(uri).equals(originOrNull(target));
            List<Map.Entry<String, String>> kept = new ArrayList<>();
            for (Map.Entry<String, String> header : headers) {
                String name = header.getKey().toLowerCase(Locale.ROOT);
                boolean credential = CREDENTIAL_HEADERS.contains(name);
                boolean bodyHeader = becomesGet && (name.equals("content-type") || name.equals("content-length"));
                if ((sameOrigin || !credential) && !bodyHeader) {
                    kept.add(header);
                }
            }
            return becomesGet ? new Hop("GET", target, kept, new byte[0]) : new Hop(method, target, kept, body);
        }

        private static Origin originOrNull(URI target) {
            try {
                return Origin.of(target);
            } catch (IllegalArgumentException notHttp) {
                return null;
            }
        }
    }
}
