package dev.reposix.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.reposix.api.ReposixException;
import dev.reposix.api.TransportRequest;
import dev.reposix.api.TransportResponse;
import dev.reposix.testkit.RecordingSocketServer;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpClientTransportTest {

    private static final TransportOptions FAST = TransportOptions.DEFAULTS
            .withBackoff(Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(2));

    private final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private final RequestCounters counters = new RequestCounters();
    private HttpClientTransport transport;

    @BeforeEach
    void start() {
        server.start();
        transport = transport(EgressPolicy.parse("http://127.0.0.1:" + server.port()), ProxySettings.NONE);
    }

    @AfterEach
    void stop() {
        transport.close();
        server.stop();
    }

    private HttpClientTransport transport(EgressPolicy policy, ProxySettings proxies) {
        return new HttpClientTransport(policy, proxies, FAST, counters, Clock.systemUTC());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    @Test
    void rateLimitedRequestWaitsForRetryAfterThenSucceeds() {
        server.stubFor(get("/pages").inScenario("rate").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("open"));
        server.stubFor(get("/pages").inScenario("rate").whenScenarioStateIs("open")
                .willReturn(aResponse().withStatus(200).withBody("ok")));

        long started = System.nanoTime();
        TransportResponse response = transport.send(TransportRequest.get(url("/pages")).build());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo("ok");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(counters.count("GET /pages")).isEqualTo(2);
    }

    @Test
    void rateLimitClosesTheGateForEveryCallerOfTheTransport() throws Exception {
        server.stubFor(get("/a").inScenario("rate").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("open"));
        server.stubFor(get("/a").inScenario("rate").whenScenarioStateIs("open").willReturn(aResponse().withStatus(200)));
        server.stubFor(get("/b").willReturn(aResponse().withStatus(200)));
        Thread first = new Thread(() -> transport.send(TransportRequest.get(url("/a")).build()));
        first.start();
        while (!transport.isRateLimited()) {
            Thread.sleep(5);
        }
        Instant firstRateLimitedAt = server.getAllServeEvents().get(0).getRequest().getLoggedDate().toInstant();

        transport.send(TransportRequest.get(url("/b")).build());
        first.join();

        Instant secondArrivedAt = server.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().equals("/b"))
                .findFirst().orElseThrow().getRequest().getLoggedDate().toInstant();
        assertThat(Duration.between(firstRateLimitedAt, secondArrivedAt)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void retryAfterAsHttpDateIsHonoured() {
        String inOneSecond = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(ZonedDateTime.ofInstant(Instant.now().plusSeconds(1), ZoneOffset.UTC));
        server.stubFor(get("/pages").inScenario("rate").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", inOneSecond)).willSetStateTo("open"));
        server.stubFor(get("/pages").inScenario("rate").whenScenarioStateIs("open").willReturn(aResponse().withStatus(200)));

        assertThat(transport.send(TransportRequest.get(url("/pages")).build()).status()).isEqualTo(200);
    }

    @Test
    void absurdRetryAfterIsCappedSoTheCallerIsNotStuck() {
        server.stubFor(get("/pages").inScenario("rate").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "99999999999")).willSetStateTo("open"));
        server.stubFor(get("/pages").inScenario("rate").whenScenarioStateIs("open").willReturn(aResponse().withStatus(200)));
        HttpClientTransport capped = new HttpClientTransport(EgressPolicy.parse("http://127.0.0.1:*"),
                ProxySettings.NONE, FAST.withBackoff(Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofMillis(50)),
                counters, Clock.systemUTC());

        assertThat(capped.send(TransportRequest.get(url("/pages")).build()).status()).isEqualTo(200);
        capped.close();
    }

    @Test
    void persistentRateLimitIsReturnedAfterTheAllowedWaits() {
        server.stubFor(get("/pages").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")));

        TransportResponse response = transport.send(TransportRequest.get(url("/pages")).build());

        assertThat(response.status()).isEqualTo(429);
        assertThat(counters.count("GET /pages")).isEqualTo(1 + FAST.maxRateLimitWaits());
    }

    @Test
    void serverErrorOnIdempotentRequestIsRetriedThenSucceeds() {
        server.stubFor(get("/pages/12").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("second"));
        server.stubFor(get("/pages/12").inScenario("flaky").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(502)).willSetStateTo("healthy"));
        server.stubFor(get("/pages/12").inScenario("flaky").whenScenarioStateIs("healthy")
                .willReturn(aResponse().withStatus(200).withBody("{}")));

        TransportResponse response = transport.send(TransportRequest.get(url("/pages/12")).build());

        assertThat(response.status()).isEqualTo(200);
        assertThat(counters.count("GET /pages/{id}")).isEqualTo(3);
    }

    @Test
    void serverErrorIsReturnedOnceTheAttemptsAreUsedUp() {
        server.stubFor(get("/pages").willReturn(aResponse().withStatus(500)));

        assertThat(transport.send(TransportRequest.get(url("/pages")).build()).status()).isEqualTo(500);
        server.verify(FAST.maxAttempts(), getRequestedFor(urlEqualTo("/pages")));
    }

    @Test
    void postIsNotRetriedOnServerError() {
        server.stubFor(post("/pages").willReturn(aResponse().withStatus(500)));

        TransportResponse response = transport.send(TransportRequest.of("POST", url("/pages"))
                .body("application/json", "{\"title\":\"x\"}".getBytes(StandardCharsets.UTF_8)).build());

        assertThat(response.status()).isEqualTo(500);
        server.verify(1, postRequestedFor(urlEqualTo("/pages")));
    }

    @Test
    void postIsNotRetriedWhenTheConnectionDropsAfterSending() {
        server.stubFor(post("/pages").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> transport.send(TransportRequest.of("POST", url("/pages"))
                .body("application/json", new byte[] {'{', '}'}).build()))
                .isInstanceOfSatisfying(ReposixException.class, error ->
                        assertThat(error.errorCode()).isEqualTo(HttpErrorCode.CONNECTION_FAILED));
        server.verify(1, postRequestedFor(urlEqualTo("/pages")));
    }

    @Test
    void connectionResetOnGetIsRetriedThenSucceeds() {
        server.stubFor(get("/pages").inScenario("reset").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("fine"));
        server.stubFor(get("/pages").inScenario("reset").whenScenarioStateIs("fine")
                .willReturn(aResponse().withStatus(200)));

        assertThat(transport.send(TransportRequest.get(url("/pages")).build()).status()).isEqualTo(200);
    }

    @Test
    void unreachableServerFailsWithConnectionErrorAfterTheAttempts() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        HttpClientTransport local = transport(EgressPolicy.parse("http://127.0.0.1:*"), ProxySettings.NONE);

        assertThatThrownBy(() -> local.send(TransportRequest.get(URI.create("http://127.0.0.1:" + closedPort + "/x")).build()))
                .isInstanceOfSatisfying(ReposixException.class, error -> {
                    assertThat(error.errorCode()).isEqualTo(HttpErrorCode.CONNECTION_FAILED);
                    assertThat(error.getMessage()).contains("after " + FAST.maxAttempts() + " attempt");
                });
        local.close();
    }

    @Test
    void deniedOriginSendsNothingAtAll() throws Exception {
        try (RecordingSocketServer denied = new RecordingSocketServer(RecordingSocketServer.EMPTY_OK)) {
            assertThatThrownBy(() -> transport.send(
                    TransportRequest.get(URI.create("http://127.0.0.1:" + denied.port() + "/secret")).build()))
                    .isInstanceOfSatisfying(ReposixException.class, error ->
                            assertThat(error.errorCode()).isEqualTo(HttpErrorCode.EGRESS_DENIED));
            assertThat(denied.connections()).isZero();
            assertThat(counters.total()).isZero();
        }
    }

    @Test
    void redirectFromAllowedOriginToDeniedOriginIsStoppedBeforeConnecting() throws Exception {
        try (RecordingSocketServer denied = new RecordingSocketServer(RecordingSocketServer.EMPTY_OK)) {
            server.stubFor(get("/download").willReturn(aResponse().withStatus(302)
                    .withHeader("Location", "http://127.0.0.1:" + denied.port() + "/exfiltrate")));

            assertThatThrownBy(() -> transport.send(TransportRequest.get(url("/download"))
                    .header("Authorization", "Basic c2VjcmV0").build()))
                    .isInstanceOfSatisfying(ReposixException.class, error -> {
                        assertThat(error.errorCode()).isEqualTo(HttpErrorCode.EGRESS_DENIED);
                        assertThat(error.getMessage()).contains("127.0.0.1:" + denied.port());
                    });
            assertThat(denied.connections()).isZero();
            assertThat(denied.bytesReceived()).isZero();
        }
    }

    @Test
    void redirectToAnotherAllowedOriginDropsCredentials() {
        WireMockServer other = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        other.start();
        try {
            other.stubFor(get("/file").willReturn(aResponse().withStatus(200).withBody("bytes")));
            server.stubFor(get("/download").willReturn(aResponse().withStatus(307)
                    .withHeader("Location", "http://127.0.0.1:" + other.port() + "/file")));
            HttpClientTransport both = transport(EgressPolicy.parse("http://127.0.0.1:*"), ProxySettings.NONE);

            TransportResponse response = both.send(TransportRequest.get(url("/download"))
                    .header("Authorization", "Basic c2VjcmV0").build());

            assertThat(response.bodyText()).isEqualTo("bytes");
            assertThat(response.uri()).isEqualTo(URI.create("http://127.0.0.1:" + other.port() + "/file"));
            server.verify(getRequestedFor(urlEqualTo("/download")).withHeader("Authorization", equalTo("Basic c2VjcmV0")));
            other.verify(getRequestedFor(urlEqualTo("/file")).withHeader("Authorization", absent()));
            both.close();
        } finally {
            other.stop();
        }
    }

    @Test
    void redirectLoopEndsWithAClearError() {
        server.stubFor(get("/loop").willReturn(aResponse().withStatus(301).withHeader("Location", "/loop")));

        assertThatThrownBy(() -> transport.send(TransportRequest.get(url("/loop")).build()))
                .isInstanceOfSatisfying(ReposixException.class, error ->
                        assertThat(error.errorCode()).isEqualTo(HttpErrorCode.TOO_MANY_REDIRECTS));
    }

    @Test
    void proxyFromEnvironmentCarriesTheRequestWhileEgressChecksTheTarget() throws Exception {
        try (RecordingSocketServer proxy = new RecordingSocketServer(
                "HTTP/1.1 200 OK\r\nContent-Length: 7\r\nConnection: close\r\n\r\nproxied")) {
            ProxySettings proxies = ProxySettings.fromEnvironment(Map.of("HTTP_PROXY", "http://127.0.0.1:" + proxy.port()));
            HttpClientTransport viaProxy = transport(EgressPolicy.parse("http://wiki.corp.example"), proxies);

            TransportResponse response = viaProxy.send(
                    TransportRequest.get(URI.create("http://wiki.corp.example/wiki/api/v2/spaces")).build());

            assertThat(response.bodyText()).isEqualTo("proxied");
            assertThat(proxy.firstRequestHead()).startsWith("GET http://wiki.corp.example/wiki/api/v2/spaces HTTP/1.1");
            viaProxy.close();
        }
    }

    @Test
    void proxyCredentialsFromTheProxyUrlAnswerTheProxysChallenge() {
        String expected = "Basic " + Base64.getEncoder()
                .encodeToString("corp user:p@ss:w0rd".getBytes(StandardCharsets.UTF_8));
        server.stubFor(get("/wiki/api/v2/spaces").withHeader("Proxy-Authorization", absent())
                .willReturn(aResponse().withStatus(407).withHeader("Proxy-Authenticate", "Basic realm=\"corp\"")));
        server.stubFor(get("/wiki/api/v2/spaces").withHeader("Proxy-Authorization", equalTo(expected))
                .willReturn(aResponse().withStatus(200).withBody("through the proxy")));
        ProxySettings proxies = ProxySettings.fromEnvironment(Map.of("HTTP_PROXY",
                "http://corp%20user:p%40ss%3Aw0rd@127.0.0.1:" + server.port()));
        HttpClientTransport viaProxy = transport(EgressPolicy.parse("http://wiki.corp.example"), proxies);

        TransportResponse response = viaProxy.send(
                TransportRequest.get(URI.create("http://wiki.corp.example/wiki/api/v2/spaces")).build());

        assertThat(response.bodyText()).isEqualTo("through the proxy");
        assertThat(proxies.toString()).doesNotContain("p@ss").doesNotContain("w0rd");
        viaProxy.close();
    }

    @Test
    void countersGroupNumericPathSegmentsAndCountBytes() {
        server.stubFor(get(urlEqualTo("/wiki/api/v2/pages/1")).willReturn(aResponse().withBody("abc")));
        server.stubFor(get(urlEqualTo("/wiki/api/v2/pages/2")).willReturn(aResponse().withBody("de")));

        transport.send(TransportRequest.get(url("/wiki/api/v2/pages/1")).build());
        transport.send(TransportRequest.get(url("/wiki/api/v2/pages/2")).build());

        assertThat(counters.snapshot()).containsEntry("GET /wiki/api/v2/pages/{id}", 2L);
        assertThat(counters.bytesReceived()).isEqualTo(5);
        counters.reset();
        assertThat(counters.total()).isZero();
    }
}
