package dev.reposix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reposix.core.render.RecordFileCodec;
import dev.reposix.simulator.Fault;
import dev.reposix.simulator.FaultRule;
import dev.reposix.simulator.RequestLatch;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process killed with SIGKILL at a deterministic point (a request held by the simulator's
 * latch): mid-init and mid-sync (the built {@code reposix} launcher) and mid-push after some writes
 * to Confluence landed (the {@code git push} process tree, helper JVM included). Each time the cache
 * passes {@code git fsck --strict}, the refs are those from before, the lock is free
 * ({@code REPOSIX_LOCK_WAIT=1}) and the next run converges.
 */
class KilledProcessE2ETest {

    private static final Duration ARRIVAL = Duration.ofSeconds(60);
    private static final RecordFileCodec CODEC = RecordFileCodec.tree();

    @TempDir
    Path temporary;

    private final CliRunner cli = new CliRunner();
    private SimulatedSite site;
    private Map<String, String> environment;
    private GitProcesses git;
    private Path tree;
    private Path cache;

    @BeforeEach
    void start() {
        site = SimulatedSite.start(temporary);
        environment = site.gitEnvironment();
        environment.put("REPOSIX_LOCK_WAIT", "1");
        git = new GitProcesses(environment);
        tree = temporary.resolve("tree");
        cache = site.cache("DEMO");
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void initKilledWhileFetchingBodiesLeavesAValidEmptyCacheAndTheNextInitConverges() throws Exception {
        RequestLatch latch = new RequestLatch();
        site.simulator().faults().add(FaultRule.on("GET", "/wiki/api/v2/pages", Fault.hold(latch)).times(1));

        Process init = launch(temporary, "init", "confluence::DEMO", tree.toString());
        assertThat(latch.awaitArrival(ARRIVAL)).as("init reached the body fetch").isTrue();
        killTree(init);
        latch.release();

        assertThat(git.gitOk(cache, "for-each-ref")).as("no ref points at a half-written state").isEmpty();
        git.gitOk(cache, "fsck", "--strict");

        int again = cli.run(environment, getClass().getClassLoader(), "init", "confluence::DEMO", tree.toString());
        assertThat(again).as(cli.stderr()).isZero();
        assertThat(git.gitOk(tree, "ls-files", "pages").lines().filter(file -> !file.contains(".assets/")).count())
                .isEqualTo(site.simulator().snapshot().spaces().get(0).pages().stream()
                        .filter(page -> page.status().equals("current")).count());
        assertThat(git.gitOk(tree, "status", "--porcelain")).isEmpty();
        git.gitOk(cache, "fsck", "--strict");
    }

    @Test
    void syncKilledWhileFetchingAnEditedBodyLeavesTheCacheAndTreeAsTheyWereAndTheNextSyncConverges()
            throws Exception {
        assertThat(cli.run(environment, getClass().getClassLoader(), "init", "confluence::DEMO", tree.toString()))
                .as(cli.stderr()).isZero();
        editInConfluence("Glossary", "Edited while a sync gets killed.");
        String cacheRefs = git.gitOk(cache, "for-each-ref");
        String treeHead = git.gitOk(tree, "rev-parse", "HEAD");
        RequestLatch latch = new RequestLatch();
        site.simulator().faults().add(FaultRule.on("GET", "/wiki/api/v2/pages", Fault.hold(latch)).times(1));

        Process sync = launch(tree, "sync");
        assertThat(latch.awaitArrival(ARRIVAL)).as("sync reached the body fetch").isTrue();
        killTree(sync);
        latch.release();

        assertThat(git.gitOk(cache, "for-each-ref")).isEqualTo(cacheRefs);
        assertThat(git.gitOk(tree, "rev-parse", "HEAD")).isEqualTo(treeHead);
        assertThat(git.gitOk(tree, "status", "--porcelain")).isEmpty();
        git.gitOk(cache, "fsck", "--strict");

        assertThat(cli.run(environment, getClass().getClassLoader(), "sync", tree.toString())).as(cli.stderr())
                .isZero();
        assertThat(Files.readString(tree.resolve("pages/Glossary.md"))).contains("Edited while a sync gets killed.");
        assertThat(git.gitOk(tree, "status", "--porcelain")).isEmpty();
        git.gitOk(cache, "fsck", "--strict");
    }

    @Test
    void pushKilledAfterTheFirstOfFourWritesCompletesOnTheNextPushWritingEachPageOnce() throws Exception {
        assertThat(cli.run(environment, getClass().getClassLoader(), "init", "confluence::DEMO", tree.toString()))
                .as(cli.stderr()).isZero();
        List<String> titles = List.of("Glossary", "FAQ", "Release 0.2", "Use Panels");
        Map<String, Integer> versions = new HashMap<>();
        for (String title : titles) {
            versions.put(title, site.page(title).versionNumber());
        }
        int pages = site.simulator().snapshot().spaces().get(0).pages().size();
        try (Stream<Path> files = Files.walk(tree.resolve("pages"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".md")).toList()) {
                if (titles.contains(CODEC.parse(file.toString(), Files.readAllBytes(file)).title())) {
                    Files.writeString(file, Files.readString(file) + "\nEdited in a push that gets killed.\n");
                }
            }
        }
        git.gitOk(tree, "commit", "-qam", "Four edits");
        String cacheRefs = git.gitOk(cache, "for-each-ref");
        String tracking = git.gitOk(tree, "rev-parse", "origin/main");
        RequestLatch latch = new RequestLatch();
        site.simulator().faults().add(FaultRule.on("PUT", "/wiki/api/v2/pages/{id}", Fault.hold(latch)).afterSkipping(1)
                .times(1));

        Process push = launchGit(tree, "push", "origin", "main");
        assertThat(latch.awaitArrival(ARRIVAL)).as("the push reached its second write").isTrue();
        killTree(push);
        latch.release();

        assertThat(titles.stream().filter(title -> site.page(title).versionNumber() > versions.get(title)).count())
                .as("some writes landed").isBetween(1L, 2L);
        assertThat(git.gitOk(cache, "for-each-ref")).as("the cache's refs are those from before").isEqualTo(cacheRefs);
        assertThat(git.gitOk(tree, "rev-parse", "origin/main")).isEqualTo(tracking);
        git.gitOk(cache, "fsck", "--strict");

        String completed = git.gitOk(tree, "push", "origin", "main");
        assertThat(completed).isNotNull();
        for (String title : titles) {
            assertThat(site.page(title).versionNumber()).as(title).isEqualTo(versions.get(title) + 1);
            assertThat(site.page(title).body()).as(title).containsOnlyOnce("Edited in a push that gets killed.");
        }
        assertThat(site.simulator().snapshot().spaces().get(0).pages()).hasSize(pages);
        assertThat(git.gitOk(tree, "rev-parse", "origin/main")).isEqualTo(git.gitOk(tree, "rev-parse", "HEAD"));
        git.gitOk(cache, "fsck", "--strict");
    }

    private Process launch(Path directory, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(GitProcesses.DISTRIBUTION.resolve("bin/reposix").toString()));
        command.addAll(List.of(args));
        return start(directory, command);
    }

    private Process launchGit(Path directory, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        return start(directory, command);
    }

    private Process start(Path directory, List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(temporary.resolve("killed.out").toFile())
                .redirectError(temporary.resolve("killed.err").toFile());
        builder.environment().putAll(environment);
        builder.environment().put("PATH",
                GitProcesses.DISTRIBUTION.resolve("bin") + File.pathSeparator + System.getenv("PATH"));
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        return builder.start();
    }

    /** SIGKILL to the process and every descendant (git's helper JVM is git's child), deepest first. */
    private static void killTree(Process process) throws Exception {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        for (ProcessHandle descendant : descendants) {
            descendant.onExit().get(30, TimeUnit.SECONDS);
        }
    }

    private void editInConfluence(String title, String paragraph) {
        ConfluenceEdits.editBody(environment, "DEMO", title, body -> body + "\n" + paragraph + "\n");
    }
}
