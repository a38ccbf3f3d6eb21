package dev.reposix.backend.confluence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.core.Reposix;
import dev.reposix.core.RemoteSpec;
import dev.reposix.simulator.ConfluenceSimulator;
import dev.reposix.simulator.seed.Seed;
import dev.reposix.simulator.seed.SeedPage;
import dev.reposix.simulator.seed.SeedSpace;
import dev.reposix.simulator.seed.SeedUser;
import dev.reposix.testkit.TestingBackendContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** A simulator plus a {@link Reposix} pointed at it, the way the CLI wires them. */
final class SimulatedSpace implements AutoCloseable {

    static final String EMAIL = "bot@acme.example";
    static final String TOKEN = "ATATT-test-token-123";
    static final String ACCOUNT = "557058:bot";
    private static final Instant CREATED = Instant.parse("2026-01-05T09:00:00Z");

    final ConfluenceSimulator simulator;
    final Reposix reposix;

    private SimulatedSpace(ConfluenceSimulator simulator, Map<String, String> extraEnvironment) {
        this.simulator = simulator;
        Map<String, String> environment = new java.util.HashMap<>(Map.of(
                "ATLASSIAN_EMAIL", EMAIL,
                "ATLASSIAN_API_KEY", TOKEN,
                "REPOSIX_CONFLUENCE_BASE_URL", simulator.baseUrl(),
                "REPOSIX_ALLOWED_ORIGINS", simulator.baseUrl()));
        environment.putAll(extraEnvironment);
        this.reposix = Reposix.builder().provider(new ConfluenceProvider()).environment(environment).build();
    }

    static SimulatedSpace serving(Seed seed) {
        return serving(seed, Map.of());
    }

    static SimulatedSpace serving(Seed seed, Map<String, String> extraEnvironment) {
        return new SimulatedSpace(ConfluenceSimulator.builder().credentials(EMAIL, TOKEN).seed(seed).start(),
                extraEnvironment);
    }

    /** A seed with one space that holds only its homepage. */
    static Seed emptySpace(String key) {
        return spaceWith(key);
    }

    /** A seed with one space (id 77): its homepage (id 9000) and these pages. */
    static Seed spaceWith(String key, SeedPage... pages) {
        SeedPage home = SeedPage.of("9000", key + " Home", null, ACCOUNT, CREATED, "<p>Welcome.</p>", List.of());
        List<SeedPage> all = new ArrayList<>(List.of(home));
        all.addAll(List.of(pages));
        SeedSpace space = new SeedSpace("77", key, key + " space", ACCOUNT, CREATED, "9000", List.of(), List.of(), all);
        return new Seed(List.of(space), List.of(new SeedUser(ACCOUNT, "Build Bot", EMAIL)));
    }

    /** A page under the homepage at version 3, with a status. */
    static SeedPage page(String id, String title, String status, String body) {
        return new SeedPage(id, title, "9000", status, ACCOUNT, CREATED, 3, ACCOUNT, CREATED, body, List.of());
    }

    SourceOfTruth open(String spaceKey) {
        return reposix.open(new RemoteSpec("confluence", spaceKey));
    }

    /** A space opened with the real transport and a context that keeps its audit events. */
    record Audited(SourceOfTruth space, TestingBackendContext context) implements AutoCloseable {
        @Override
        public void close() {
            space.close();
        }
    }

    Audited openAudited(String spaceKey) {
        return reposix.withBackend("confluence", (provider, settings, hostContext) -> {
            TestingBackendContext context = TestingBackendContext.of(hostContext.http(), Clock.systemUTC());
            return new Audited(provider.open(spaceKey, settings, context), context);
        });
    }

    /** GETs a JSON document straight from the simulator, as a check independent of the backend. */
    JsonNode get(String sitePath) {
        String credentials = Base64.getEncoder().encodeToString((EMAIL + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + sitePath))
                .header("Authorization", "Basic " + credentials).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET " + sitePath).isEqualTo(200);
            return new ObjectMapper().readTree(response.body());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    @Override
    public void close() {
        reposix.close();
        simulator.close();
    }
}
