package dev.reposix.bench;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Runs every space size of a {@link BenchOptions} and checks the targets. Not thread-safe. */
final class BenchRun {

    private BenchRun() {
    }

    static BenchReport run(BenchOptions options) throws IOException, InterruptedException {
        Instant startedAt = Instant.now();
        Machine machine = Machine.current();
        List<SpaceResult> spaces = new ArrayList<>();
        List<TargetCheck.Verdict> verdicts = new ArrayList<>();
        SpaceBench bench = new SpaceBench(options);
        for (int pages : options.pageCounts()) {
            SpaceResult space = bench.run(pages);
            spaces.add(space);
            verdicts.addAll(TargetCheck.verdicts(space));
        }
        return new BenchReport(startedAt, machine, spaces, verdicts);
    }
}
