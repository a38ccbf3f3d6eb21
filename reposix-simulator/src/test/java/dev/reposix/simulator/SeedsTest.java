package dev.reposix.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reposix.simulator.seed.Seed;
import dev.reposix.simulator.seed.SeedPage;
import dev.reposix.simulator.seed.SeedSpace;
import dev.reposix.simulator.seed.Seeds;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedsTest {

    @Test
    void demoSpaceIsRichAndDeep() {
        SeedSpace demo = Seeds.demo().spaces().get(0);
        assertThat(demo.key()).isEqualTo("DEMO");
        assertThat(demo.pages()).hasSizeGreaterThanOrEqualTo(25);
        assertThat(maxDepth(demo)).isGreaterThanOrEqualTo(3);
        Set<String> authors = new HashSet<>();
        Set<String> labels = new HashSet<>();
        StringBuilder allBodies = new StringBuilder();
        for (SeedPage page : demo.pages()) {
            authors.add(page.authorId());
            labels.addAll(page.labels());
            allBodies.append(page.body());
        }
        assertThat(authors).hasSizeGreaterThanOrEqualTo(3);
        assertThat(labels).isNotEmpty();
        assertThat(demo.pages()).extracting(SeedPage::versionCreatedAt).doesNotHaveDuplicates();
        assertThat(allBodies.toString()).contains("<h1>", "<h2>", "<em>", "<strong>", "<ul><li><p>First point</p><ul>",
            "colspan=\"2\"", "rowspan=\"2\"", "ac:name=\"code\"", "<ac:parameter ac:name=\"language\">",
            "<![CDATA[", "ac:name=\"info\"", "ac:name=\"note\"", "ac:name=\"warning\"", "ac:name=\"tip\"",
            "<ac:task-list>", "<ri:page ri:content-title=", "<ri:attachment ri:filename=", "<ac:emoticon",
            "ac:name=\"status\"", "ac:name=\"expand\"", "com.acme.roadmap-planner");
        assertThat(demo.folders()).hasSize(1);
    }

    @Test
    void demoIsDeterministic() {
        assertThat(Seeds.demo()).isEqualTo(Seeds.demo());
        assertThat(Seeds.generated("G", 50, 500, 3L)).isEqualTo(Seeds.generated("G", 50, 500, 3L));
    }

    @Test
    void generatorHitsTheAverageBodySize() {
        List<SeedPage> pages = Seeds.generated("G", 500, 2000, 1L).spaces().get(0).pages();
        double average = pages.stream().mapToInt(page -> page.body().length()).average().orElse(0);
        assertThat(average).isBetween(1800.0, 2600.0);
        assertThat(pages).extracting(SeedPage::title).doesNotHaveDuplicates();
    }

    @Test
    void tenThousandGeneratedPagesAreServedAndListedCompletely() {
        Seed seed = Seeds.generated("HUGE", 10_000, 300, 11L);
        try (ConfluenceSimulator simulator = SimulatorHttp.simulatorBuilder().seed(seed).start()) {
            SimulatorHttp http = new SimulatorHttp(simulator);
            List<JsonNode> pages = http.listAll("/wiki/api/v2/pages?limit=250");
            assertThat(pages).hasSize(10_000);
            assertThat(PaginationTest.ids(pages)).doesNotHaveDuplicates();
            assertThat(simulator.counters().count("GET /wiki/api/v2/pages")).isEqualTo(40);
        }
    }

    @Test
    void seedFilesRoundTripIncludingWrites(@TempDir Path directory) {
        Path file = directory.resolve("seed.json");
        try (ConfluenceSimulator simulator = SimulatorHttp.simulatorBuilder().seed(Seeds.demo()).start()) {
            SimulatorHttp http = new SimulatorHttp(simulator);
            http.post("/wiki/api/v2/pages", PagesApiTest.createBody("Saved Page", "1000001", "<p>kept</p>"));
            simulator.snapshot().write(file);
        }
        Seed loaded = Seed.read(file);
        assertThat(loaded.spaces().get(0).pages()).extracting(SeedPage::title).contains("Saved Page", "FAQ");
        try (ConfluenceSimulator simulator = SimulatorHttp.simulatorBuilder().seed(loaded).start()) {
            SimulatorHttp http = new SimulatorHttp(simulator);
            JsonNode page = http.listAll("/wiki/api/v2/pages?title=Saved%20Page&body-format=storage").get(0);
            assertThat(page.path("body").path("storage").path("value").asText()).isEqualTo("<p>kept</p>");
            String newId = SimulatorHttp.json(http.post("/wiki/api/v2/pages",
                PagesApiTest.createBody("After Reload", "1000001", "<p/>"))).path("id").asText();
            assertThat(Long.parseLong(newId)).isGreaterThan(Long.parseLong(page.path("id").asText()));
        }
    }

    private static int maxDepth(SeedSpace space) {
        Map<String, String> parents = new HashMap<>();
        space.pages().forEach(page -> parents.put(page.id(), page.parentId()));
        space.folders().forEach(folder -> parents.put(folder.id(), folder.parentId()));
        int max = 0;
        for (SeedPage page : space.pages()) {
            int depth = 1;
            String parent = page.parentId();
            while (parent != null) {
                depth++;
                parent = parents.get(parent);
            }
            max = Math.max(max, depth);
        }
        return max;
    }

    @Test
    void generatorAddsAttachmentsOnlyWhenAskedAndShowsThemInTheBody() {
        assertThat(Seeds.generated("G", 30, 300, 3L, 0)).isEqualTo(Seeds.generated("G", 30, 300, 3L));
        Seed with = Seeds.generated("G", 30, 300, 3L, 10);
        List<SeedPage> plain = Seeds.generated("G", 30, 300, 3L).spaces().get(0).pages();
        List<SeedPage> pages = with.spaces().get(0).pages();
        assertThat(with.spaces().get(0).attachments()).hasSize(3)
            .allSatisfy(attachment -> assertThat(attachment.mediaType()).isEqualTo("image/png"));
        for (int index = 0; index < pages.size(); index++) {
            if (index % 10 == 0) {
                assertThat(pages.get(index).body()).isEqualTo(plain.get(index).body()
                    + "<p><ac:image ac:align=\"center\" ac:width=\"400\"><ri:attachment ri:filename=\""
                    + String.format("figure-%05d.png", index) + "\" /></ac:image></p>");
            } else {
                assertThat(pages.get(index)).isEqualTo(plain.get(index));
            }
        }
    }
}
