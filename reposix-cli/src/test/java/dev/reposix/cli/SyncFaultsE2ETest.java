package dev.reposix.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reposix.api.ReposixException;
import dev.reposix.backend.confluence.ConfluenceProvider;
import dev.reposix.core.RemoteSpec;
import dev.reposix.core.Reposix;
import dev.reposix.core.http.TransportOptions;
import dev.reposix.simulator.Fault;
import dev.reposix.simulator.FaultRule;
import dev.reposix.simulator.seed.Seed;
import dev.reposix.simulator.seed.SeedPage;
import dev.reposix.simulator.seed.SeedSpace;
import dev.reposix.simulator.seed.Seeds;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults of the server during {@code init} and {@code sync} (issue 10, faults 1, 2, 3, 8 and 9): each
 * run either converges to exactly the tree a fault-free run gives, or fails with a coded error that
 * leaves the cache's refs as they were and {@code git fsck --strict} clean, and the next run converges.
 */
class SyncFaultsE2ETest {

    /** Milliseconds instead of seconds of backoff, and Retry-After capped at one second. */
    private static final TransportOptions FAST = TransportOptions.DEFAULTS.withBackoff(Duration.ofMillis(5),
            Duration.ofMillis(40), Duration.ofSeconds(1));

    @TempDir
    Path temporary;

    private final CliRunner cli = new CliRunner();
    private SimulatedSite site;
    private Map<String, String> environment;

    private void start(Seed seed) {
        site = SimulatedSite.start(temporary, seed);
        environment = site.environment();
    }

    @AfterEach
    void stop() {
        if (site != null) {
            site.close();
        }
    }

    private Reposix reposix(String cacheName) {
        Map<String, String> variables = new HashMap<>(environment);
        variables.put("REPOSIX_CACHE_DIR", temporary.resolve(cacheName).toString());
        return Reposix.builder().provider(new ConfluenceProvider()).environment(variables).transportOptions(FAST)
                .build();
    }

    private void init(String space, String cacheName, Path tree) {
        try (Reposix reposix = reposix(cacheName)) {
            reposix.workspaces().init(new RemoteSpec("confluence", space), tree, Optional.empty());
        }
    }

    private void sync(Path tree) {
        try (Reposix reposix = reposix("cache")) {
            reposix.workspaces().update(tree);
        }
    }

    /** The tree a fault-free init from a fresh cache gives now: the yardstick of convergence. */
    private String faultFreeTree(String space) throws Exception {
        Path reference = temporary.resolve("reference-" + System.nanoTime());
        init(space, "reference-cache-" + System.nanoTime(), reference);
        return treeOf(reference);
    }

    private static String treeOf(Path tree) throws Exception {
        return git(tree, "rev-parse", "HEAD^{tree}").strip();
    }

    private Path cache(String space) {
        return site.cache(space);
    }

    private String refsOf(String space) throws Exception {
        return git(cache(space), "for-each-ref");
    }

    private void assertCacheValid(String space) throws Exception {
        git(cache(space), "fsck", "--strict");
    }

    static String git(Path directory, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", directory.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("git " + String.join(" ", args) + ":\n" + output).isZero();
        return output;
    }

    /** Writes a page's storage body straight through REST, as Confluence itself (or a broken app) might. */
    private void putStorage(String pageId, String storage) throws Exception {
        SeedPage page = site.simulator().snapshot().spaces().get(0).pages().stream().filter(p -> p.id().equals(pageId))
                .findFirst().orElseThrow();
        String json = "{\"id\":\"" + pageId + "\",\"status\":\"current\",\"title\":\"" + page.title() + "\""
                + (page.parentId() == null ? "" : ",\"parentId\":\"" + page.parentId() + "\"")
                + ",\"body\":{\"representation\":\"storage\",\"value\":" + jsonString(storage) + "},"
                + "\"version\":{\"number\":" + (page.versionNumber() + 1) + "}}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(site.baseUrl() + "/wiki/api/v2/pages/" + pageId))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (SimulatedSite.EMAIL + ":" + SimulatedSite.TOKEN).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private SeedPage pageTitled(String title) {
        return site.simulator().snapshot().spaces().get(0).pages().stream().filter(page -> page.title().equals(title))
                .findFirst().orElseThrow();
    }

