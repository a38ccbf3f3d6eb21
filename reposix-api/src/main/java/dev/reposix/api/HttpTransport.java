package dev.reposix.api;

/**
 * Sends HTTP requests for a backend. The host's implementation checks every request, and every
 * redirect hop, against the egress policy before opening a connection, retries connection errors
 * and 5xx answers of retryable requests with backoff, waits out HTTP 429 answers (all callers
 * together), and counts requests per endpoint.
 *
 * <p>Thread-safe.
 *
 * @since 0.1
 */
public interface HttpTransport {

    /**
     * Sends a request and returns the final answer, whatever its status; an answer that is still
     * 429 or 5xx after the retries is returned too, for the backend to explain.
     *
     * @param request the request
     * @return the response
     * @throws ReposixException an egress-denied error (nothing was sent), or a network error after
     *     the retries; messages never contain credentials
     */
    TransportResponse send(TransportRequest request);
}
