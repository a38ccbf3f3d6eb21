package dev.reposix.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reposix.api.ManifestEntry;
import dev.reposix.api.NewRecord;
import dev.reposix.api.Record;
import dev.reposix.api.RecordUpdate;
import dev.reposix.api.Settings;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.api.UpdateOutcome;
import dev.reposix.testkit.TestingBackendContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Separate instances in separate threads share one project folder through its file lock. */
class ExampleConcurrencyTest {

    @TempDir
    Path directory;

    private static final int WRITERS = 4;
    private static final int UPDATES_PER_WRITER = 10;

    @Test
    void concurrentWritersRetryingOnConflictLoseNoUpdate() throws Exception {
        ExampleProvider provider = new ExampleProvider();
        Settings settings = Settings.of(provider.settings(), Map.of(ExampleProvider.DIRECTORY_SETTING, directory.toString()));
        ManifestEntry created;
        try (SourceOfTruth creator = provider.open("P", settings, TestingBackendContext.offline())) {
            created = creator.create(NewRecord.of("Counter", "0"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int writer = 0; writer < WRITERS; writer++) {
                writers.add(pool.submit(() -> {
                    try (SourceOfTruth sourceOfTruth = provider.open("P", settings, TestingBackendContext.offline())) {
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

        try (SourceOfTruth reader = provider.open("P", settings, TestingBackendContext.offline())) {
            Record last = reader.readRecord(created.id()).orElseThrow();
            assertThat(last.body()).isEqualTo(Integer.toString(WRITERS * UPDATES_PER_WRITER));
            assertThat(last.entry().version()).isEqualTo(1 + WRITERS * UPDATES_PER_WRITER);
        }
    }
}
