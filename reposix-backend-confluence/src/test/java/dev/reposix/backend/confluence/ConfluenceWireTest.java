package dev.reposix.backend.confluence;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.reposix.api.ErrorCode;
import dev.reposix.api.ManifestEntry;
import dev.reposix.api.RecordId;
import dev.reposix.api.RecordUpdate;
import dev.reposix.api.ReposixException;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.api.StandardErrorCode;
import dev.reposix.api.UpdateOutcome;
import dev.reposix.core.Reposix;
import dev.reposix.core.RemoteSpec;
import dev.reposix.core.http.TransportOptions;
import dev.reposix.testkit.RecordingSocketServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exact wire: headers, pagination, error mapping — against WireMock, for cases a simulator would not produce. */
class ConfluenceWireTest {

    private static final String SPACES = "/wiki/api/v2/spaces";
    private static final String SPACE_JSON = "{\"results\":[{\"id\":\"77\",\"key\":\"ENG\",\"name\":\"Engineering\","
            + "\"homepageId\":\"1\"}],\"_links\":{}}";

    private final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private Reposix reposix;

    @BeforeEach
    void start() {
        server.start();
        String base = "http://127.0.0.1:" + server.port();
        reposix = Reposix.builder().provider(new ConfluenceProvider())
                .transportOptions(TransportOptions.DEFAULTS.withBackoff(Duration.ofMillis(5), Duration.ofMillis(20),
                        Duration.ofSeconds(2)))
                .environment(Map.of("ATLASSIAN_EMAIL", "jane@acme.example", "ATLASSIAN_API_KEY", "tok-secret-1",
                        "REPOSIX_CONFLUENCE_BASE_URL", base, "REPOSIX_ALLOWED_ORIGINS", base))
                .build();
        server.stubFor(get(urlPathEqualTo(SPACES)).willReturn(okJson(SPACE_JSON)));
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/wiki/api/v2/users-bulk"))
                .willReturn(okJson("{\"results\":[]}")));
    }

    @AfterEach
    void stop() {
        reposix.close();
        server.stop();
    }

    private static String page(String id, String title) {
        return "{\"id\":\"" + id + "\",\"status\":\"current\",\"title\":\"" + title + "\",\"spaceId\":\"77\","
                + "\"parentId\":\"1\",\"parentType\":\"page\",\"version\":{\"number\":3,\"createdAt\":"
                + "\"2026-11-20T10:00:00.000Z\"}}";
    }

    private SourceOfTruth open() {
        return reposix.open(RemoteSpec.parse("confluence::ENG"));
    }

    private static ErrorCode codeOf(Throwable error) {
        return ((ReposixException) error).errorCode();
    }

    @Test
    void everyRequestCarriesBasicAuthForTheConfiguredAccount() {
        open().close();

        String expected = "Basic " + Base64.getEncoder()
                .encodeToString("jane@acme.example:tok-secret-1".getBytes(StandardCharsets.UTF_8));
        server.verify(getRequestedFor(urlPathEqualTo(SPACES)).withHeader("Authorization", equalTo(expected))
                .withQueryParam("keys", equalTo("ENG")));
    }

    @Test
    void personalSpaceKeysArePercentEncoded() {
        server.stubFor(get(urlPathEqualTo(SPACES)).willReturn(okJson("{\"results\":[{\"id\":\"78\",\"key\":\"~jane\","
                + "\"name\":\"Jane\"}]}")));

        reposix.open(RemoteSpec.parse("confluence::~jane")).close();

        assertThat(server.getAllServeEvents().get(0).getRequest().getUrl()).contains("keys=%7Ejane");
    }

    @Test
    void manifestFollowsBodyLinksAndLinkHeadersAndDropsRepeatedItems() {
        server.stubFor(get(urlPathEqualTo("/wiki/api/v2/spaces/77/pages")).withQueryParam("cursor", equalTo("two"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withHeader("Link", "</wiki/api/v2/spaces/77/pages?cursor=three>; rel=\"next\"")
                        .withBody("{\"results\":[" + page("11", "B") + "," + page("12", "C") + "],\"_links\":{}}")));
        server.stubFor(get(urlPathEqualTo("/wiki/api/v2/spaces/77/pages")).withQueryParam("cursor", equalTo("three"))
                .willReturn(okJson("{\"results\":[" + page("12", "C") + "," + page("13", "D") + "]}")));
        server.stubFor(get(urlPathEqualTo("/wiki/api/v2/spaces/77/pages")).withQueryParam("limit", equalTo("250"))
                .withQueryParam("cursor", com.github.tomakehurst.wiremock.client.WireMock.absent())
                .willReturn(okJson("{\"results\":[" + page("10", "A") + "],\"_links\":{\"next\":"
                        + "\"/wiki/api/v2/spaces/77/pages?cursor=two\",\"base\":\"https://evil.example/wiki\"}}")));

        List<ManifestEntry> manifest;
        try (SourceOfTruth space = open()) {
            manifest = space.manifest();
        }

        assertThat(manifest).extracting(entry -> entry.id().value()).containsExactly("10", "11", "12", "13");
        assertThat(manifest).allSatisfy(entry -> assertThat(entry.parentId()).as("children of the homepage are top-level")
                .isEmpty());
        assertThat(manifest.get(0).version()).isEqualTo(3);
    }

    @Test
    void nextLinksToAnotherOriginAreRefusedAndNotOneByteReachesIt() throws Exception {
        try (RecordingSocketServer excluded = new RecordingSocketServer(RecordingSocketServer.EMPTY_OK)) {
            String elsewhere = "127.0.0.1:" + excluded.port() + "/wiki/api/v2/spaces/77/pages?cursor=x";
            String firstPage = "{\"results\":[" + page("10", "A") + "],\"_links\":{\"next\":\"%s\"}}";
            List<ResponseDefinitionBuilder> answers = List.of(
                    okJson(firstPage.formatted("http://" + elsewhere)),
                    okJson(firstPage.formatted("//" + elsewhere)),
                    aResponse().withHeader("Content-Type", "application/json")
                            .withHeader("Link", "<http://" + elsewhere + ">; rel=\"next\"")
                            .withBody("{\"results\":[" + page("10", "A") + "]}"));
            for (ResponseDefinitionBuilder answer : answers) {
                server.stubFor(get(urlPathEqualTo("/wiki/api/v2/spaces/77/pages")).willReturn(answer));

                try (SourceOfTruth space = open()) {
                    assertThatThrownBy(space::manifest).satisfies(error -> {
                        assertThat(codeOf(error)).isEqualTo(ConfluenceErrorCode.UNEXPECTED_RESPONSE);
                        assertThat(error.getMessage()).contains("not a path on this site");
                    });
                }
            }

            server.stubFor(get(urlPathEqualTo("/wiki/api/v2/spaces/77/pages")).willReturn(okJson("{\"results\":["
                    + page("10", "A") + "],\"_links\":{\"base\":\"" + excluded.origin() + "/wiki\"}}")));
            try (SourceOfTruth space = open()) {
                assertThat(space.manifest()).hasSize(1);
            }

            assertThat(excluded.connections()).as("connections to the excluded origin").isZero();
            assertThat(excluded.bytesReceived()).isZero();
            assertThat(server.getAllServeEvents()).noneMatch(event -> event.getRequest().getUrl().contains("cursor=x"));
        }
    }

    @Test
    void unauthorizedWithMismatchHeaderExplainsTheEmailTokenMismatch() {
        server.stubFor(get(urlPathEqualTo(SPACES)).willReturn(aResponse().withStatus(401)
                .withHeader("x-failure-category", "FAILURE_CLIENT_AUTH_MISMATCH")
                .withBody("{\"errors\":[{\"status\":401,\"code\":\"UNAUTHORIZED\",\"title\":\"Unauthorized\"}]}")));

        assertThatThrownBy(this::open).satisfies(error -> {
            assertThat(codeOf(error)).isEqualTo(ConfluenceErrorCode.AUTHENTICATION_FAILED);
            assertThat(error.getMessage()).contains("jane@acme.example").contains("does not belong to this e-mail")
                    .contains("expired").doesNotContain("tok-secret-1");
        });
    }

    @Test
    void forbiddenIsAPermissionError() {
        server.stubFor(get(urlPathEqualTo("/wiki/api/v2/spaces/77/pages")).willReturn(aResponse().withStatus(403)));

        try (SourceOfTruth space = open()) {
            assertThatThrownBy(space::manifest).satisfies(error ->
                    assertThat(codeOf(error)).isEqualTo(ConfluenceErrorCode.PERMISSION_DENIED));
        }
    }

    @Test
    void emptySpaceLookupIsSpaceNotFoundNamingTheAccount() {
        server.stubFor(get(urlPathEqualTo(SPACES)).willReturn(okJson("{\"results\":[]}")));

        assertThatThrownBy(this::open).satisfies(error -> {
            assertThat(codeOf(error)).isEqualTo(ConfluenceErrorCode.SPACE_NOT_FOUND);
            assertThat(error.getMessage()).contains("space ENG not found or not visible to jane@acme.example");
        });
    }

    @Test
    void staleUpdateIsAConflictOutcomeAndA409FromThePutToo() {
        server.stubFor(get(urlPathEqualTo("/wiki/api/v2/spaces/77/pages")).willReturn(okJson("{\"results\":["
                + page("10", "A") + "]}")));
        server.stubFor(get(urlPathEqualTo("/wiki/api/v2/pages/10")).willReturn(okJson(page("10", "A")
                .replace("}}", "},\"body\":{\"storage\":{\"representation\":\"storage\",\"value\":\"<p>old</p>\"}}}"))));
        server.stubFor(put(urlPathEqualTo("/wiki/api/v2/pages/10")).willReturn(aResponse().withStatus(409)
                .withBody("{\"errors\":[{\"status\":409,\"code\":\"CONFLICT\",\"title\":\"Version conflict\"}]}")));

        try (SourceOfTruth space = open()) {
            UpdateOutcome stale = space.update(new RecordUpdate(RecordId.of("10"), 2, "A", Optional.empty(), "new",
                    Set.of(), Set.of()));
            UpdateOutcome raced = space.update(new RecordUpdate(RecordId.of("10"), 3, "A", Optional.empty(), "new",
                    Set.of(), Set.of()));

            assertThat(stale).isInstanceOfSatisfying(UpdateOutcome.Conflict.class, conflict ->
                    assertThat(conflict.currentVersion()).hasValue(3));
            assertThat(raced).isInstanceOf(UpdateOutcome.Conflict.class);
        }
    }

    @Test
    void tooLargePageIsAClearUserError() {
        server.stubFor(get(urlPathEqualTo("/wiki/api/v2/spaces/77/pages")).willReturn(okJson("{\"results\":[]}")));
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/wiki/api/v2/pages"))
                .willReturn(aResponse().withStatus(413)));

        try (SourceOfTruth space = open()) {
            assertThatThrownBy(() -> space.create(dev.reposix.api.NewRecord.of("Huge", "x"))).satisfies(error ->
                    assertThat(codeOf(error)).isEqualTo(ConfluenceErrorCode.PAGE_TOO_LARGE));
        }
    }

    @Test
    void unknownPageIsRecordNotFoundOnUpdate() {
        server.stubFor(get(urlPathEqualTo("/wiki/api/v2/spaces/77/pages")).willReturn(okJson("{\"results\":[]}")));
        server.stubFor(get(urlPathEqualTo("/wiki/api/v2/pages/404")).willReturn(aResponse().withStatus(404)));

        try (SourceOfTruth space = open()) {
            assertThatThrownBy(() -> space.update(new RecordUpdate(RecordId.of("404"), 1, "X", Optional.empty(), "x",
                    Set.of(), Set.of()))).satisfies(error ->
                    assertThat(codeOf(error)).isEqualTo(StandardErrorCode.RECORD_NOT_FOUND));
        }
    }

    @Test
    void rateLimitedListingWaitsAndThenSucceeds() {
        server.stubFor(get(urlPathEqualTo("/wiki/api/v2/spaces/77/pages")).inScenario("rate")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")).willSetStateTo("ok"));
        server.stubFor(get(urlPathEqualTo("/wiki/api/v2/spaces/77/pages")).inScenario("rate").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"results\":[" + page("10", "A") + "]}")));

        try (SourceOfTruth space = open()) {
            assertThat(space.manifest()).hasSize(1);
        }
    }

    @Test
    void malformedJsonIsAnExternalErrorNamingTheEndpoint() {
        server.stubFor(get(urlPathEqualTo("/wiki/api/v2/spaces/77/pages")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"results\":[{\"id\":")));

        try (SourceOfTruth space = open()) {
            assertThatThrownBy(space::manifest).satisfies(error -> {
                assertThat(codeOf(error)).isEqualTo(ConfluenceErrorCode.UNEXPECTED_RESPONSE);
                assertThat(error.getMessage()).contains("/wiki/api/v2/spaces/77/pages").contains("not valid JSON")
                        .doesNotContain("com.fasterxml");
            });
        }
    }

    @Test
    void persistentServerErrorsBecomeServiceUnavailable() {
        server.stubFor(get(urlPathEqualTo("/wiki/api/v2/spaces/77/pages")).willReturn(aResponse().withStatus(503)));

        try (SourceOfTruth space = open()) {
            assertThatThrownBy(space::manifest).satisfies(error ->
                    assertThat(codeOf(error)).isEqualTo(ConfluenceErrorCode.SERVICE_UNAVAILABLE));
        }
    }
}
