package dev.reposix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reposix.git.CacheLock;
import dev.reposix.simulator.ConfluenceSimulator;
import dev.reposix.simulator.seed.Seeds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import dev.reposix.cli.GitProcesses.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code git-remote-reposix} from the built distribution, started by the real git binary against the
 * in-process simulator: clone, pull, partial clone, the sync interval, a busy cache, stdout hygiene.
 */
class RemoteHelperE2ETest {

    private static final Path DISTRIBUTION = GitProcesses.DISTRIBUTION;

    @TempDir
    Path temporary;

    private final CliRunner cli = new CliRunner();
    private ConfluenceSimulator simulator;
    private Map<String, String> environment;
    private Path cache;
    private GitProcesses processes;

    @BeforeEach
    void start() {
        simulator = ConfluenceSimulator.builder().credentials("bot@acme.example", "tok-5150-secret")
                .seed(Seeds.demo()).start();
        // no REPOSIX_CONFLUENCE_BASE_URL: the helper takes the site from the remote URL
        environment = new HashMap<>(Map.of("ATLASSIAN_EMAIL", "bot@acme.example", "ATLASSIAN_API_KEY",
                "tok-5150-secret", "REPOSIX_ALLOWED_ORIGINS", simulator.baseUrl(),
                "REPOSIX_CACHE_DIR", temporary.resolve("cache").toString()));
        cache = temporary.resolve("cache/confluence-DEMO.git");
        processes = new GitProcesses(environment);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private String url() {
        return "reposix::" + simulator.baseUrl() + "/confluence/projects/DEMO";
    }

    private Result run(Map<String, String> extra, byte[] input, Path directory, List<String> command)
            throws IOException, InterruptedException {
        return processes.run(extra, input, directory, command);
    }

    private Result git(Map<String, String> extra, Path directory, String... args) throws IOException, InterruptedException {
        return processes.git(extra, directory, args);
    }

    private String gitOk(Path directory, String... args) throws IOException, InterruptedException {
        return processes.gitOk(directory, args);
    }

    private String gitOk(Map<String, String> extra, Path directory, String... args)
            throws IOException, InterruptedException {
        return processes.gitOk(extra, directory, args);
    }

    private Result helper(Map<String, String> extra, String input) throws IOException, InterruptedException {
        return run(extra, input.getBytes(StandardCharsets.US_ASCII), temporary, List.of(
                DISTRIBUTION.resolve("bin/git-remote-reposix").toString(), "origin", url().substring("reposix::".length())));
    }

    private Path init() {
        Path tree = temporary.resolve("tree");
        Map<String, String> withSite = new HashMap<>(environment);
        withSite.put("REPOSIX_CONFLUENCE_BASE_URL", simulator.baseUrl());
        assertThat(cli.run(withSite, getClass().getClassLoader(), "init", "confluence::DEMO", tree.toString()))
                .as(cli.stderr()).isZero();
        return tree;
    }

    private void appendInConfluence(String title, String text) {
        Map<String, String> withSite = new HashMap<>(environment);
        withSite.put("REPOSIX_CONFLUENCE_BASE_URL", simulator.baseUrl());
        ConfluenceEdits.editBody(withSite, "DEMO", title, body -> body + text);
    }

    @Test
    void cloneThroughTheHelperMatchesTheCachesMain() throws Exception {
        gitOk(temporary, "clone", url(), "clone");

        Path clone = temporary.resolve("clone");
        assertThat(gitOk(clone, "rev-parse", "HEAD")).isEqualTo(gitOk(cache, "rev-parse", "refs/heads/main"));
        assertThat(gitOk(clone, "status", "--porcelain")).isEmpty();
        assertThat(clone.resolve("pages/Getting Started.md")).exists();
        assertThat(gitOk(clone, "ls-remote", "origin")).contains("refs/heads/main").doesNotContain("refs/reposix/")
                .doesNotContain("refs/mirrors/");
        assertThat(gitOk(clone, "for-each-ref", "--format=%(refname)")).doesNotContain("refs/mirrors/")
                .doesNotContain("refs/reposix/").doesNotContain("refs/tags/");
    }

    @Test
    void gitPullInATreeMadeByInitBringsInAConfluenceEditAsAFastForward() throws Exception {
        Path tree = init();
        String before = gitOk(tree, "rev-parse", "HEAD").strip();
        appendInConfluence("Glossary", "\nA term pulled through the helper.\n");

        String pull = gitOk(Map.of("REPOSIX_SYNC_MIN_INTERVAL", "0"), tree, "pull", "--ff-only");

        assertThat(pull).contains("Fast-forward");
        assertThat(Files.readString(tree.resolve("pages/Glossary.md"))).contains("A term pulled through the helper.");
        assertThat(gitOk(tree, "merge-base", "--is-ancestor", before, "HEAD")).isEmpty();
        assertThat(gitOk(tree, "log", "-1", "--format=%s")).isEqualTo("Update \"Glossary\"\n");
        assertThat(gitOk(tree, "status", "--porcelain")).isEmpty();
    }

    @Test
    void aSecondFetchWithinTheMinimumIntervalAsksTheSimulatorNothing() throws Exception {
        gitOk(temporary, "clone", url(), "clone");
        Path clone = temporary.resolve("clone");
        appendInConfluence("Glossary", "\nNot yet.\n");
        simulator.counters().reset();

        gitOk(clone, "fetch");

        assertThat(simulator.counters().total()).as("requests within the default 30 s").isZero();
        assertThat(gitOk(clone, "rev-parse", "origin/main")).isEqualTo(gitOk(clone, "rev-parse", "HEAD"));

        gitOk(Map.of("REPOSIX_SYNC_MIN_INTERVAL", "0"), clone, "fetch");

        assertThat(simulator.counters().total()).as("an interval of 0 syncs every time").isPositive();
        assertThat(gitOk(clone, "log", "-1", "--format=%s", "origin/main")).isEqualTo("Update \"Glossary\"\n");
    }

    @Test
    void partialCloneFetchesBlobsOnDemand() throws Exception {
        gitOk(temporary, "clone", "--filter=blob:none", "--no-checkout", url(), "partial");
        Path partial = temporary.resolve("partial");

        assertThat(gitOk(partial, "config", "remote.origin.promisor")).isEqualTo("true\n");
        assertThat(gitOk(partial, "rev-list", "--objects", "--missing=print", "HEAD").lines()
                .filter(line -> line.startsWith("?")).count()).as("blobs left out").isPositive();

        gitOk(partial, "checkout", "main");

        assertThat(Files.readString(partial.resolve("pages/Getting Started.md"))).isNotEmpty();
        assertThat(gitOk(partial, "status", "--porcelain")).isEmpty();
    }

    @Test
    void aFetchServesTheCachedStateWithoutWaitingWhileAnotherProcessHoldsTheLock() throws Exception {
        Path tree = init();
        String before = gitOk(tree, "rev-parse", "HEAD");
        appendInConfluence("Glossary", "\nWhile locked.\n");
        simulator.counters().reset();

        Result fetch;
        long started = System.nanoTime();
        try (CacheLock held = CacheLock.acquire(cache, Duration.ofSeconds(5))) {
            assertThat(held.isHeld()).isTrue();
            fetch = git(Map.of("REPOSIX_SYNC_MIN_INTERVAL", "0"), tree, "fetch");
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(fetch.exitCode()).as(fetch.stderr()).isZero();
        assertThat(took).as("no waiting for the lock (a sync waits up to 60 s)").isLessThan(Duration.ofSeconds(30));
        assertThat(fetch.stderr()).contains("serving the cached state");
        assertThat(simulator.counters().total()).isZero();
        assertThat(gitOk(tree, "rev-parse", "origin/main")).isEqualTo(before);
    }

    @Test
    void aFailedSyncPrintsTheErrorAndServesTheCachedState() throws Exception {
        Path tree = init();
        String before = gitOk(tree, "rev-parse", "HEAD");

        Result fetch = git(Map.of("REPOSIX_SYNC_MIN_INTERVAL", "0", "ATLASSIAN_API_KEY", "revoked-token"), tree, "fetch");

        assertThat(fetch.exitCode()).as(fetch.stderr()).isZero();
        assertThat(fetch.stderr()).contains("git-remote-reposix: error: RPX-").contains("serves the cached state")
                .doesNotContain("revoked-token");
        assertThat(gitOk(tree, "rev-parse", "origin/main")).isEqualTo(before);
    }

    @Test
    void aCloneWithNothingCachedFailsWhenTheRemoteUrlAndTheConfiguredSiteDisagree() throws Exception {
        Result clone = git(Map.of("REPOSIX_CONFLUENCE_TENANT", "acme"), temporary, "clone", url(), "clone");

        assertThat(clone.exitCode()).isNotZero();
        assertThat(clone.stderr()).contains("disagree").contains("https://acme.atlassian.net")
                .contains(simulator.baseUrl());
        assertThat(simulator.counters().total()).isZero();
    }

    @Test
    void stdoutCarriesOnlyProtocolEvenWithJavaToolOptionsAndAStaleSharedArchive() throws Exception {
        Path staleArchive = temporary.resolve("stale.jsa");
        Path oneJar;
        try (var jars = Files.list(DISTRIBUTION.resolve("lib"))) {
            oneJar = jars.filter(jar -> jar.getFileName().toString().startsWith("reposix-cli")).findFirst().orElseThrow();
        }
        // an archive made for another class path: the JVM cannot use it, and the launcher keeps it quiet
        Process dump = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:ArchiveClassesAtExit=" + staleArchive, "-cp", oneJar.toString(), "dev.reposix.cli.RemoteHelperMain",
                "origin", "x").redirectErrorStream(true).start();
        dump.getOutputStream().close();
        dump.getInputStream().readAllBytes();
        assertThat(dump.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(staleArchive).exists();
        Map<String, String> noisy = Map.of("JAVA_TOOL_OPTIONS", "-Dfoo=bar",
                "REPOSIX_JAVA_OPTS", "-XX:SharedArchiveFile=" + staleArchive);

        Result capabilities = helper(noisy, "capabilities\n\n");

        assertThat(capabilities.exitCode()).as(capabilities.stderr()).isZero();
        assertThat(capabilities.out()).isEqualTo("connect\n\n");
        assertThat(capabilities.stderr()).contains("Picked up JAVA_TOOL_OPTIONS").doesNotContain("shared archive");

        Result upload = helper(noisy, "capabilities\nconnect git-upload-pack\n0000");

        assertThat(upload.exitCode()).as(upload.stderr()).isZero();
        assertThat(upload.out()).startsWith("connect\n\n\n");
        assertPacketLines(upload.stdout(), "connect\n\n\n".length());

        gitOk(noisy, temporary, "clone", url(), "noisy");
        assertThat(temporary.resolve("noisy/pages/Getting Started.md")).exists();
    }

    /** Everything after the handshake must be pkt-lines ending with a flush packet, and nothing else. */
    private static void assertPacketLines(byte[] stdout, int start) {
        int position = start;
        boolean flushed = false;
        List<String> lines = new ArrayList<>();
        while (position < stdout.length) {
            assertThat(flushed).as("bytes after the final flush packet").isFalse();
            String length = new String(stdout, position, 4, StandardCharsets.US_ASCII);
            assertThat(length).matches("[0-9a-f]{4}");
            int size = Integer.parseInt(length, 16);
            if (size == 0) {
                flushed = true;
                position += 4;
                continue;
            }
            assertThat(size).isGreaterThan(4);
            lines.add(new String(stdout, position + 4, size - 4, StandardCharsets.UTF_8));
            position += size;
        }
        assertThat(flushed).isTrue();
        assertThat(position).isEqualTo(stdout.length);
        assertThat(lines).isNotEmpty().allMatch(line -> line.matches("(?s)[0-9a-f]{40} (HEAD|refs/heads/\\S+).*"));
    }

    @Test
    void helperSpeaksOnlyToGitOnStdoutAndRefusesUnknownCommands() throws Exception {
        Result unknown = helper(Map.of(), "capabilities\nlist\n");

        assertThat(unknown.exitCode()).isNotZero();
        assertThat(unknown.out()).isEqualTo("connect\n\n");
        assertThat(unknown.stderr()).contains("git-remote-reposix: git sent the command 'list'");
    }
}
