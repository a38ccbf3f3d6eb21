package dev.reposix.bench;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * A whole run: when, where, each space's results and the request-count verdicts. Immutable.
 *
 * @param startedAt when the run started
 * @param machine the machine
 * @param spaces one result per space size
 * @param verdicts the request-count targets of issue 9
 */
public record BenchReport(Instant startedAt, Machine machine, List<SpaceResult> spaces,
        List<TargetCheck.Verdict> verdicts) {

    /**
     * Validates and copies.
     *
     * @param startedAt start
     * @param machine machine
     * @param spaces spaces
     * @param verdicts verdicts
     */
    public BenchReport {
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(machine, "machine is null");
        spaces = List.copyOf(spaces);
        verdicts = List.copyOf(verdicts);
    }

    /**
     * Whether every request-count target holds.
     *
     * @return {@code true} when none is missed
     */
    public boolean targetsMet() {
        return verdicts.stream().allMatch(TargetCheck.Verdict::passed);
    }
}
