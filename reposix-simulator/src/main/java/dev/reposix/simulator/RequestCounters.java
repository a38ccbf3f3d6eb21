package dev.reposix.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Exact counts of API requests per endpoint, keyed {@code "METHOD /path/template"} (for example
 * {@code "GET /wiki/api/v2/pages/{id}"}), plus response body bytes sent. Requests that match no
 * route are counted under {@code "METHOD (unmatched)"}; admin requests under {@code /__sim} are
 * not counted. Every request is counted once, whatever its outcome (401, fault, success).
 *
 * <p>Thread-safe.
 */
public final class RequestCounters {
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> bytes = new ConcurrentHashMap<>();
    private final AtomicLong totalBytes = new AtomicLong();

    /** Creates zeroed counters. */
    public RequestCounters() {
    }

    /** The key used for an endpoint. */
    public static String key(String method, String pathTemplate) {
        return method + " " + pathTemplate;
    }

    /** Requests seen for one endpoint. */
    public long count(String method, String pathTemplate) {
        return count(key(method, pathTemplate));
    }

    /** Requests seen for one endpoint key. */
    public long count(String endpointKey) {
        LongAdder adder = requests.get(endpointKey);
        return adder == null ? 0 : adder.sum();
    }

    /** Requests seen over all endpoints. */
    public long total() {
        return requests.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Response body bytes sent over all endpoints. */
    public long bytesSent() {
        return totalBytes.get();
    }

    /** Response body bytes sent for one endpoint key. */
    public long bytesSent(String endpointKey) {
        LongAdder adder = bytes.get(endpointKey);
        return adder == null ? 0 : adder.sum();
    }

    /** A sorted copy of the non-zero request counts. */
    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        requests.forEach((endpoint, adder) -> {
            long value = adder.sum();
            if (value > 0) {
                copy.put(endpoint, value);
            }
        });
        return copy;
    }

    /** Sets every count back to zero. */
    public void reset() {
        requests.clear();
        bytes.clear();
        totalBytes.set(0);
    }

    /** Records one request; called by the simulator. */
    public void recordRequest(String endpointKey) {
        requests.computeIfAbsent(endpointKey, ignored -> new LongAdder()).increment();
    }

    /** Records body bytes sent; called by the simulator. */
    public void recordBytes(String endpointKey, long count) {
        bytes.computeIfAbsent(endpointKey, ignored -> new LongAdder()).add(count);
        totalBytes.addAndGet(count);
    }
}