    // Fault 1: a 429 storm, one answer with an absurd Retry-After.

    @Test
    void aRateLimitStormDuringInitIsWaitedOutWithTheAbsurdRetryAfterCappedAndGivesTheFaultFreeTree() throws Exception {
        start(Seeds.generated("BIG", 600, 300, 7L));
        site.simulator().faults().add(FaultRule.on("GET", "/wiki/api/v2/spaces/{id}/pages",
                Fault.tooManyRequests(Duration.ofSeconds(1))).afterSkipping(1).times(2));
        site.simulator().faults().add(FaultRule.on("GET", "/wiki/api/v2/pages",
                Fault.tooManyRequests(Duration.ofDays(365))).afterSkipping(1).times(1));
        Path tree = temporary.resolve("tree");
        long started = System.nanoTime();

        init("BIG", "cache", tree);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("a year-long Retry-After is capped")
                .isLessThan(Duration.ofSeconds(30));
        assertThat(site.simulator().faults().firedCount()).isEqualTo(3);
        assertCacheValid("BIG");
        site.simulator().faults().clear();
        assertThat(treeOf(tree)).isEqualTo(faultFreeTree("BIG"));
    }

    @Test
    void aRateLimitThatNeverEndsFailsTheSyncWithItsCodeAndTheNextSyncConverges() throws Exception {
        start(Seeds.demo());
        Path tree = temporary.resolve("tree");
        init("DEMO", "cache", tree);
        ConfluenceEdits.replaceBody(environment, "DEMO", "Glossary", "<p>Edited during a rate-limit storm.</p>");
        String refs = refsOf("DEMO");
        String head = git(tree, "rev-parse", "HEAD");
        site.simulator().faults().add(FaultRule.on("GET", "/wiki/api/v2/pages", Fault.tooManyRequests(Duration.ZERO))
                .always());

        assertThatThrownBy(() -> sync(tree)).isInstanceOf(ReposixException.class).hasMessageContaining("429");

        assertThat(refsOf("DEMO")).as("the cache's refs are untouched").isEqualTo(refs);
        assertThat(git(tree, "rev-parse", "HEAD")).isEqualTo(head);
        assertCacheValid("DEMO");
        site.simulator().faults().clear();
        sync(tree);
        assertThat(Files.readString(tree.resolve("pages/Glossary.md"))).contains("Edited during a rate-limit storm.");
        assertThat(treeOf(tree)).isEqualTo(faultFreeTree("DEMO"));
    }

    // Fault 2: 5xx bursts while listing and while fetching bodies.

    @Test
    void serverErrorBurstsDuringListingAndBodyFetchAreRetriedAndGiveTheFaultFreeTree() throws Exception {
        start(Seeds.generated("BIG", 600, 300, 11L));
        site.simulator().faults().add(FaultRule.on("GET", "/wiki/api/v2/spaces/{id}/pages", Fault.status(502))
                .afterSkipping(1).times(2));
        site.simulator().faults().add(FaultRule.on("GET", "/wiki/api/v2/pages", Fault.status(503)).afterSkipping(1).times(3));
        Path tree = temporary.resolve("tree");

        init("BIG", "cache", tree);

        assertThat(site.simulator().faults().firedCount()).isEqualTo(5);
        assertThat(git(tree, "ls-files", "pages").lines().count()).isEqualTo(600);
        assertCacheValid("BIG");
        site.simulator().faults().clear();
        assertThat(treeOf(tree)).isEqualTo(faultFreeTree("BIG"));
    }

