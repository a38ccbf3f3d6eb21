package dev.reposix.bench;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * One scenario's measurements, or a placeholder for a scenario that cannot run yet. Immutable.
 *
 * @param name the scenario, e.g. {@code sync (no change)}
 * @param pending why the scenario is not measured, empty when it is
 * @param wallMillis wall time of the whole process (JVM start included), or of the measured work
 * @param requests REST requests per endpoint, exact, from the simulator's counters
 * @param bytesSent response body bytes the simulator sent
 * @param peakHeapBytes peak Java heap of the measured process (sum of pool peaks), when measured
 * @param peakRssBytes peak resident set size of the measured process, when measured
 * @param note how it was measured
 */
public record ScenarioResult(String name, Optional<String> pending, long wallMillis, Map<String, Long> requests,
        long bytesSent, OptionalLong peakHeapBytes, OptionalLong peakRssBytes, String note) {

    /**
     * Validates and copies.
     *
     * @param name name
     * @param pending pending reason
     * @param wallMillis wall time
     * @param requests per endpoint
     * @param bytesSent bytes
     * @param peakHeapBytes heap
     * @param peakRssBytes rss
     * @param note note
     */
    public ScenarioResult {
        requireNonNull(name, "name is null");
        requireNonNull(pending, "pending is null");
        requests = Map.copyOf(requireNonNull(requests, "requests is null"));
        requireNonNull(peakHeapBytes, "peakHeapBytes is null");
        requireNonNull(peakRssBytes, "peakRssBytes is null");
        requireNonNull(note, "note is null");
    }

    /**
     * A scenario that needs code that does not exist yet.
     *
     * @param name the scenario
     * @param reason what it waits for
     * @return the placeholder
     */
    public static ScenarioResult pending(String name, String reason) {
        return new ScenarioResult(name, Optional.of(reason), 0, Map.of(), 0, OptionalLong.empty(),
                OptionalLong.empty(), "");
    }

    /**
     * Whether the scenario was measured.
     *
     * @return {@code true} unless pending
     */
    public boolean measured() {
        return pending.isEmpty();
    }

    /**
     * Requests over all endpoints.
     *
     * @return the total
     */
    public long totalRequests() {
        return requests.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Requests on endpoints whose path matches.
     *
     * @param pathFragment a fragment of the endpoint key, e.g. {@code /pages/{id}}
     * @return the count
     */
    public long requestsMatching(String pathFragment) {
        return requests.entrySet().stream().filter(entry -> entry.getKey().contains(pathFragment))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /**
     * Requests on one endpoint.
     *
     * @param endpoint the key, e.g. {@code GET /wiki/api/v2/pages}
     * @return the count
     */
    public long requestsTo(String endpoint) {
        return requests.getOrDefault(endpoint, 0L);
    }

    /**
     * The requests sorted by endpoint.
     *
     * @return a sorted copy
     */
    public Map<String, Long> sortedRequests() {
        return new TreeMap<>(requests);
    }
}
