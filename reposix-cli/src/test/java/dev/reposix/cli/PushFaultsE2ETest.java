package dev.reposix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reposix.cli.GitProcesses.Result;
import dev.reposix.simulator.Fault;
import dev.reposix.simulator.FaultRule;
import dev.reposix.simulator.RequestLatch;
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

/**
 * Races between a {@code git push} and another editor, made deterministic by holding the push's page
 * write in the simulator (issue 10, faults 7 and 11): the push is rejected in git's words, nothing is
 * half-written, the cache keeps its refs and passes {@code git fsck --strict}, and the printed
 * recovery works.
 */
class PushFaultsE2ETest {

    @TempDir
    Path temporary;

    private SimulatedSite site;
    private Map<String, String> environment;
    private GitProcesses git;
    private Path tree;
    private Path cache;

    @BeforeEach
    void start() throws Exception {
        site = SimulatedSite.start(temporary);
        environment = site.gitEnvironment();
        git = new GitProcesses(environment);
        tree = temporary.resolve("tree");
        site.init(environment, "DEMO", tree);
        cache = site.cache("DEMO");
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private void commitAppending(String path, String line) throws Exception {
        Files.writeString(tree.resolve(path), Files.readString(tree.resolve(path)) + "\n" + line + "\n");
        git.gitOk(tree, "commit", "-qam", "Append to " + path);
    }

    /** Starts {@code git push} and waits until its first page write is parked in the simulator. */
    private CompletableFuture<Result> pushHeldAtTheWrite(RequestLatch latch) throws Exception {
        site.simulator().faults().add(FaultRule.on("PUT", "/wiki/api/v2/pages/{id}", Fault.hold(latch)).times(1));
        CompletableFuture<Result> push = CompletableFuture.supplyAsync(() -> {
            try {
                return git.git(Map.of(), tree, "push", "origin", "main");
            } catch (Exception failed) {
                throw new IllegalStateException(failed);
            }
        });
        assertThat(latch.awaitArrival(Duration.ofSeconds(60))).as("the push reached its write").isTrue();
        return push;
    }

    private String cacheRefs() throws Exception {
        return git.gitOk(cache, "for-each-ref");
    }

    private void assertCacheValid() throws Exception {
        git.gitOk(cache, "fsck", "--strict");
    }

    @Test
    void anEditLandingBetweenTheConflictCheckAndTheWriteRejectsThePushWithFetchFirstAndTheRecoveryKeepsBoth()
            throws Exception {
        int version = site.page("Glossary").versionNumber();
        commitAppending("pages/Glossary.md", "My line, pushed in a race.");
        String refs = cacheRefs();
        String tracking = git.gitOk(tree, "rev-parse", "origin/main");
        RequestLatch latch = new RequestLatch();
        CompletableFuture<Result> push = pushHeldAtTheWrite(latch);

        prependInConfluence("Glossary", "Their edit, saved first.");
        latch.release();
        Result rejected = push.get(120, TimeUnit.SECONDS);

        assertThat(rejected.exitCode()).isNotZero();
        assertThat(rejected.stderr()).contains("! [remote rejected] main -> main (fetch first)")
                .contains("\"Glossary\" (pages/Glossary.md) was changed in Confluence while this push was being applied")
                .doesNotContain("Already written before it stopped");
        assertThat(site.page("Glossary").versionNumber()).as("only their edit landed").isEqualTo(version + 1);
        assertThat(site.page("Glossary").body()).contains("Their edit, saved first.").doesNotContain("My line");
        assertThat(cacheRefs()).as("the cache's refs are untouched").isEqualTo(refs);
        assertThat(git.gitOk(tree, "rev-parse", "origin/main")).isEqualTo(tracking);
        assertCacheValid();

        git.gitOk(tree, "pull", "--rebase", "origin", "main");
        Result recovered = git.git(Map.of(), tree, "push", "origin", "main");

        assertThat(recovered.exitCode()).as(recovered.stderr()).isZero();
        assertThat(recovered.stderr()).as("a rejected push is no half-way push")
                .doesNotContain("an earlier push stopped half-way");
        assertThat(site.page("Glossary").body()).contains("Their edit, saved first.").contains("My line, pushed in a race.");
        assertThat(site.page("Glossary").versionNumber()).isEqualTo(version + 2);
        assertCacheValid();
    }

    @Test
    void aPageDeletedInConfluenceBeforeThePushRejectsItNamingThePageAndTheNextPullRemovesTheFile() throws Exception {
        commitAppending("pages/FAQ.md", "An answer for a page about to go.");
        deleteInConfluence("FAQ");
        String refs = cacheRefs();
        site.simulator().counters().reset();

        Result rejected = git.git(Map.of(), tree, "push", "origin", "main");

        assertThat(rejected.exitCode()).isNotZero();
        assertThat(rejected.stderr()).contains("(fetch first)")
                .contains("\"FAQ\" (pages/FAQ.md) was deleted in Confluence");
        assertThat(site.simulator().counters().count("PUT /wiki/api/v2/pages/{id}")).as("nothing written").isZero();
        assertThat(cacheRefs()).isEqualTo(refs);
        assertCacheValid();

        git.gitOk(tree, "reset", "-q", "--hard", "HEAD~1");
        git.gitOk(tree, "pull", "--ff-only", "origin", "main");
        assertThat(tree.resolve("pages/FAQ.md")).doesNotExist();
        assertCacheValid();
    }

    /**
     * The v2 API has no precondition that catches a trash between the check and the write: Confluence
     * restores a trashed page that is updated to {@code current}. Nothing is lost — the page comes
     * back with the pushed edit — and this test pins that documented behaviour.
     */
    @Test
    void aPageTrashedWhileThePushWritesItComesBackWithTheEditAndNothingIsLost() throws Exception {
        commitAppending("pages/FAQ.md", "An answer for a page deleted meanwhile.");
        RequestLatch latch = new RequestLatch();
        CompletableFuture<Result> push = pushHeldAtTheWrite(latch);

        deleteInConfluence("FAQ");
        latch.release();
        Result pushed = push.get(120, TimeUnit.SECONDS);

        assertThat(pushed.exitCode()).as(pushed.stderr()).isZero();
        assertThat(site.page("FAQ").status()).isEqualTo("current");
        assertThat(site.page("FAQ").body()).containsOnlyOnce("deleted meanwhile");
        assertCacheValid();
        git.gitOk(tree, "pull", "--ff-only", "origin", "main");
        assertThat(Files.readString(tree.resolve("pages/FAQ.md"))).contains("deleted meanwhile");
    }

    private void prependInConfluence(String title, String line) {
        ConfluenceEdits.editBody(environment, "DEMO", title, body -> line + "\n\n" + body);
    }

    private void deleteInConfluence(String title) {
        ConfluenceEdits.delete(environment, "DEMO", title);
    }
}
