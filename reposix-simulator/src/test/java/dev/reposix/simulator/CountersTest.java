package dev.reposix.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class CountersTest extends DemoSimulatorTest {
    @Test
    void countsArePerMethodAndPathTemplate() {
        http.get("/wiki/api/v2/pages/1000001");
        http.get("/wiki/api/v2/pages/1000002");
        http.get("/wiki/api/v2/pages/999");
        http.get("/wiki/api/v2/pages?limit=5");
        http.get("/wiki/api/v2/pages/1000001/children");
        http.get("/wiki/api/v2/nothing/here");
        RequestCounters counters = simulator.counters();
        assertThat(counters.count("GET", "/wiki/api/v2/pages/{id}")).isEqualTo(3);
        assertThat(counters.count("GET /wiki/api/v2/pages")).isEqualTo(1);
        assertThat(counters.count("GET /wiki/api/v2/pages/{id}/children")).isEqualTo(1);
        assertThat(counters.count("GET (unmatched)")).isEqualTo(1);
        assertThat(counters.total()).isEqualTo(6);
        assertThat(counters.bytesSent()).isPositive();
        assertThat(counters.bytesSent("GET /wiki/api/v2/pages/{id}")).isPositive();
    }

    @Test
    void countsAreExactUnderConcurrency() {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int index = 0; index < 200; index++) {
                calls.add(CompletableFuture.supplyAsync(() -> http.get("/wiki/api/v2/pages/1000001"), pool));
            }
            calls.forEach(CompletableFuture::join);
        } finally {
            pool.shutdown();
        }
        assertThat(simulator.counters().count("GET", "/wiki/api/v2/pages/{id}")).isEqualTo(200);
    }

    @Test
    void adminEndpointsReadAndResetWithoutCountingThemselves() {
        http.get("/wiki/api/v2/spaces?keys=DEMO");
        http.post("/wiki/api/v2/users-bulk", "{\"accountIds\":[\"5b10a2844c20165700ede21g\"]}");
        JsonNode counters = SimulatorHttp.json(http.get("/__sim/counters"));
        assertThat(counters.path("requests").path("GET /wiki/api/v2/spaces").asLong()).isEqualTo(1);
        assertThat(counters.path("requests").path("POST /wiki/api/v2/users-bulk").asLong()).isEqualTo(1);
        assertThat(counters.path("totalRequests").asLong()).isEqualTo(2);
        assertThat(counters.path("bytesSent").asLong()).isEqualTo(simulator.counters().bytesSent());
        HttpResponse<String> reset = http.send(http.request("/__sim/counters/reset")
            .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(reset.statusCode()).isEqualTo(204);
        assertThat(simulator.counters().total()).isZero();
        assertThat(simulator.counters().bytesSent()).isZero();
        assertThat(simulator.counters().snapshot()).isEmpty();
    }

    @Test
    void javaResetZeroesCounts() {
        http.get("/wiki/api/v2/pages");
        simulator.counters().reset();
        http.get("/wiki/api/v2/pages");
        assertThat(simulator.counters().snapshot()).containsExactly(Map.entry("GET /wiki/api/v2/pages", 1L));
    }
}
