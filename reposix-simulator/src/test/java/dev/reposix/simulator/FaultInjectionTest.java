package dev.reposix.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FaultInjectionTest extends DemoSimulatorTest {
    private static final String PAGE = "/wiki/api/v2/pages/1000001";
    private static final String PAGE_TEMPLATE = "/wiki/api/v2/pages/{id}";

    @Test
    void tooManyRequestsCarriesRetryAfterSeconds() {
        simulator.faults().add(FaultRule.on("GET", PAGE_TEMPLATE, Fault.tooManyRequests(Duration.ofSeconds(3))));
        HttpResponse<String> limited = http.get(PAGE);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("3");
        assertThat(SimulatorHttp.json(limited).path("errors").get(0).path("code").asText())
            .isEqualTo("TOO_MANY_REQUESTS");
        assertThat(http.get(PAGE).statusCode()).isEqualTo(200);
        assertThat(simulator.faults().firedCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503})
    void serverErrorsHitTheNextNMatchingRequestsAndApplyNoWrite(int status) {
        simulator.faults().add(FaultRule.on("POST", "/wiki/api/v2/pages", Fault.status(status)).times(2));
        String body = PagesApiTest.createBody("Faulty", "1000001", "<p/>");
        assertThat(http.get(PAGE).statusCode()).isEqualTo(200);
        assertThat(http.post("/wiki/api/v2/pages", body).statusCode()).isEqualTo(status);
        assertThat(http.post("/wiki/api/v2/pages", body).statusCode()).isEqualTo(status);
        assertThat(http.listAll("/wiki/api/v2/pages?title=Faulty")).isEmpty();
        assertThat(http.post("/wiki/api/v2/pages", body).statusCode()).isEqualTo(200);
        assertThat(simulator.faults().activeRules()).isEmpty();
    }

    @Test
    void skipLetsTheFirstMatchingRequestsThrough() {
        simulator.faults().add(FaultRule.on("GET", PAGE_TEMPLATE, Fault.status(503)).afterSkipping(2));
        assertThat(http.get(PAGE).statusCode()).isEqualTo(200);
        assertThat(http.get("/wiki/api/v2/pages").statusCode()).isEqualTo(200);
        assertThat(http.get(PAGE).statusCode()).isEqualTo(200);
        assertThat(http.get(PAGE).statusCode()).isEqualTo(503);
        assertThat(http.get(PAGE).statusCode()).isEqualTo(200);
    }

    @Test
    void seededProbabilityRepeatsExactly() {
        List<Integer> first = statusesWithProbability();
        simulator.faults().clear();
        List<Integer> second = statusesWithProbability();
        assertThat(first).isEqualTo(second).contains(200, 500);
    }

    private List<Integer> statusesWithProbability() {
        simulator.faults().add(FaultRule.on("GET", PAGE_TEMPLATE, Fault.status(500)).always()
            .withProbability(0.5, 42L));
        List<Integer> statuses = new ArrayList<>();
        for (int index = 0; index < 20; index++) {
            statuses.add(http.get(PAGE).statusCode());
        }
        return statuses;
    }

    @Test
    void delayedRequestStillSucceeds() {
        simulator.faults().add(FaultRule.onAny(Fault.delay(Duration.ofMillis(50))));
        assertThat(http.get(PAGE).statusCode()).isEqualTo(200);
        assertThat(simulator.faults().firedCount()).isEqualTo(1);
    }

    @Test
    void resetMidBodyTruncatesTheResponse() {
        simulator.faults().add(FaultRule.on("GET", PAGE_TEMPLATE, Fault.resetMidBody()));
        assertThatThrownBy(() -> http.sendRaw("GET", PAGE + "?body-format=storage", null))
            .isInstanceOf(IOException.class);
        assertThat(http.get(PAGE).statusCode()).isEqualTo(200);
        assertThat(simulator.counters().bytesSent("GET " + PAGE_TEMPLATE)).isPositive();
    }

    @Test
    void droppedResponseStillAppliesTheWrite() {
        simulator.faults().add(FaultRule.on("POST", "/wiki/api/v2/pages", Fault.dropResponseAfterWrite()));
        assertThatThrownBy(() -> http.sendRaw("POST", "/wiki/api/v2/pages",
            PagesApiTest.createBody("Written but unanswered", "1000001", "<p/>")))
            .isInstanceOf(IOException.class);
        assertThat(http.listAll("/wiki/api/v2/pages?title=Written%20but%20unanswered")).hasSize(1);
    }

    @Test
    void latchHoldsARequestUntilReleasedForDeterministicRaces() throws Exception {
        JsonNode faq = http.listAll("/wiki/api/v2/pages?title=FAQ").get(0);
        String id = faq.path("id").asText();
        int next = faq.path("version").path("number").asInt() + 1;
        String update = "{\"id\":\"" + id + "\",\"status\":\"current\",\"title\":\"FAQ\",\"version\":{\"number\":"
            + next + "}}";
        RequestLatch latch = new RequestLatch();
        simulator.faults().add(FaultRule.on("PUT", PAGE_TEMPLATE, Fault.hold(latch)));
        CompletableFuture<HttpResponse<String>> held = CompletableFuture.supplyAsync(
            () -> http.put("/wiki/api/v2/pages/" + id, update));
        assertThat(latch.awaitArrival(Duration.ofSeconds(10))).isTrue();
        assertThat(held).isNotDone();
        assertThat(http.put("/wiki/api/v2/pages/" + id, update).statusCode()).isEqualTo(200);
        latch.release();
        assertThat(held.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(409);
    }

    @Test
    void rulesParseFromCommandLineText() {
        FaultRule rule = FaultRule.parse("PUT /wiki/api/v2/pages/{id} fault=503 times=2 skip=1");
        assertThat(rule).isEqualTo(FaultRule.on("PUT", PAGE_TEMPLATE, Fault.status(503)).times(2).afterSkipping(1));
        assertThat(FaultRule.parse("fault=429:7").fault()).isEqualTo(Fault.tooManyRequests(Duration.ofSeconds(7)));
        assertThat(FaultRule.parse("fault=reset times=all").times()).isEqualTo(FaultRule.UNLIMITED);
        assertThat(FaultRule.parse("GET /x fault=delay:20 probability=0.25 seed=9").fault())
            .isEqualTo(Fault.delay(Duration.ofMillis(20)));
        assertThat(FaultRule.parse("POST /y fault=drop").fault()).isEqualTo(Fault.dropResponseAfterWrite());
    }

    @Test
    void adminEndpointAddsAndClearsRules() {
        HttpResponse<String> added = http.send(http.request("/__sim/faults").POST(
            HttpRequest.BodyPublishers.ofString("GET /wiki/api/v2/pages/{id} fault=502")));
        assertThat(added.statusCode()).isEqualTo(204);
        assertThat(http.get(PAGE).statusCode()).isEqualTo(502);
        http.send(http.request("/__sim/faults").POST(HttpRequest.BodyPublishers.ofString("fault=500 times=all")));
        assertThat(http.send(http.request("/__sim/faults").DELETE()).statusCode()).isEqualTo(204);
        assertThat(http.get(PAGE).statusCode()).isEqualTo(200);
        assertThat(http.send(http.request("/__sim/faults").POST(HttpRequest.BodyPublishers.ofString("bogus")))
            .statusCode()).isEqualTo(400);
    }
}
