package dev.reposix.bench;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * How to run the benchmark. Immutable.
 *
 * @param pageCounts the space sizes N to generate, in order
 * @param averageBodyBytes the generator's average storage body size
 * @param randomSeed the generator's seed (same seed, same space)
 * @param distribution the CLI distribution folder (with {@code bin/reposix})
 * @param agentJar the jar holding the {@link ProcessProbe} agent (and nothing else)
 * @param work a folder for caches, trees and logs
 * @param concurrency reposix's body-fetch concurrency ({@code REPOSIX_CONFLUENCE_CONCURRENCY})
 * @param cliStartRuns how many times to start {@code reposix --version} (the best counts)
 * @param floorRuns how many times to run the fetch floor (the best counts)
 * @param attachmentEvery one small image is attached to (and shown on) every this-many-th page; 0 for none
 */
public record BenchOptions(List<Integer> pageCounts, int averageBodyBytes, long randomSeed, Path distribution,
        Path agentJar, Path work, int concurrency, int cliStartRuns, int floorRuns, int attachmentEvery) {

    /**
     * Validates.
     *
     * @param pageCounts sizes
     * @param averageBodyBytes body size
     * @param randomSeed seed
     * @param distribution distribution
     * @param agentJar agent jar
     * @param work work folder
     * @param concurrency concurrency
     * @param cliStartRuns CLI start runs
     * @param floorRuns floor runs
     * @param attachmentEvery attachment spacing
     */
    public BenchOptions {
        pageCounts = List.copyOf(pageCounts);
        if (pageCounts.stream().anyMatch(count -> count < 20)) {
            throw new IllegalArgumentException("every page count must be at least 20: " + pageCounts);
        }
        requireNonNull(distribution, "distribution is null");
        requireNonNull(agentJar, "agentJar is null");
        requireNonNull(work, "work is null");
        if (cliStartRuns < 1 || floorRuns < 1 || concurrency < 1) {
            throw new IllegalArgumentException("runs and concurrency must be at least 1");
        }
        if (attachmentEvery < 0) {
            throw new IllegalArgumentException("attachmentEvery must not be negative: " + attachmentEvery);
        }
    }

    /**
     * The {@code reposix} launcher.
     *
     * @return {@code <distribution>/bin/reposix}
     */
    public Path launcher() {
        return distribution.resolve("bin").resolve("reposix");
    }
}
