package dev.reposix.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reposix.api.ManifestEntry;
import dev.reposix.api.NewRecord;
import dev.reposix.api.Record;
import dev.reposix.api.RecordUpdate;
import dev.reposix.api.UpdateOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class InMemoryConcurrencyTest {

    private static final int WRITERS = 8;
    private static final int UPDATES_PER_WRITER = 25;

    @Test
    void concurrentWritersRetryingOnConflictLoseNoUpdate() throws Exception {
        InMemoryProvider provider = new InMemoryProvider();
        ManifestEntry created = provider.store().insert("P", NewRecord.of("Counter", "0"));
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int writer = 0; writer < WRITERS; writer++) {
                writers.add(pool.submit(() -> {
                    try (InMemorySourceOfTruth sourceOfTruth = provider.open("P", TestingBackendContext.offline())) {
                        for (int done = 0; done < UPDATES_PER_WRITER; ) {
                            Record base = sourceOfTruth.readRecord(created.id()).orElseThrow();
                            String next = Integer.toString(Integer.parseInt(base.body()) + 1);
                            if (sourceOfTruth.update(RecordUpdate.of(base, "Counter", next)) instanceof UpdateOutcome.Updated) {
                                done++;
                            }
                        }
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
        }

        try (InMemorySourceOfTruth reader = provider.open("P", TestingBackendContext.offline())) {
            Record last = reader.readRecord(created.id()).orElseThrow();
            assertThat(last.body()).isEqualTo(Integer.toString(WRITERS * UPDATES_PER_WRITER));
            assertThat(last.entry().version()).isEqualTo(1 + WRITERS * UPDATES_PER_WRITER);
        }
    }
}
