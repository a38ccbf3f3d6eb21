package dev.reposix.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reposix.simulator.seed.Seeds;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class LabelsAndUsersTest extends DemoSimulatorTest {
    private static final String HOME = "1000001";

    @Test
    void v1LabelWritesShowInV2ReadsWithoutNewVersion() {
        HttpResponse<String> added = http.post("/wiki/rest/api/content/" + HOME + "/label",
            "[{\"prefix\":\"global\",\"name\":\"reviewed\"},{\"prefix\":\"global\",\"name\":\"public\"}]");
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(SimulatorHttp.json(added).path("results")).hasSize(3);
        JsonNode labels = SimulatorHttp.json(http.get("/wiki/api/v2/pages/" + HOME + "/labels"));
        assertThat(PagesApiTest.names(labels.path("results"))).containsExactly("home", "reviewed", "public");
        assertThat(labels.path("results").get(0).path("prefix").asText()).isEqualTo("global");
        assertThat(http.delete("/wiki/rest/api/content/" + HOME + "/label/public").statusCode()).isEqualTo(204);
        assertThat(http.delete("/wiki/rest/api/content/" + HOME + "/label/public").statusCode()).isEqualTo(404);
        JsonNode page = SimulatorHttp.json(http.get("/wiki/api/v2/pages/" + HOME));
        assertThat(page.path("version").path("number").asInt()).isEqualTo(1);
    }

    @Test
    void pagesOfALabelAreListed() {
        JsonNode labels = SimulatorHttp.json(http.get("/wiki/api/v2/pages/" + HOME + "/labels"));
        String homeLabelId = labels.path("results").get(0).path("id").asText();
        JsonNode pages = SimulatorHttp.json(http.get("/wiki/api/v2/labels/" + homeLabelId + "/pages"));
        assertThat(PaginationTest.ids(pages.path("results"))).containsExactly(HOME);
        assertThat(http.get("/wiki/api/v2/labels/424242/pages").statusCode()).isEqualTo(404);
    }

    @Test
    void spaceLabelsAndContentLabels() {
        JsonNode space = SimulatorHttp.json(http.get("/wiki/api/v2/spaces/131073/labels"));
        assertThat(PagesApiTest.names(space.path("results"))).containsExactly("demo", "documentation");
        JsonNode content = SimulatorHttp.json(http.get("/wiki/api/v2/spaces/131073/content/labels?limit=250"));
        assertThat(PagesApiTest.names(content.path("results"))).contains("howto", "install", "archive");
    }

    @Test
    void usersBulkReturnsKnownUsers() {
        JsonNode users = SimulatorHttp.json(http.post("/wiki/api/v2/users-bulk",
            "{\"accountIds\":[\"5b10a2844c20165700ede21g\",\"unknown\",\"" + simulator.apiAccountId() + "\"]}"));
        assertThat(users.path("results")).hasSize(2);
        assertThat(users.path("results").get(0).path("displayName").asText()).isEqualTo("Alice Archer");
        assertThat(users.path("results").get(0).path("accountType").asText()).isEqualTo("atlassian");
        assertThat(http.post("/wiki/api/v2/users-bulk", "{\"accountIds\":[]}").statusCode()).isEqualTo(400);
    }

    @Test
    void theCredentialsOfASeededUserWriteAsThatUserUnderTheirOwnName() {
        try (ConfluenceSimulator alice = SimulatorHttp.simulatorBuilder().seed(Seeds.demo())
                .credentials("alice@example.com", SimulatorHttp.TOKEN).start()) {
            SimulatorHttp asAlice = new SimulatorHttp(alice.baseUrl(), "alice@example.com", SimulatorHttp.TOKEN);

            JsonNode users = SimulatorHttp.json(asAlice.post("/wiki/api/v2/users-bulk",
                "{\"accountIds\":[\"" + alice.apiAccountId() + "\"]}"));

            assertThat(alice.apiAccountId()).isEqualTo("5b10a2844c20165700ede21g");
            assertThat(users.path("results").get(0).path("displayName").asText()).isEqualTo("Alice Archer");
        }
    }
}
