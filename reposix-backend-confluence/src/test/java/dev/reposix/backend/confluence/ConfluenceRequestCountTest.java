package dev.reposix.backend.confluence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reposix.api.ManifestEntry;
import dev.reposix.api.Record;
import dev.reposix.api.RecordId;
import dev.reposix.api.RecordUpdate;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.api.UpdateOutcome;
import dev.reposix.simulator.RequestCounters;
import dev.reposix.simulator.seed.Seed;
import dev.reposix.simulator.seed.SeedPage;
import dev.reposix.simulator.seed.Seeds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Counts requests, exactly, for a large generated space: listing and bulk reads must scale with
 * pages/250 and labels, never with pages, and a push of one page must not scale with the space at
 * all. (Time is measured by the benchmark module, not here.)
 */
class ConfluenceRequestCountTest {

    /** Enough for ten listing batches; the 10,000-page run lives in the benchmark module. */
    private static final int PAGES = 2_500;
    private static final int BATCH = 250;
    /** The generated page at index 42: every seventh page has labels. */
    private static final RecordId LABELLED_PAGE = RecordId.of("2000043");

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

    /** A push reads the page it writes (conflict check), then writes it: no listing, whatever the space's size. */
    @ParameterizedTest
    @ValueSource(ints = {60, 600})
    void readingThenEditingOnePageCostsThreeRequestsWhateverTheSpaceSize(int size) {
        try (SimulatedSpace site = SimulatedSpace.serving(Seeds.generated("EDIT", size, 600, 11L))) {
            RequestCounters counters = site.simulator.counters();
            counters.reset();
            try (SourceOfTruth space = site.open("EDIT")) {
                assertThat(counters.snapshot()).as("opening").containsExactly(Map.entry("GET /wiki/api/v2/spaces", 1L));
                counters.reset();

                Record base = readOne(space, LABELLED_PAGE);
                UpdateOutcome outcome = space.update(RecordUpdate.of(base, base.entry().title(),
                        base.body() + "\nOne more line.\n"));

                assertThat(outcome).isInstanceOf(UpdateOutcome.Updated.class);
                assertThat(base.labels()).as("labels came with the page").contains("generated");
                assertThat(counters.snapshot()).as("requests").containsOnly(
                        Map.entry("GET /wiki/api/v2/pages/{id}", 2L), Map.entry("PUT /wiki/api/v2/pages/{id}", 1L));
            }
        }
    }

    @Test
    void aLinkToAnotherPageCostsOneTitleLookupAndNoListing() {
        try (SimulatedSpace site = SimulatedSpace.serving(Seeds.generated("EDIT", 600, 600, 11L))) {
            try (SourceOfTruth author = site.open("EDIT")) {
                Record base = readOne(author, LABELLED_PAGE);
                author.update(RecordUpdate.of(base, base.entry().title(), "See [the start](reposix:record/2000001).\n"));
            }
            RequestCounters counters = site.simulator.counters();
            try (SourceOfTruth space = site.open("EDIT")) {
                counters.reset();

                Record base = readOne(space, LABELLED_PAGE);
                UpdateOutcome outcome = space.update(RecordUpdate.of(base, base.entry().title(),
                        base.body() + "\nOne more line.\n"));

                assertThat(base.body()).isEqualTo("See [the start](reposix:record/2000001).\n");
                assertThat(outcome).isInstanceOf(UpdateOutcome.Updated.class);
                assertThat(counters.snapshot()).as("requests").containsOnly(Map.entry("GET /wiki/api/v2/pages", 1L),
                        Map.entry("GET /wiki/api/v2/pages/{id}", 2L), Map.entry("PUT /wiki/api/v2/pages/{id}", 1L));
            }
        }
    }

    private static Record readOne(SourceOfTruth space, RecordId id) {
        List<Record> read = new ArrayList<>();
        space.readRecords(List.of(id), read::add);
        assertThat(read).as("records read").hasSize(1);
        return read.get(0);
    }
}
