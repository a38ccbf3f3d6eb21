package dev.reposix.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reposix.simulator.seed.Seeds;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaginationTest {
    private static final String PAGES = "GET /wiki/api/v2/pages";
    private static final String SPACE_ID = "2000000";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T06:00:00Z"));
    private ConfluenceSimulator simulator;
    private SimulatorHttp http;

    @BeforeEach
    void start() {
        simulator = SimulatorHttp.simulatorBuilder().seed(Seeds.generated("BIG", 1000, 200, 7L)).clock(clock).start();
        http = new SimulatorHttp(simulator);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void thousandPagesWithLimit250TakeExactlyFourListRequests() {
        List<JsonNode> pages = http.listAll("/wiki/api/v2/pages?space-id=" + SPACE_ID + "&limit=250");
        assertThat(pages).hasSize(1000);
        assertThat(ids(pages)).doesNotHaveDuplicates();
        assertThat(simulator.counters().count("GET", "/wiki/api/v2/pages")).isEqualTo(4);
        assertThat(simulator.counters().total()).isEqualTo(4);
    }

    @Test
    void spacePagesListUsesTheSameCursors() {
        List<JsonNode> pages = http.listAll("/wiki/api/v2/spaces/" + SPACE_ID + "/pages?limit=250&sort=-modified-date");
        assertThat(pages).hasSize(1000);
        assertThat(simulator.counters().count("GET /wiki/api/v2/spaces/{id}/pages")).isEqualTo(4);
        List<String> modified = new ArrayList<>();
        pages.forEach(page -> modified.add(page.path("version").path("createdAt").asText()));
        assertThat(modified).isSortedAccordingTo((left, right) -> right.compareTo(left));
    }

    @Test
    void nextLinkIsRelativeAndRepeatedInLinkHeader() {
        HttpResponse<String> response = http.get("/wiki/api/v2/pages?limit=10&sort=title&body-format=storage");
        JsonNode body = SimulatorHttp.json(response);
        String next = body.path("_links").path("next").asText();
        assertThat(next).startsWith("/wiki/api/v2/pages?").contains("limit=10", "sort=title",
            "body-format=storage", "cursor=");
        assertThat(body.path("_links").path("base").asText()).isEqualTo(simulator.baseUrl() + "/wiki");
        assertThat(response.headers().firstValue("Link")).hasValueSatisfying(link ->
            assertThat(link).startsWith("<" + next + ">; rel=\"next\""));
        assertThat(body.path("results")).hasSize(10);
        assertThat(body.path("results").get(0).path("body").path("storage").path("value").asText()).isNotEmpty();
    }

    @Test
    void limitIsClampedAndDefaultsTo25() {
        assertThat(SimulatorHttp.json(http.get("/wiki/api/v2/pages")).path("results")).hasSize(25);
        assertThat(SimulatorHttp.json(http.get("/wiki/api/v2/pages?limit=1000")).path("results")).hasSize(250);
    }

    @Test
    void lastPageHasNoNextLink() {
        HttpResponse<String> response = http.get("/wiki/api/v2/pages?id=2000001&id=2000002");
        JsonNode body = SimulatorHttp.json(response);
        assertThat(body.path("results")).hasSize(2);
        assertThat(body.path("_links").has("next")).isFalse();
        assertThat(response.headers().firstValue("Link")).isEmpty();
    }

    @Test
    void keysetCursorSurvivesConcurrentWritesWithoutSkipOrRepeat() {
        JsonNode first = SimulatorHttp.json(http.get("/wiki/api/v2/pages?limit=100&sort=id"));
        List<String> seen = new ArrayList<>(ids(first.path("results")));
        // Between pages: trash a page already served, create a new one, and edit one not served yet.
        http.delete("/wiki/api/v2/pages/" + seen.get(3));
        String created = SimulatorHttp.json(http.post("/wiki/api/v2/pages", "{\"spaceId\":\"" + SPACE_ID
            + "\",\"title\":\"Late arrival\",\"body\":{\"representation\":\"storage\",\"value\":\"<p/>\"}}"))
            .path("id").asText();
        clock.advance(Duration.ofMinutes(1));
        String next = first.path("_links").path("next").asText();
        seen.addAll(ids(http.listAll(next)));
        assertThat(seen).doesNotHaveDuplicates().hasSize(1001).contains(created);
        Set<String> expected = new HashSet<>();
        for (int index = 0; index < 1000; index++) {
            expected.add(Long.toString(2_000_001L + index));
        }
        assertThat(seen).containsAll(expected);
    }

    @Test
    void unstableOffsetCursorRepeatsAnItemAfterAConcurrentWrite() {
        simulator.cursorMode(CursorMode.UNSTABLE_OFFSET);
        JsonNode first = SimulatorHttp.json(http.get("/wiki/api/v2/pages?limit=100&sort=-modified-date"));
        List<String> firstIds = ids(first.path("results"));
        // A page beyond the first slice is edited and jumps to the front, shifting everything by one.
        JsonNode later = SimulatorHttp.json(http.get("/wiki/api/v2/pages?limit=250&sort=-modified-date"))
            .path("results").get(200);
        clock.advance(Duration.ofDays(365));
        String id = later.path("id").asText();
        http.put("/wiki/api/v2/pages/" + id, "{\"id\":\"" + id + "\",\"status\":\"current\",\"title\":\""
            + later.path("title").asText() + "\",\"version\":{\"number\":"
            + (later.path("version").path("number").asInt() + 1) + "}}");
        JsonNode second = SimulatorHttp.json(http.get(first.path("_links").path("next").asText()));
        List<String> secondIds = ids(second.path("results"));
        assertThat(secondIds.get(0)).isEqualTo(firstIds.get(firstIds.size() - 1));
    }

    @Test
    void keysetCursorDoesNotRepeatInTheSameScenario() {
        JsonNode first = SimulatorHttp.json(http.get("/wiki/api/v2/pages?limit=100&sort=-modified-date"));
        List<String> firstIds = ids(first.path("results"));
        JsonNode later = SimulatorHttp.json(http.get("/wiki/api/v2/pages?limit=250&sort=-modified-date"))
            .path("results").get(200);
        clock.advance(Duration.ofDays(365));
        String id = later.path("id").asText();
        http.put("/wiki/api/v2/pages/" + id, "{\"id\":\"" + id + "\",\"status\":\"current\",\"title\":\""
            + later.path("title").asText() + "\",\"version\":{\"number\":"
            + (later.path("version").path("number").asInt() + 1) + "}}");
        List<String> rest = ids(SimulatorHttp.json(http.get(first.path("_links").path("next").asText()))
            .path("results"));
        assertThat(rest).doesNotContainAnyElementsOf(firstIds);
    }

    @Test
    void invalidCursorGets400() {
        assertThat(http.get("/wiki/api/v2/pages?cursor=bm9wZQ").statusCode()).isEqualTo(400);
        assertThat(http.get("/wiki/api/v2/pages?sort=color").statusCode()).isEqualTo(400);
    }

    static List<String> ids(Iterable<JsonNode> nodes) {
        List<String> ids = new ArrayList<>();
        nodes.forEach(node -> ids.add(node.path("id").asText()));
        return ids;
    }
}
