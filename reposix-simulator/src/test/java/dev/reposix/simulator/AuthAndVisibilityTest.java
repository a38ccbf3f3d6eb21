package dev.reposix.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class AuthAndVisibilityTest extends DemoSimulatorTest {
    @Test
    void wrongTokenGets401WithFailureCategory() {
        SimulatorHttp intruder = new SimulatorHttp(simulator.baseUrl(), SimulatorHttp.EMAIL, "wrong");
        HttpResponse<String> response = intruder.get("/wiki/api/v2/spaces?keys=DEMO");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("x-failure-category")).contains("FAILURE_CLIENT_AUTH_MISMATCH");
        assertThat(SimulatorHttp.json(response).path("errors").get(0).path("status").asInt()).isEqualTo(401);
    }

    @Test
    void missingCredentialsGet401() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/wiki/api/v2/pages")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void unreadableSpaceIsAbsentAndItsPagesAre404() {
        assertThat(http.get("/wiki/api/v2/pages/1000001").statusCode()).isEqualTo(200);
        simulator.setSpaceReadable("DEMO", false);
        assertThat(SimulatorHttp.json(http.get("/wiki/api/v2/spaces?keys=DEMO")).path("results")).isEmpty();
        assertThat(http.get("/wiki/api/v2/spaces/131073").statusCode()).isEqualTo(404);
        assertThat(http.get("/wiki/api/v2/spaces/131073/pages").statusCode()).isEqualTo(404);
        assertThat(http.get("/wiki/api/v2/pages/1000001").statusCode()).isEqualTo(404);
        assertThat(SimulatorHttp.json(http.get("/wiki/api/v2/pages")).path("results")).isEmpty();
        simulator.setSpaceReadable("DEMO", true);
        assertThat(http.get("/wiki/api/v2/pages/1000001").statusCode()).isEqualTo(200);
    }
}
