package dev.reposix.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reposix.simulator.seed.Seeds;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The site-wide {@code GET /wiki/api/v2/attachments} and the test hooks that change attachments
 * behind a client's back, over real HTTP.
 */
class SiteAttachmentListingTest {
    private static final String SITE_LIST = "/wiki/api/v2/attachments";
    private static final String EMBED_IMAGES = "1000020";

    @Test
    void siteListingPagesThroughEveryAttachmentAndIsCountedUnderItsOwnEndpoint() {
        try (ConfluenceSimulator simulator = SimulatorHttp.simulatorBuilder()
                .seed(Seeds.generated("BIG", 300, 200, 5L, 3)).start()) {
            SimulatorHttp http = new SimulatorHttp(simulator);
            HttpResponse<String> first = http.get(SITE_LIST);
            assertThat(SimulatorHttp.json(first).path("results")).hasSize(50);
            String next = SimulatorHttp.json(first).path("_links").path("next").asText();
            assertThat(next).startsWith(SITE_LIST + "?").contains("cursor=");
            assertThat(first.headers().firstValue("Link")).hasValueSatisfying(link ->
                assertThat(link).contains("<" + next + ">; rel=\"next\""));
            simulator.counters().reset();
            List<JsonNode> all = http.listAll(SITE_LIST + "?limit=30");
            assertThat(all).hasSize(100).extracting(node -> node.path("id").asText()).doesNotHaveDuplicates();
            assertThat(all).allSatisfy(node -> assertThat(node.path("pageId").asText()).startsWith("2"));
            assertThat(simulator.counters().count("GET", SITE_LIST)).isEqualTo(4);
            assertThat(http.get(SITE_LIST + "?limit=1000").body()).contains("\"id\"");
            assertThat(SimulatorHttp.json(http.get(SITE_LIST + "?limit=1000")).path("results")).hasSize(100);
        }
    }

    @Test
    void siteListingFiltersByStatusMediaTypeAndFileNameAndSorts() {
        try (ConfluenceSimulator simulator = SimulatorHttp.simulatorBuilder().seed(Seeds.demo()).start()) {
            SimulatorHttp http = new SimulatorHttp(simulator);
            List<JsonNode> all = http.listAll(SITE_LIST);
            assertThat(all).extracting(node -> node.path("title").asText()).containsExactly(
                "architecture-overview.png", "screenshot.png", "diagram.png", "release-notes-0.2.pdf");
            assertThat(http.listAll(SITE_LIST + "?sort=-created-date")).extracting(node -> node.path("title")
                .asText()).containsExactly("release-notes-0.2.pdf", "diagram.png", "screenshot.png",
                "architecture-overview.png");
            assertThat(http.listAll(SITE_LIST + "?mediaType=application/pdf")).hasSize(1);
            assertThat(http.listAll(SITE_LIST + "?filename=screenshot.png")).singleElement()
                .satisfies(node -> assertThat(node.path("pageId").asText()).isEqualTo(EMBED_IMAGES));

            String diagram = all.get(2).path("id").asText();
            simulator.trashAttachment(diagram);
            assertThat(http.listAll(SITE_LIST)).hasSize(3);
            assertThat(http.listAll(SITE_LIST + "?status=trashed")).singleElement()
                .satisfies(node -> assertThat(node.path("id").asText()).isEqualTo(diagram));
            assertThat(http.listAll(SITE_LIST + "?status=current&status=trashed")).hasSize(4);
            assertThat(http.get(SITE_LIST + "?status=draft").statusCode()).isEqualTo(400);
            assertThat(http.get(SITE_LIST + "?sort=title").statusCode()).isEqualTo(400);

            simulator.setSpaceReadable("DEMO", false);
            assertThat(http.listAll(SITE_LIST)).isEmpty();
        }
    }

    @Test
    void putAttachmentAddsAFileOrANewVersionAndTrashAttachmentRemovesIt() {
        try (ConfluenceSimulator simulator = SimulatorHttp.simulatorBuilder().seed(Seeds.demo()).start()) {
            SimulatorHttp http = new SimulatorHttp(simulator);
            String added = simulator.putAttachment(EMBED_IMAGES, "notes.txt", "text/plain",
                "one".getBytes(StandardCharsets.UTF_8));
            String replaced = simulator.putAttachment(EMBED_IMAGES, "notes.txt", "text/plain",
                "two!".getBytes(StandardCharsets.UTF_8));
            assertThat(replaced).isEqualTo(added).startsWith("att");
            JsonNode listed = SimulatorHttp.json(http.get(SITE_LIST + "/" + added));
            assertThat(listed.path("version").path("number").asInt()).isEqualTo(2);
            assertThat(listed.path("fileSize").asLong()).isEqualTo(4);
            assertThat(http.get("/wiki" + listed.path("downloadLink").asText()).body()).isEqualTo("two!");

            simulator.trashAttachment(added);
            assertThat(http.listAll(SITE_LIST + "?filename=notes.txt")).isEmpty();
            assertThatThrownBy(() -> simulator.trashAttachment(added)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> simulator.putAttachment("424242", "x.txt", "text/plain", new byte[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("424242");
        }
    }
}
