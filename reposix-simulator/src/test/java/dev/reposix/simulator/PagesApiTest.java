package dev.reposix.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reposix.simulator.seed.Seeds;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PagesApiTest {
    private static final String DEMO_SPACE_ID = "131073";
    private static final String HOME_ID = "1000001";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T06:00:00Z"));
    private ConfluenceSimulator simulator;
    private SimulatorHttp http;

    @BeforeEach
    void start() {
        simulator = SimulatorHttp.simulatorBuilder().seed(Seeds.demo()).clock(clock).maxRequestBytes(10_000).start();
        http = new SimulatorHttp(simulator);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void baseUrlIsLoopbackWithEphemeralPort() {
        assertThat(simulator.baseUrl()).isEqualTo("http://127.0.0.1:" + simulator.port());
        assertThat(simulator.port()).isPositive();
    }

    @Test
    void spacesAreFoundByKeyAndById() {
        JsonNode list = SimulatorHttp.json(http.get("/wiki/api/v2/spaces?keys=DEMO"));
        assertThat(list.path("results")).hasSize(1);
        assertThat(list.path("results").get(0).path("id").asText()).isEqualTo(DEMO_SPACE_ID);
        assertThat(list.path("results").get(0).path("homepageId").asText()).isEqualTo(HOME_ID);
        assertThat(SimulatorHttp.json(http.get("/wiki/api/v2/spaces?keys=NOPE")).path("results")).isEmpty();
        JsonNode single = SimulatorHttp.json(http.get("/wiki/api/v2/spaces/" + DEMO_SPACE_ID));
        assertThat(single.path("key").asText()).isEqualTo("DEMO");
        assertThat(single.path("_links").path("base").asText()).isEqualTo(simulator.baseUrl() + "/wiki");
        assertThat(http.get("/wiki/api/v2/spaces/42").statusCode()).isEqualTo(404);
    }

    @Test
    void pageHasBodyOnlyWhenAskedFor() {
        JsonNode without = SimulatorHttp.json(http.get("/wiki/api/v2/pages/" + HOME_ID));
        assertThat(without.has("body")).isFalse();
        assertThat(without.path("version").path("number").asInt()).isEqualTo(1);
        JsonNode with = SimulatorHttp.json(http.get("/wiki/api/v2/pages/" + HOME_ID
            + "?body-format=storage&include-labels=true"));
        assertThat(with.path("body").path("storage").path("representation").asText()).isEqualTo("storage");
        assertThat(with.path("body").path("storage").path("value").asText()).contains("<h1>");
        assertThat(with.path("labels").path("results").get(0).path("name").asText()).isEqualTo("home");
        assertThat(http.get("/wiki/api/v2/pages/999999").statusCode()).isEqualTo(404);
        assertThat(http.get("/wiki/api/v2/pages/not-a-number").statusCode()).isEqualTo(404);
    }

    @Test
    void createAssignsIdVersionAuthorAndEditorProperty() {
        HttpResponse<String> created = http.post("/wiki/api/v2/pages", createBody("Brand New", HOME_ID, "<p>x</p>"));
        assertThat(created.statusCode()).isEqualTo(200);
        JsonNode page = SimulatorHttp.json(created);
        assertThat(page.path("id").isTextual()).isTrue();
        assertThat(page.path("version").path("number").asInt()).isEqualTo(1);
        assertThat(page.path("createdAt").asText()).isEqualTo("2026-11-24T06:00:00.000Z");
        assertThat(page.path("authorId").asText()).isEqualTo(simulator.apiAccountId());
        assertThat(page.path("parentId").asText()).isEqualTo(HOME_ID);
        assertThat(page.path("parentType").asText()).isEqualTo("page");
        assertThat(page.path("body").path("storage").path("value").asText()).isEqualTo("<p>x</p>");
        JsonNode properties = SimulatorHttp.json(http.get("/wiki/api/v2/pages/" + page.path("id").asText()
            + "/properties"));
        assertThat(properties.path("results").get(0).path("key").asText()).isEqualTo("editor");
        assertThat(properties.path("results").get(0).path("value").asText()).isEqualTo("v2");
    }

    @Test
    void createWithoutParentGoesUnderTheHomepage() {
        JsonNode page = SimulatorHttp.json(http.post("/wiki/api/v2/pages",
            "{\"spaceId\":\"" + DEMO_SPACE_ID + "\",\"title\":\"Orphan\",\"body\":{\"representation\":\"storage\","
                + "\"value\":\"<p/>\"}}"));
        assertThat(page.path("parentId").asText()).isEqualTo(HOME_ID);
    }

    @Test
    void duplicateTitleInSpaceIsRejected() {
        HttpResponse<String> response = http.post("/wiki/api/v2/pages", createBody("FAQ", HOME_ID, "<p/>"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(SimulatorHttp.json(response).path("errors").get(0).path("status").asInt()).isEqualTo(400);
    }

    @Test
    void oversizedBodyGets413() {
        String big = "<p>" + "x".repeat(20_000) + "</p>";
        assertThat(http.post("/wiki/api/v2/pages", createBody("Big", HOME_ID, big)).statusCode()).isEqualTo(413);
    }

    @Test
    void deleteTrashesAndPurgeRemoves() {
        String id = SimulatorHttp.json(http.post("/wiki/api/v2/pages", createBody("Doomed", HOME_ID, "<p/>")))
            .path("id").asText();
        assertThat(http.delete("/wiki/api/v2/pages/" + id + "?purge=true").statusCode()).isEqualTo(400);
        assertThat(http.delete("/wiki/api/v2/pages/" + id).statusCode()).isEqualTo(204);
        assertThat(SimulatorHttp.json(http.get("/wiki/api/v2/pages/" + id)).path("status").asText())
            .isEqualTo("trashed");
        assertThat(http.listAll("/wiki/api/v2/pages?limit=250")).noneMatch(page -> page.path("id").asText().equals(id));
        assertThat(http.listAll("/wiki/api/v2/pages?status=trashed")).extracting(page -> page.path("id").asText())
            .containsExactly(id);
        assertThat(http.delete("/wiki/api/v2/pages/" + id + "?purge=true").statusCode()).isEqualTo(204);
        assertThat(http.get("/wiki/api/v2/pages/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void childrenAncestorsAndFolders() {
        JsonNode children = SimulatorHttp.json(http.get("/wiki/api/v2/pages/" + HOME_ID + "/children?limit=250"));
        List<String> titles = titles(children.path("results"));
        assertThat(titles).contains("Getting Started", "Architecture", "FAQ").doesNotContain("Archive");
        JsonNode direct = SimulatorHttp.json(http.get("/wiki/api/v2/pages/" + HOME_ID + "/direct-children?limit=250"));
        JsonNode folderChild = null;
        for (JsonNode child : direct.path("results")) {
            if (child.path("type").asText().equals("folder")) {
                folderChild = child;
            }
        }
        assertThat(folderChild).isNotNull();
        String folderId = folderChild.path("id").asText();
        JsonNode folder = SimulatorHttp.json(http.get("/wiki/api/v2/folders/" + folderId));
        assertThat(folder.path("title").asText()).isEqualTo("Archive");
        assertThat(folder.path("parentId").asText()).isEqualTo(HOME_ID);
        JsonNode oldRoadmap = http.listAll("/wiki/api/v2/pages?title=Old%20Roadmap").get(0);
        assertThat(oldRoadmap.path("parentType").asText()).isEqualTo("folder");
        assertThat(oldRoadmap.path("parentId").asText()).isEqualTo(folderId);
        JsonNode ancestors = SimulatorHttp.json(http.get("/wiki/api/v2/pages/" + oldRoadmap.path("id").asText()
            + "/ancestors"));
        assertThat(ancestors.path("results").get(0).path("id").asText()).isEqualTo(HOME_ID);
        assertThat(ancestors.path("results").get(1).path("type").asText()).isEqualTo("folder");
    }

    @Test
    void moveChangesParentAndRejectsCycles() {
        JsonNode linux = http.listAll("/wiki/api/v2/pages?title=Installing%20on%20Linux").get(0);
        JsonNode faq = http.listAll("/wiki/api/v2/pages?title=FAQ").get(0);
        String moved = "{\"id\":\"" + linux.path("id").asText() + "\",\"status\":\"current\",\"title\":\"Installing on Linux\","
            + "\"parentId\":\"" + faq.path("id").asText() + "\",\"version\":{\"number\":"
            + (linux.path("version").path("number").asInt() + 1) + "}}";
        JsonNode updated = SimulatorHttp.json(http.put("/wiki/api/v2/pages/" + linux.path("id").asText(), moved));
        assertThat(updated.path("parentId").asText()).isEqualTo(faq.path("id").asText());
        String cycle = "{\"id\":\"" + HOME_ID + "\",\"status\":\"current\",\"title\":\"DEMO Home\",\"parentId\":\""
            + faq.path("id").asText() + "\",\"version\":{\"number\":2}}";
        assertThat(http.put("/wiki/api/v2/pages/" + HOME_ID, cycle).statusCode()).isEqualTo(400);
    }

    @Test
    void propertiesCanBeCreatedAndFilteredByKey() {
        HttpResponse<String> created = http.post("/wiki/api/v2/pages/" + HOME_ID + "/properties",
            "{\"key\":\"reposix.sync\",\"value\":{\"hash\":\"abc\"}}");
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(http.post("/wiki/api/v2/pages/" + HOME_ID + "/properties",
            "{\"key\":\"reposix.sync\",\"value\":1}").statusCode()).isEqualTo(400);
        JsonNode filtered = SimulatorHttp.json(http.get("/wiki/api/v2/pages/" + HOME_ID + "/properties?key=reposix.sync"));
        assertThat(filtered.path("results")).hasSize(1);
        assertThat(filtered.path("results").get(0).path("value").path("hash").asText()).isEqualTo("abc");
    }

    static String createBody(String title, String parentId, String storage) {
        return "{\"spaceId\":\"" + DEMO_SPACE_ID + "\",\"status\":\"current\",\"title\":\"" + title
            + "\",\"parentId\":\"" + parentId + "\",\"body\":{\"representation\":\"storage\",\"value\":"
            + SimulatorHttp.MAPPER.valueToTree(storage).toString() + "}}";
    }

    static List<String> titles(JsonNode results) {
        List<String> titles = new ArrayList<>();
        results.forEach(node -> titles.add(node.path("title").asText()));
        return titles;
    }

    static List<String> names(JsonNode results) {
        List<String> names = new ArrayList<>();
        results.forEach(node -> names.add(node.path("name").asText()));
        return names;
    }
}
