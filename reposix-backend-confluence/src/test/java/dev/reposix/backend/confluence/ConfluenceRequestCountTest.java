package dev.reposix.backend.confluence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reposix.api.ManifestEntry;
import dev.reposix.api.RecordId;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.simulator.RequestCounters;
import dev.reposix.simulator.seed.Seed;
import dev.reposix.simulator.seed.SeedPage;
import dev.reposix.simulator.seed.Seeds;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Counts requests, exactly, for a large generated space: listing and bulk reads must scale with
 * pages/250 and labels, never with pages. (Time is measured by the benchmark module, not here.)
 */
class ConfluenceRequestCountTest {

    /** Enough for ten listing batches; the 10,000-page run lives in the benchmark module. */
    private static final int PAGES = 2_500;
    private static final int BATCH = 250;

    private static int batches(long items) {
        return (int) ((items + BATCH - 1) / BATCH);
    }

    @Test
    void manifestBodiesAndLabelsOfALargeSpaceTakeBatchedRequests() {
        Seed seed = Seeds.generated("BIG", PAGES, 600, 7L);
        Map<String, Integer> pagesPerLabel = new HashMap<>();
        for (SeedPage page : seed.spaces().get(0).pages()) {
            page.labels().forEach(label -> pagesPerLabel.merge(label, 1, Integer::sum));
        }
        try (SimulatedSpace site = SimulatedSpace.serving(seed); SourceOfTruth space = site.open("BIG")) {
            RequestCounters counters = site.simulator.counters();
            counters.reset();

            List<ManifestEntry> manifest = space.manifest();

            assertThat(manifest).hasSize(PAGES);
            assertThat(counters.count("GET /wiki/api/v2/spaces/{id}/pages")).isEqualTo(batches(PAGES));
            assertThat(counters.count("POST /wiki/api/v2/users-bulk")).isEqualTo(1);
            assertThat(counters.total()).isEqualTo(batches(PAGES) + 1);

            counters.reset();
            List<RecordId> ids = manifest.stream().map(ManifestEntry::id).toList();
            AtomicInteger delivered = new AtomicInteger();
            space.readRecords(ids, record -> delivered.incrementAndGet());

            assertThat(delivered).hasValue(PAGES);
            assertThat(counters.count("GET /wiki/api/v2/pages")).isEqualTo(batches(PAGES));
            int labelRequests = batches(pagesPerLabel.size())
                    + pagesPerLabel.values().stream().mapToInt(ConfluenceRequestCountTest::batches).sum();
            assertThat(counters.count("GET /wiki/api/v2/spaces/{id}/content/labels")
                    + counters.count("GET /wiki/api/v2/labels/{id}/pages")).isEqualTo(labelRequests);
            assertThat(labelRequests).isLessThan(PAGES / 10);
            assertThat(counters.total()).isEqualTo(batches(PAGES) + labelRequests);
        }
    }
}
