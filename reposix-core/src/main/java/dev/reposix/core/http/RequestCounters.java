package dev.reposix.core.http;

import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * Counts the requests the transport actually sent (every attempt, retries included), per endpoint:
 * method plus path, with numeric path segments replaced by {@code {id}}
 * ({@code GET /wiki/api/v2/pages/{id}}). Benchmarks and tests read them. Thread-safe.
 *
 * @since 0.1
 */
public final class RequestCounters {

    private static final Pattern NUMERIC_SEGMENT = Pattern.compile("/[0-9]+(?=/|$)");

    private final Map<String, LongAdder> byEndpoint = new ConcurrentHashMap<>();
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder bytesReceived = new LongAdder();

    /**
     * The endpoint key of a request.
     *
     * @param method the method
     * @param uri the target
     * @return e.g. {@code GET /wiki/api/v2/pages/{id}}
     */
    public static String endpoint(String method, URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return method + " " + NUMERIC_SEGMENT.matcher(path).replaceAll("/{id}");
    }

    void recordAttempt(String method, URI uri, long requestBytes) {
        byEndpoint.computeIfAbsent(endpoint(method, uri), key -> new LongAdder()).increment();
        bytesSent.add(requestBytes);
    }

    void recordReceived(long responseBytes) {
        bytesReceived.add(responseBytes);
    }

    /**
     * Requests sent to one endpoint.
     *
     * @param endpoint a key as produced by {@link #endpoint}
     * @return the count
     */
    public long count(String endpoint) {
        LongAdder adder = byEndpoint.get(endpoint);
        return adder == null ? 0 : adder.sum();
    }

    /**
     * All requests sent.
     *
     * @return the total
     */
    public long total() {
        return byEndpoint.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /**
     * Counts per endpoint, sorted by endpoint.
     *
     * @return a snapshot
     */
    public Map<String, Long> snapshot() {
        Map<String, Long> snapshot = new TreeMap<>();
        byEndpoint.forEach((endpoint, adder) -> snapshot.put(endpoint, adder.sum()));
        return snapshot;
    }

    /**
     * Request body bytes sent.
     *
     * @return the byte count
     */
    public long bytesSent() {
        return bytesSent.sum();
    }

    /**
     * Response body bytes received.
     *
     * @return the byte count
     */
    public long bytesReceived() {
        return bytesReceived.sum();
    }

    /** Sets every counter back to zero. */
    public void reset() {
        byEndpoint.clear();
        bytesSent.reset();
        bytesReceived.reset();
    }
}
