package dev.reposix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reposix.git.CacheLock;
import dev.reposix.simulator.Fault;
import dev.reposix.simulator.FaultRule;
import dev.reposix.simulator.RequestLatch;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two syncs of one cache at once, made to overlap deterministically with the simulator's latch. */
class ConcurrentSyncE2ETest {

    @TempDir
    Path temporary;

    private SimulatedSite site;
    private Map<String, String> environment;

    @BeforeEach
    void start() {
        site = SimulatedSite.start(temporary);
        environment = site.environment();
        environment.put("REPOSIX_LOCK_WAIT", "1");
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void aSecondSyncWhileTheFirstHoldsTheCacheRefusesWithTheDocumentedCodeAndBreaksNothing() throws Exception {
        Path tree = temporary.resolve("tree");
        site.init(environment, "DEMO", tree);
        RequestLatch latch = new RequestLatch();
        site.simulator().faults().add(FaultRule.on("GET", "/wiki/api/v2/spaces/{id}/pages", Fault.hold(latch)));

        CliRunner first = new CliRunner();
        CompletableFuture<Integer> holding = CompletableFuture.supplyAsync(() ->
                first.run(environment, getClass().getClassLoader(), "sync", tree.toString()));
        assertThat(latch.awaitArrival(Duration.ofSeconds(30))).as("the first sync reached the listing").isTrue();

        CliRunner second = new CliRunner();
        int refused = second.run(environment, getClass().getClassLoader(), "sync", tree.toString());
        latch.release();

        assertThat(refused).isEqualTo(ExitCodes.CONFLICT);
        assertThat(second.stderr()).contains("RPX-3007");
        assertThat(holding.get(60, TimeUnit.SECONDS)).as(first.stderr()).isZero();
        Process fsck = new ProcessBuilder("git", "-C", site.cache("DEMO").toString(),
                "fsck", "--strict").redirectErrorStream(true).start();
        String output = new String(fsck.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(fsck.waitFor()).as(output).isZero();
    }

    @Test
    void aLockLeftByAKilledProcessDiesWithItAndTheNextSyncProceeds() throws Exception {
        Path tree = temporary.resolve("tree");
        site.init(environment, "DEMO", tree);
        Path cache = site.cache("DEMO");
        ConfluenceEdits.replaceBody(environment, "DEMO", "Glossary", "<p>Edited while a sync was killed.</p>");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classPath, CacheLockHolderMain.class.getName(), cache.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(output.readLine()).isEqualTo("LOCKED");
            CliRunner blocked = new CliRunner();
            assertThat(blocked.run(environment, getClass().getClassLoader(), "sync", tree.toString()))
                    .isEqualTo(ExitCodes.CONFLICT);
            assertThat(blocked.stderr()).contains("RPX-3007").contains("pid " + holder.pid());

            holder.destroyForcibly();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(cache.resolve(CacheLock.FILE_NAME)).as("the lock file stays; its lock died").exists();

            CliRunner next = new CliRunner();
            assertThat(next.run(environment, getClass().getClassLoader(), "sync", tree.toString())).as(next.stderr())
                    .isZero();
        } finally {
            holder.destroyForcibly();
        }
        assertThat(Files.readString(tree.resolve("pages/Glossary.md"))).contains("Edited while a sync was killed.");
        Process fsck = new ProcessBuilder("git", "-C", cache.toString(), "fsck", "--strict").redirectErrorStream(true)
                .start();
        String output = new String(fsck.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(fsck.waitFor()).as(output).isZero();
    }
}
