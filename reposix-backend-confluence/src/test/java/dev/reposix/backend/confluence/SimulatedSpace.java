package dev.reposix.backend.confluence;

import dev.reposix.api.SourceOfTruth;
import dev.reposix.core.Reposix;
import dev.reposix.core.RemoteSpec;
import dev.reposix.simulator.ConfluenceSimulator;
import dev.reposix.simulator.seed.Seed;
import dev.reposix.simulator.seed.SeedPage;
import dev.reposix.simulator.seed.SeedSpace;
import dev.reposix.simulator.seed.SeedUser;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A simulator plus a {@link Reposix} pointed at it, the way the CLI wires them. */
final class SimulatedSpace implements AutoCloseable {

    static final String EMAIL = "bot@acme.example";
    static final String TOKEN = "ATATT-test-token-123";
    static final String ACCOUNT = "557058:bot";

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
        Instant created = Instant.parse("2026-01-05T09:00:00Z");
        SeedPage home = SeedPage.of("9000", key + " Home", null, ACCOUNT, created, "<p>Welcome.</p>", List.of());
        SeedSpace space = new SeedSpace("77", key, key + " space", ACCOUNT, created, "9000", List.of(), List.of(),
                List.of(home));
        return new Seed(List.of(space), List.of(new SeedUser(ACCOUNT, "Build Bot", EMAIL)));
    }

    SourceOfTruth open(String spaceKey) {
        return reposix.open(new RemoteSpec("confluence", spaceKey));
    }

    @Override
    public void close() {
        reposix.close();
        simulator.close();
    }
}