    @Test
    void serverErrorsOutlastingTheRetriesFailTheSyncLeavingRefsAndTreeAndTheNextSyncConverges() throws Exception {
        start(Seeds.demo());
        Path tree = temporary.resolve("tree");
        init("DEMO", "cache", tree);
        ConfluenceEdits.replaceBody(environment, "DEMO", "FAQ", "<p>Edited during an outage.</p>");
        String refs = refsOf("DEMO");
        String head = git(tree, "rev-parse", "HEAD");
        site.simulator().faults().add(FaultRule.on("GET", "/wiki/api/v2/pages", Fault.status(503)).always());

        assertThat(cli.run(environment, getClass().getClassLoader(), "sync", tree.toString()))
                .isEqualTo(ExitCodes.EXTERNAL);

        assertThat(cli.stderr()).contains("RPX-").contains("503");
        assertThat(refsOf("DEMO")).isEqualTo(refs);
        assertThat(git(tree, "rev-parse", "HEAD")).isEqualTo(head);
        assertThat(git(tree, "status", "--porcelain")).isEmpty();
        assertCacheValid("DEMO");
        site.simulator().faults().clear();
        sync(tree);
        assertThat(treeOf(tree)).isEqualTo(faultFreeTree("DEMO"));
    }

    // Fault 3: the connection reset in the middle of a listing page and of a body batch.

    @Test
    void connectionResetsMidPaginationAndMidBodyAreRetriedAndGiveTheFaultFreeTree() throws Exception {
        start(Seeds.generated("BIG", 600, 300, 13L));
        site.simulator().faults().add(FaultRule.on("GET", "/wiki/api/v2/spaces/{id}/pages", Fault.resetMidBody())
                .afterSkipping(1).times(1));
        site.simulator().faults().add(FaultRule.on("GET", "/wiki/api/v2/pages", Fault.resetMidBody()).afterSkipping(1)
                .times(2));
        Path tree = temporary.resolve("tree");

        init("BIG", "cache", tree);

        assertThat(site.simulator().faults().firedCount()).isEqualTo(3);
        assertCacheValid("BIG");
        site.simulator().faults().clear();
        assertThat(treeOf(tree)).isEqualTo(faultFreeTree("BIG"));
    }

    @Test
    void aListingThatKeepsBreakingMidPaginationFailsTheSyncAndTheNextSyncConverges() throws Exception {
        start(Seeds.generated("BIG", 600, 300, 17L));
        Path tree = temporary.resolve("tree");
        init("BIG", "cache", tree);
        SeedPage edited = site.simulator().snapshot().spaces().get(0).pages().get(500);
        putStorage(edited.id(), "<p>Edited before a broken listing.</p>");
        String refs = refsOf("BIG");
        site.simulator().faults().add(FaultRule.on("GET", "/wiki/api/v2/spaces/{id}/pages", Fault.resetMidBody())
                .afterSkipping(1).always());

        assertThatThrownBy(() -> sync(tree)).isInstanceOf(ReposixException.class);

        assertThat(refsOf("BIG")).isEqualTo(refs);
        assertCacheValid("BIG");
        site.simulator().faults().clear();
        sync(tree);
        assertThat(git(tree, "grep", "-l", "Edited before a broken listing.")).isNotBlank();
        assertThat(treeOf(tree)).isEqualTo(faultFreeTree("BIG"));
    }

    // Fault 8: a page body that is not well-formed XML (malformed JSON: ConfluenceWireTest).

    @Test
    void aBodyThatIsNotWellFormedXmlFailsTheSyncNamingThePageAndLeavesTheCacheAndTheFixedPageConverges()
            throws Exception {
        start(Seeds.demo());
        Path tree = temporary.resolve("tree");
        init("DEMO", "cache", tree);
        String glossary = pageTitled("Glossary").id();
        putStorage(glossary, "<p>An <strong>unclosed paragraph</p>");
        String refs = refsOf("DEMO");
        String head = git(tree, "rev-parse", "HEAD");

        assertThat(cli.run(environment, getClass().getClassLoader(), "sync", tree.toString()))
                .isEqualTo(ExitCodes.EXTERNAL);

        assertThat(cli.stderr()).contains("RPX-2101").contains("page \"Glossary\" (id " + glossary + ")");
        assertThat(cli.stderr()).doesNotContain("\tat ");
        assertThat(refsOf("DEMO")).isEqualTo(refs);
        assertThat(git(tree, "rev-parse", "HEAD")).isEqualTo(head);
        assertCacheValid("DEMO");
        putStorage(glossary, "<p>An <strong>closed</strong> paragraph</p>");
        assertThat(cli.run(environment, getClass().getClassLoader(), "sync", tree.toString())).as(cli.stderr())
                .isZero();
        assertThat(Files.readString(tree.resolve("pages/Glossary.md"))).contains("**closed**");
        assertThat(treeOf(tree)).isEqualTo(faultFreeTree("DEMO"));
    }

