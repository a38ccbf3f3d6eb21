package dev.reposix.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reposix.simulator.seed.Seeds;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OptimisticLockingTest {
    private static final String FAQ_PATH = "/wiki/api/v2/pages?title=FAQ&body-format=storage";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T06:00:00Z"));
    private ConfluenceSimulator simulator;
    private SimulatorHttp http;
    private JsonNode faq;

    @BeforeEach
    void start() {
        simulator = SimulatorHttp.simulatorBuilder().seed(Seeds.demo()).clock(clock).start();
        http = new SimulatorHttp(simulator);
        faq = http.listAll(FAQ_PATH).get(0);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void staleVersionGets409AndChangesNothing() {
        int current = faq.path("version").path("number").asInt();
        HttpResponse<String> response = http.put(path(), update("FAQ renamed", "<p>new</p>", current));
        assertThat(response.statusCode()).isEqualTo(409);
        JsonNode error = SimulatorHttp.json(response).path("errors").get(0);
        assertThat(error.path("status").asInt()).isEqualTo(409);
        assertThat(error.path("code").asText()).isEqualTo("CONFLICT");
        assertThat(error.path("title").asText()).isNotBlank();
        assertThat(error.has("detail")).isTrue();
        assertThat(error.path("detail").isNull()).isTrue();
        assertThat(http.listAll(FAQ_PATH).get(0)).isEqualTo(faq);
        assertThat(http.put(path(), update("FAQ renamed", "<p>new</p>", current + 2)).statusCode()).isEqualTo(409);
    }

    @Test
    void rightVersionBumpsVersionAndShowsFirstByModifiedDate() {
        int current = faq.path("version").path("number").asInt();
        clock.advance(Duration.ofDays(400));
        HttpResponse<String> response = http.put(path(), update("FAQ renamed", "<p>new</p>", current + 1));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode updated = SimulatorHttp.json(response);
        assertThat(updated.path("version").path("number").asInt()).isEqualTo(current + 1);
        assertThat(updated.path("version").path("createdAt").asText()).isEqualTo(
            clock.instant().toString().replace("Z", ".000Z"));
        assertThat(updated.path("version").path("authorId").asText()).isEqualTo(simulator.apiAccountId());
        assertThat(updated.path("title").asText()).isEqualTo("FAQ renamed");
        assertThat(updated.path("createdAt").asText()).isEqualTo(faq.path("createdAt").asText());
        JsonNode newest = SimulatorHttp.json(http.get("/wiki/api/v2/pages?sort=-modified-date&limit=1"))
            .path("results").get(0);
        assertThat(newest.path("id").asText()).isEqualTo(faq.path("id").asText());
        JsonNode reread = SimulatorHttp.json(http.get(path() + "?body-format=storage"));
        assertThat(reread.path("body").path("storage").path("value").asText()).isEqualTo("<p>new</p>");
    }

    @Test
    void titleTakenByAnotherPageIsRejected() {
        int current = faq.path("version").path("number").asInt();
        assertThat(http.put(path(), update("Glossary", "<p/>", current + 1)).statusCode()).isEqualTo(400);
    }

    private String path() {
        return "/wiki/api/v2/pages/" + faq.path("id").asText();
    }

    private String update(String title, String storage, int version) {
        return "{\"id\":\"" + faq.path("id").asText() + "\",\"status\":\"current\",\"title\":\"" + title
            + "\",\"body\":{\"representation\":\"storage\",\"value\":\"" + storage + "\"},"
            + "\"version\":{\"number\":" + version + ",\"message\":\"edit\"}}";
    }
}
