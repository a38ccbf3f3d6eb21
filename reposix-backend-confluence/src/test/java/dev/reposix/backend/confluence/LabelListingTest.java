package dev.reposix.backend.confluence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reposix.api.RecordId;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.simulator.Fault;
import dev.reposix.simulator.FaultRule;
import dev.reposix.simulator.RequestLatch;
import dev.reposix.simulator.seed.Seed;
import dev.reposix.simulator.seed.SeedPage;
import dev.reposix.simulator.seed.Seeds;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The labels of many pages (what a sync asks for) come from the space's label list and each label's
 * pages; those listings run as many at once as the configured concurrency (2 here), never more.
 */
class LabelListingTest {

    private static final String LABEL_PAGES = "/wiki/api/v2/labels/{id}/pages";

    @Test
    void eachLabelsPagesAreListedTwoAtATimeAndEveryPageGetsItsLabels() throws Exception {
        Seed seed = Seeds.generated("LAB", 300, 200, 11L);
        List<SeedPage> pages = seed.spaces().get(0).pages();
        List<RecordId> ids = pages.stream().map(page -> RecordId.of(page.id())).toList();
        Map<RecordId, Set<String>> seeded = pages.stream().collect(Collectors.toMap(page -> RecordId.of(page.id()),
                page -> new TreeSet<>(page.labels())));
        try (SimulatedSpace site = SimulatedSpace.serving(seed); SourceOfTruth space = site.open("LAB")) {
            RequestLatch held = new RequestLatch();
            site.simulator.faults().add(FaultRule.on("GET", LABEL_PAGES, Fault.hold(held)).always());

            CompletableFuture<Map<RecordId, Set<String>>> listing = CompletableFuture.supplyAsync(
                    () -> space.labels(ids));

            try {
                assertThat(held.awaitArrivals(2, Duration.ofSeconds(10))).as("two listings at once").isTrue();
                assertThat(held.awaitArrivals(3, Duration.ofMillis(300))).as("a third at once").isFalse();
            } finally {
                held.release();
            }
            Map<RecordId, Set<String>> labels = listing.get(30, TimeUnit.SECONDS);
            assertThat(labels).isEqualTo(seeded);
            assertThat(held.arrivals()).as("one listing per label").isGreaterThan(2);
        }
    }
}