    @Test
    void anInitThatFailsAfterWritingPartOfTheTreeRemovesItAndTheNextInitConverges() throws Exception {
        Seed seed = Seeds.generated("PART", 600, 300, 17L);
        start(seed);
        List<SeedPage> pages = seed.spaces().get(0).pages();
        // The last page of the last bulk request: the files of the first batches are written by then.
        String broken = pages.get(pages.size() - 1).id();
        putStorage(broken, "<p>An <strong>unclosed paragraph</p>");
        Path tree = temporary.resolve("tree");

        assertThat(cli.run(environment, getClass().getClassLoader(), "init", "confluence::PART", tree.toString()))
                .isEqualTo(ExitCodes.EXTERNAL);

        assertThat(cli.stderr()).contains("RPX-2101").contains("(id " + broken + ")");
        assertThat(tree).as("the files written ahead went with the failed init").doesNotExist();
        putStorage(broken, "<p>A <strong>closed</strong> paragraph</p>");
        assertThat(cli.run(environment, getClass().getClassLoader(), "init", "confluence::PART", tree.toString()))
                .as(cli.stderr()).isZero();
        assertThat(git(tree, "ls-files", "pages").lines()).hasSize(600);
        assertThat(git(tree, "status", "--porcelain", "--untracked-files=all")).isEmpty();
        assertCacheValid("PART");
    }

    // Fault 9: a 5 MB page, and a wide space with every page at one level.

    @Test
    void aFiveMegabytePageAndAThousandPagesInOneFolderLevelInitAndSyncIntact() throws Exception {
        int pages = Integer.getInteger("reposix.faults.flatPages", 1000);
        start(flat(Seeds.generated("WIDE", pages, 200, 23L)));
        Path tree = temporary.resolve("tree");

        init("WIDE", "cache", tree);

        List<String> files = git(tree, "ls-files", "pages").lines().toList();
        assertThat(files).hasSize(pages);
        Path huge = tree.resolve(files.stream().filter(file -> file.contains("Huge")).findFirst().orElseThrow());
        assertThat(Files.size(huge)).as("5 MB of storage, less as Markdown").isGreaterThan(3_500_000L);
        assertThat(Files.readString(huge)).contains("paragraph 49999 of the huge page");
        assertCacheValid("WIDE");
        putStorage(pageTitled("Huge page").id(), hugeBody() + "<p>One more line at the end.</p>");

        sync(tree);

        assertThat(Files.readString(huge)).endsWith("One more line at the end.\n");
        assertThat(git(tree, "status", "--porcelain")).isEmpty();
        assertCacheValid("WIDE");
    }

    /** The seed with every page a child of the home page, and one page of about 5 MB. */
    private static Seed flat(Seed seed) {
        SeedSpace space = seed.spaces().get(0);
        List<SeedPage> pages = new ArrayList<>();
        for (SeedPage page : space.pages()) {
            boolean home = page.id().equals(space.homepageId());
            boolean first = pages.size() == 1;
            pages.add(new SeedPage(page.id(), first ? "Huge page" : page.title(), home ? null : space.homepageId(),
                    page.status(), page.authorId(), page.createdAt(), page.versionNumber(), page.versionAuthorId(),
                    page.versionCreatedAt(), first ? hugeBody() : page.body(), page.labels()));
        }
        return new Seed(List.of(new SeedSpace(space.id(), space.key(), space.name(), space.authorId(),
                space.createdAt(), space.homepageId(), space.labels(), List.of(), pages)), seed.users());
    }

    private static String hugeBody() {
        StringBuilder body = new StringBuilder(5_200_000);
        for (int paragraph = 0; paragraph < 50_000; paragraph++) {
            body.append("<p>This is paragraph ").append(paragraph).append(" of the huge page, padded to about a hundred")
                    .append(" bytes.</p>");
        }
        return body.toString();
    }
}
