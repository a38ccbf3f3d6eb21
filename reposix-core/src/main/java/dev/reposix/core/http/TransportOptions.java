package dev.reposix.core.http;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Timeouts and retry limits of the HTTP transport. Immutable.
 *
 * @param connectTimeout how long to wait for a TCP/TLS connection
 * @param responseTimeout how long to wait for data on an open connection
 * @param maxAttempts attempts per request for connection errors and 5xx answers (1 = no retry)
 * @param maxRateLimitWaits how many 429 answers one request waits out before giving up
 * @param initialBackoff the first backoff delay; it doubles with each retry
 * @param maxBackoff the longest backoff delay
 * @param maxRetryAfter the longest wait a {@code Retry-After} header can impose
 * @param maxRedirects the longest redirect chain followed
 * @since 0.1
 */
public record TransportOptions(
        Duration connectTimeout,
        Duration responseTimeout,
        int maxAttempts,
        int maxRateLimitWaits,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration maxRetryAfter,
        int maxRedirects) {

    /** Defaults for talking to Confluence Cloud. */
    public static final TransportOptions DEFAULTS = new TransportOptions(Duration.ofSeconds(10),
            Duration.ofSeconds(60), 4, 8, Duration.ofMillis(500), Duration.ofSeconds(15), Duration.ofSeconds(60), 5);

    /**
     * Validates.
     *
     * @param connectTimeout the connect timeout
     * @param responseTimeout the response timeout
     * @param maxAttempts the attempts
     * @param maxRateLimitWaits the 429 waits
     * @param initialBackoff the first backoff
     * @param maxBackoff the longest backoff
     * @param maxRetryAfter the cap on Retry-After
     * @param maxRedirects the redirect limit
     */
    public TransportOptions {
        requireNonNull(connectTimeout, "connectTimeout is null");
        requireNonNull(responseTimeout, "responseTimeout is null");
        requireNonNull(initialBackoff, "initialBackoff is null");
        requireNonNull(maxBackoff, "maxBackoff is null");
        requireNonNull(maxRetryAfter, "maxRetryAfter is null");
        if (maxAttempts < 1 || maxRateLimitWaits < 0 || maxRedirects < 0) {
            throw new IllegalArgumentException("attempt and redirect limits must not be negative");
        }
    }

    /**
     * A copy with other backoff delays (tests use milliseconds).
     *
     * @param initial the first backoff
     * @param max the longest backoff
     * @param retryAfterCap the cap on Retry-After
     * @return the copy
     */
    public TransportOptions withBackoff(Duration initial, Duration max, Duration retryAfterCap) {
        return new TransportOptions(connectTimeout, responseTimeout, maxAttempts, maxRateLimitWaits, initial, max,
                retryAfterCap, maxRedirects);
    }
}
