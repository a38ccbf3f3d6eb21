package dev.reposix.bench;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * Everything measured for one generated space: the floor, rendering alone, and the scenarios.
 * Immutable.
 *
 * @param pages N, the number of generated pages
 * @param averageBodyBytes the generator's average storage body size
 * @param concurrency reposix's body-fetch concurrency, also used by the floor fetch
 * @param fetchFloor floor part (a): all pages with bodies over loopback with a minimal client
 * @param fetchFloorRequests the floor fetch's requests per endpoint
 * @param fastImportMillis floor part (b): {@code git fast-import} of the rendered tree
 * @param rendering the codec alone over every body
 * @param scenarios the scenarios, measured or pending, in order
 */
public record SpaceResult(int pages, int averageBodyBytes, int concurrency, FetchFloor.Fetch fetchFloor,
        Map<String, Long> fetchFloorRequests, long fastImportMillis, RenderTimer.Rendering rendering,
        List<ScenarioResult> scenarios) {

    /**
     * Validates and copies.
     *
     * @param pages pages
     * @param averageBodyBytes body size
     * @param concurrency concurrency
     * @param fetchFloor fetch floor
     * @param fetchFloorRequests fetch floor requests
     * @param fastImportMillis fast-import floor
     * @param rendering rendering
     * @param scenarios scenarios
     */
    public SpaceResult {
        requireNonNull(fetchFloor, "fetchFloor is null");
        fetchFloorRequests = Map.copyOf(fetchFloorRequests);
        requireNonNull(rendering, "rendering is null");
        scenarios = List.copyOf(scenarios);
    }

    /**
     * The floor: fetch (a) plus fast-import (b).
     *
     * @return milliseconds
     */
    public long floorMillis() {
        return fetchFloor.millis() + fastImportMillis;
    }

    /**
     * A scenario's time as a multiple of the floor.
     *
     * @param scenario a measured scenario
     * @return the ratio
     */
    public double ratioToFloor(ScenarioResult scenario) {
        return floorMillis() == 0 ? 0 : (double) scenario.wallMillis() / floorMillis();
    }

    /**
     * The scenario with this name.
     *
     * @param name the name
     * @return the scenario
     */
    public ScenarioResult scenario(String name) {
        return scenarios.stream().filter(scenario -> scenario.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no scenario " + name));
    }
}
