package dev.reposix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reposix.simulator.ConfluenceSimulator;
import dev.reposix.simulator.seed.Seed;
import dev.reposix.simulator.seed.SeedAttachment;
import dev.reposix.simulator.seed.SeedPage;
import dev.reposix.simulator.seed.Seeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Confluence site for end-to-end tests: the simulator on loopback with one bot account and a seed,
 * and the environment reposix needs to reach it, with its cache under the test's temporary folder.
 * Start one per test and close it in {@code @AfterEach}. Not thread-safe.
 */
final class SimulatedSite implements AutoCloseable {

    static final String EMAIL = "bot@acme.example";
    static final String TOKEN = "tok-5150-secret";

    private final ConfluenceSimulator simulator;
    private final Path cacheDirectory;

    private SimulatedSite(ConfluenceSimulator simulator, Path cacheDirectory) {
        this.simulator = simulator;
        this.cacheDirectory = cacheDirectory;
    }

    /** Starts a site seeded with {@link Seeds#demo()}, its cache at {@code temporary/cache}. */
    static SimulatedSite start(Path temporary) {
        return start(temporary, Seeds.demo());
    }

    /** Starts a site seeded with {@code seed}, its cache at {@code temporary/cache}. */
    static SimulatedSite start(Path temporary, Seed seed) {
        ConfluenceSimulator simulator = ConfluenceSimulator.builder().credentials(EMAIL, TOKEN).seed(seed).start();
        return new SimulatedSite(simulator, temporary.resolve("cache"));
    }

    /** The simulator itself, for faults, latches and snapshots. */
    ConfluenceSimulator simulator() {
        return simulator;
    }

    String baseUrl() {
        return simulator.baseUrl();
    }

    /** The page titled {@code title} as the simulator holds it now. */
    SeedPage page(String title) {
        return simulator.snapshot().spaces().get(0).pages().stream().filter(page -> page.title().equals(title))
                .findFirst().orElseThrow(() -> new AssertionError("no page titled " + title));
    }

    /** The files attached to the page titled {@code title}, as the simulator holds them now. */
    List<SeedAttachment> attachmentsOf(String title) {
        String pageId = page(title).id();
        return simulator.snapshot().spaces().get(0).attachments().stream()
                .filter(attachment -> attachment.pageId().equals(pageId)).toList();
    }

    /** The file of the page titled {@code title} in a working tree of the demo space. */
    static Path pageFile(Path tree, String title) throws IOException {
        try (Stream<Path> files = Files.walk(tree.resolve("pages"))) {
            return files.filter(file -> file.getFileName().toString().equals(title + ".md")).findFirst()
                    .orElseThrow(() -> new AssertionError("no file for " + title));
        }
    }

    /** The folder {@code REPOSIX_CACHE_DIR} names. */
    Path cacheDirectory() {
        return cacheDirectory;
    }

    /** The bare cache repository reposix keeps for {@code space}. */
    Path cache(String space) {
        return cacheDirectory.resolve("confluence-" + space + ".git");
    }

    /** A fresh, mutable environment with the account, the site, its origin and the cache folder. */
    Map<String, String> environment() {
        return new HashMap<>(Map.of("ATLASSIAN_EMAIL", EMAIL, "ATLASSIAN_API_KEY", TOKEN,
                "REPOSIX_CONFLUENCE_BASE_URL", simulator.baseUrl(), "REPOSIX_ALLOWED_ORIGINS", simulator.baseUrl(),
                "REPOSIX_CACHE_DIR", cacheDirectory.toString()));
    }

    /**
     * {@link #environment()} for driving the real {@code git}: a git identity, and no minimum interval
     * between syncs, since a test fetches right after it pushes.
     */
    Map<String, String> gitEnvironment() {
        Map<String, String> environment = environment();
        environment.put("REPOSIX_SYNC_MIN_INTERVAL", "0");
        environment.put("GIT_AUTHOR_NAME", "Jane Writer");
        environment.put("GIT_AUTHOR_EMAIL", "jane@example.com");
        environment.put("GIT_COMMITTER_NAME", "Jane Writer");
        environment.put("GIT_COMMITTER_EMAIL", "jane@example.com");
        return environment;
    }

    /**
     * {@link #gitEnvironment()} as a writer's git has it: no site configured, since the helper
     * takes the site from the remote URL.
     */
    Map<String, String> writerEnvironment() {
        Map<String, String> environment = gitEnvironment();
        environment.remove("REPOSIX_CONFLUENCE_BASE_URL");
        return environment;
    }

    /** Runs {@code reposix init confluence::DEMO tree} with {@link #environment()}; fails the test unless it succeeds. */
    void init(Path tree) {
        init(environment(), "DEMO", tree);
    }

    /** Runs {@code reposix init confluence::<space> tree} with {@code environment}; fails the test unless it succeeds. */
    void init(Map<String, String> environment, String space, Path tree) {
        CliRunner cli = new CliRunner();
        assertThat(cli.run(environment, SimulatedSite.class.getClassLoader(), "init", "confluence::" + space,
                tree.toString())).as(cli.stderr()).isZero();
    }

    @Override
    public void close() {
        simulator.close();
    }
}
