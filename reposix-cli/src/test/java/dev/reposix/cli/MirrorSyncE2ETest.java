package dev.reposix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reposix.simulator.Fault;
import dev.reposix.simulator.FaultRule;
import dev.reposix.simulator.RequestLatch;
import dev.reposix.testkit.RecordingSocketServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reposix mirror sync} against the simulator and a local bare mirror, checked with the real git binary. */
class MirrorSyncE2ETest {

    private static final String WORKFLOW = ".github/workflows/sync.yml";

    @TempDir
    Path temporary;

    private final CliRunner cli = new CliRunner();
    private SimulatedSite site;
    private Map<String, String> environment;
    private Path mirror;

    @BeforeEach
    void start() throws Exception {
        site = SimulatedSite.start(temporary);
        environment = site.environment();
        mirror = temporary.resolve("mirror.git");
        git(temporary, "init", "--quiet", "--bare", "--initial-branch=main", mirror.toString());
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private int reposix(String... args) {
        return cli.run(environment, getClass().getClassLoader(), args);
    }

    private int mirrorSync() {
        return reposix("mirror", "sync", "confluence::DEMO", "--mirror", mirror.toString());
    }

    private static String git(Path directory, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", directory.toString(), "-c", "user.name=Someone",
                "-c", "user.email=someone@example.com"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("git " + String.join(" ", args) + ":\n" + output).isZero();
        return output;
    }

    private String mirrorMain() throws Exception {
        return git(mirror, "rev-parse", "refs/heads/main").strip();
    }

    /** Someone else commits a file to the mirror through an ordinary clone, and pushes. */
    private Path commitToMirror(String name, String path, String content) throws Exception {
        Path clone = temporary.resolve(name);
        git(temporary, "clone", "--quiet", mirror.toString(), clone.toString());
        Files.createDirectories(clone.resolve(path).getParent());
        Files.writeString(clone.resolve(path), content);
        git(clone, "add", path);
        git(clone, "commit", "--quiet", "-m", "Add " + path);
        git(clone, "push", "--quiet", "origin", "HEAD:refs/heads/main");
        return clone;
    }

    private void editInConfluence(String title, String body) {
        ConfluenceEdits.replaceBody(environment, "DEMO", title, body);
    }

    /** A mirror sync in the background, held by the simulator's latch once it lists the space's pages. */
    private record HeldRun(CliRunner cli, RequestLatch latch, CompletableFuture<Integer> exit) {
    }

    private HeldRun mirrorSyncHeldAtTheListing() throws InterruptedException {
        RequestLatch latch = new RequestLatch();
        site.simulator().faults().add(FaultRule.on("GET", "/wiki/api/v2/spaces/{id}/pages", Fault.hold(latch)));
        CliRunner held = new CliRunner();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> held.run(environment,
                getClass().getClassLoader(), "mirror", "sync", "confluence::DEMO", "--mirror", mirror.toString()));
        assertThat(latch.awaitArrival(Duration.ofSeconds(30))).as("the sync reached the listing").isTrue();
        return new HeldRun(held, latch, exit);
    }

    @Test
    void firstRunOnAnEmptyMirrorPushesThePagesAndTheMirrorRefsAndAVanillaCloneSeesThem() throws Exception {
        assertThat(mirrorSync()).as(cli.stderr()).isZero();

        assertThat(cli.stdout()).contains("Mirror synced: 31 pages changed");
        assertThat(cli.stderr()).doesNotContain("warning");
        assertThat(git(mirror, "ls-tree", "-r", "--name-only", "main")).contains("pages/README.md")
                .contains(".reposix/config");
        assertThat(git(mirror, "for-each-ref", "--format=%(refname) %(objecttype)"))
                .contains("refs/mirrors/confluence-head commit").contains("refs/mirrors/confluence-synced-at tag")
                .contains("refs/reposix/state commit");
        assertThat(git(mirror, "rev-parse", "refs/mirrors/confluence-head").strip()).isEqualTo(mirrorMain());
        assertThat(git(mirror, "cat-file", "-p", "refs/mirrors/confluence-synced-at"))
                .containsPattern("\n\nmirror synced at \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\n");

        Path clone = temporary.resolve("vanilla");
        git(temporary, "clone", "--quiet", mirror.toString(), clone.toString());
        assertThat(git(clone, "status", "--porcelain")).isEmpty();
        assertThat(Files.exists(clone.resolve("pages/README.md"))).isTrue();
        git(clone, "fetch", "--quiet", "origin", "+refs/mirrors/*:refs/mirrors/*");
        assertThat(git(clone, "for-each-ref", "--format=%(refname)", "refs/mirrors/"))
                .isEqualTo("refs/mirrors/confluence-head\nrefs/mirrors/confluence-synced-at\n");
        git(mirror, "fsck", "--strict");
    }

    @Test
    void aConfluenceEditFastForwardsTheMirrorAndKeepsSomebodysWorkflowFile() throws Exception {
        assertThat(mirrorSync()).as(cli.stderr()).isZero();
        commitToMirror("someone", WORKFLOW, "on: workflow_dispatch\n");
        String before = mirrorMain();
        editInConfluence("Getting Started", "<p>Edited in the browser.</p>");

        assertThat(mirrorSync()).as(cli.stderr()).isZero();

        String after = mirrorMain();
        assertThat(after).isNotEqualTo(before);
        git(mirror, "merge-base", "--is-ancestor", before, after);
        assertThat(git(mirror, "log", "--format=%s", before + ".." + after))
                .isEqualTo("Update \"Getting Started\"\n");
        assertThat(git(mirror, "show", "main:" + WORKFLOW)).isEqualTo("on: workflow_dispatch\n");
        assertThat(git(mirror, "show", "main:pages/Getting Started.md")).contains("Edited in the browser.");
        assertThat(git(mirror, "rev-parse", "refs/mirrors/confluence-head").strip()).isEqualTo(after);

        assertThat(mirrorSync()).as(cli.stderr()).isZero();
        assertThat(cli.stdout()).contains("Mirror up to date");
        assertThat(mirrorMain()).isEqualTo(after);
        git(mirror, "fsck", "--strict");
    }

    @Test
    void aFirstRunOnAMirrorWithFilesImportsOnTopOfThemFromInsideAClone() throws Exception {
        Path clone = commitToMirror("checkout", WORKFLOW, "on: schedule\n");
        String before = mirrorMain();

        assertThat(reposix("mirror", "sync", "confluence::DEMO", "-C", clone.toString())).as(cli.stderr()).isZero();

        String after = mirrorMain();
        git(mirror, "merge-base", "--is-ancestor", before, after);
        assertThat(git(mirror, "ls-tree", "-r", "--name-only", "main")).contains(WORKFLOW).contains("pages/README.md");
        assertThat(git(mirror, "for-each-ref", "--format=%(refname)", "refs/mirrors/"))
                .contains("refs/mirrors/confluence-head").contains("refs/mirrors/confluence-synced-at");
    }

    @Test
    void aMirrorThatMovesDuringTheRunIsNotOverwrittenAndTheNextRunCatchesUp() throws Exception {
        assertThat(mirrorSync()).as(cli.stderr()).isZero();
        editInConfluence("Getting Started", "<p>Edited while the mirror moves.</p>");
        HeldRun held = mirrorSyncHeldAtTheListing();
        commitToMirror("racer", "README.md", "# Our mirror\n");
        String moved = mirrorMain();
        held.latch().release();

        assertThat(held.exit().get(120, TimeUnit.SECONDS)).as(held.cli().stderr()).isZero();
        assertThat(held.cli().stderr()).contains("warning: " + MirrorCommand.LEASE_LOST);
        assertThat(held.cli().stdout()).contains("Mirror not updated");
        assertThat(mirrorMain()).as("nothing was overwritten").isEqualTo(moved);

        assertThat(mirrorSync()).as(cli.stderr()).isZero();
        assertThat(cli.stderr()).doesNotContain("warning");
        git(mirror, "merge-base", "--is-ancestor", moved, mirrorMain());
        assertThat(git(mirror, "show", "main:README.md")).isEqualTo("# Our mirror\n");
        assertThat(git(mirror, "show", "main:pages/Getting Started.md")).contains("Edited while the mirror moves.");
    }

    @Test
    void aFreshMachineTakesTheSyncStateFromTheMirrorAndSyncsIncrementally() throws Exception {
        assertThat(mirrorSync()).as(cli.stderr()).isZero();
        String before = mirrorMain();
        deleteRecursively(site.cacheDirectory());
        editInConfluence("Getting Started", "<p>Edited for a new runner.</p>");

        assertThat(mirrorSync()).as(cli.stderr()).isZero();

        assertThat(git(mirror, "log", "--format=%s", before + ".." + mirrorMain()))
                .isEqualTo("Update \"Getting Started\"\n");
    }

    @Test
    void twoMachinesTakingTurnsTakeEachOthersSyncStateAndUndoNothing() throws Exception {
        assertThat(mirrorSync()).as(cli.stderr()).isZero();
        editInConfluence("Getting Started", "<p>Synced by the other machine.</p>");
        environment.put("REPOSIX_CACHE_DIR", temporary.resolve("other-cache").toString());
        assertThat(mirrorSync()).as(cli.stderr()).isZero();
        String before = mirrorMain();
        editInConfluence("Glossary", "<p>Back on the first machine.</p>");
        environment.put("REPOSIX_CACHE_DIR", site.cacheDirectory().toString());

        assertThat(mirrorSync()).as(cli.stderr()).isZero();

        assertThat(cli.stderr()).doesNotContain("RPX-5005");
        assertThat(git(mirror, "log", "--format=%s", before + ".." + mirrorMain())).isEqualTo("Update \"Glossary\"\n");
    }

    @Test
    void aRunWithNothingToSyncStillAdvancesTheSyncedAtTag() throws Exception {
        assertThat(mirrorSync()).as(cli.stderr()).isZero();
        String main = mirrorMain();
        String tag = git(mirror, "rev-parse", "refs/mirrors/confluence-synced-at").strip();
        Thread.sleep(1100);

        assertThat(mirrorSync()).as(cli.stderr()).isZero();

        assertThat(cli.stdout()).contains("Mirror up to date: nothing to sync.");
        assertThat(mirrorMain()).isEqualTo(main);
        assertThat(git(mirror, "rev-parse", "refs/mirrors/confluence-synced-at").strip()).isNotEqualTo(tag);
        assertThat(git(mirror, "rev-parse", "refs/mirrors/confluence-synced-at^{commit}").strip()).isEqualTo(main);
    }

    @Test
    void aMirrorThatCannotBeReadIsAnExternalErrorWithItsCode() {
        assertThat(reposix("mirror", "sync", "confluence::DEMO", "--mirror", temporary.resolve("nowhere.git").toString()))
                .isEqualTo(ExitCodes.EXTERNAL);
        assertThat(cli.stderr()).contains("RPX-5001").contains("git ls-remote");
    }

    @Test
    void aPushTheMirrorRefusesIsAnExternalErrorAndNotALostLease() throws Exception {
        Path hook = mirror.resolve("hooks/pre-receive");
        Files.writeString(hook, "#!/bin/sh\necho 'protected branch' >&2\nexit 1\n");
        hook.toFile().setExecutable(true);

        assertThat(mirrorSync()).isEqualTo(ExitCodes.EXTERNAL);

        assertThat(cli.stderr()).contains("RPX-5002").contains("protected branch");
        assertThat(git(mirror, "for-each-ref")).isEmpty();
    }

    @Test
    void aShallowCloneIsRefusedWithTheFix() throws Exception {
        assertThat(mirrorSync()).as(cli.stderr()).isZero();
        commitToMirror("someone", "README.md", "# Mirror\n");
        Path shallow = temporary.resolve("shallow");
        git(temporary, "clone", "--quiet", "--depth", "1", "file://" + mirror, shallow.toString());

        assertThat(reposix("mirror", "sync", "confluence::DEMO", "-C", shallow.toString())).isEqualTo(ExitCodes.USER);

        assertThat(cli.stderr()).contains("RPX-5003").contains("fetch-depth: 0");
    }

    @Test
    void underGithubActionsTheOutcomeGoesToGithubOutputAndJsonIsPrintedOnRequest() throws Exception {
        Path output = temporary.resolve("github-output");
        environment.put("GITHUB_ACTIONS", "true");
        environment.put("GITHUB_OUTPUT", output.toString());

        assertThat(reposix("mirror", "sync", "confluence::DEMO", "--mirror", mirror.toString(), "--format", "json"))
                .as(cli.stderr()).isZero();

        assertThat(cli.stdout()).contains("\"outcome\" : \"synced\"").contains("\"changedPages\" : 31");
        assertThat(Files.readString(output)).isEqualTo("outcome=synced\nchanged-pages=31\n");
    }

    @Test
    void editsPushedStraightIntoTheRecordsFolderAreReportedAndTheSourceOfTruthWins() throws Exception {
        assertThat(mirrorSync()).as(cli.stderr()).isZero();
        String synced = git(mirror, "show", "main:pages/Getting Started.md");
        Path clone = temporary.resolve("direct");
        git(temporary, "clone", "--quiet", mirror.toString(), clone.toString());
        Files.writeString(clone.resolve("pages/Getting Started.md"), "vandalised\n");
        Files.writeString(clone.resolve("pages/Stray.md"), "not from Confluence\n");
        Files.writeString(clone.resolve("README.md"), "# Kept\n");
        git(clone, "add", "-A");
        git(clone, "commit", "--quiet", "-m", "Direct edit");
        git(clone, "push", "--quiet", "origin", "HEAD:refs/heads/main");
        String pushed = mirrorMain();

        assertThat(mirrorSync()).as(cli.stderr()).isZero();

        assertThat(cli.stderr()).contains("warning: RPX-5005: 2 file(s)")
                .contains("pages/Getting Started.md, pages/Stray.md");
        git(mirror, "merge-base", "--is-ancestor", pushed, mirrorMain());
        assertThat(git(mirror, "show", "main:pages/Getting Started.md")).isEqualTo(synced);
        assertThat(git(mirror, "ls-tree", "-r", "--name-only", "main")).doesNotContain("pages/Stray.md")
                .contains("README.md");
        assertThat(git(mirror, "show", "main:README.md")).isEqualTo("# Kept\n");

        editInConfluence("Getting Started", "<p>After the restore.</p>");
        assertThat(mirrorSync()).as(cli.stderr()).isZero();
        assertThat(cli.stderr()).doesNotContain("RPX-5005");
        assertThat(git(mirror, "show", "main:pages/Getting Started.md")).contains("After the restore.");
    }

    @Test
    void twoMachinesSyncingTheMirrorAtOnceOneLeaseWinsTheOtherIsBenignAndTheNextRunConverges() throws Exception {
        assertThat(mirrorSync()).as(cli.stderr()).isZero();
        editInConfluence("Getting Started", "<p>Edited while two machines sync.</p>");
        RequestLatch latch = new RequestLatch();
        site.simulator().faults().add(FaultRule.on("GET", "/wiki/api/v2/spaces/{id}/pages", Fault.hold(latch)).times(1));
        Map<String, String> firstMachine = Map.copyOf(environment);
        CliRunner first = new CliRunner();
        CompletableFuture<Integer> held = CompletableFuture.supplyAsync(() -> first.run(firstMachine,
                getClass().getClassLoader(), "mirror", "sync", "confluence::DEMO", "--mirror", mirror.toString()));
        assertThat(latch.awaitArrival(Duration.ofSeconds(30))).as("the first machine reached the listing").isTrue();
        Map<String, String> secondMachine = new HashMap<>(environment);
        secondMachine.put("REPOSIX_CACHE_DIR", temporary.resolve("second-machine-cache").toString());
        CliRunner second = new CliRunner();

        assertThat(second.run(secondMachine, getClass().getClassLoader(), "mirror", "sync", "confluence::DEMO",
                "--mirror", mirror.toString())).as(second.stderr()).isZero();
        String won = mirrorMain();
        latch.release();

        assertThat(held.get(120, TimeUnit.SECONDS)).as(first.stderr()).isZero();
        assertThat(second.stderr()).doesNotContain("warning");
        assertThat(first.stderr()).as("benign: at most the lease-lost warning").doesNotContain("error")
                .satisfiesAnyOf(text -> assertThat(text).doesNotContain("warning"),
                        text -> assertThat(text).contains("warning: " + MirrorCommand.LEASE_LOST));
        git(mirror, "merge-base", "--is-ancestor", won, mirrorMain());
        git(mirror, "fsck", "--strict");

        assertThat(mirrorSync()).as(cli.stderr()).isZero();
        assertThat(cli.stderr()).doesNotContain("warning");
        assertThat(git(mirror, "rev-parse", "main^{tree}")).isEqualTo(git(mirror, "rev-parse", won + "^{tree}"));
        assertThat(git(mirror, "show", "main:pages/Getting Started.md")).contains("Edited while two machines sync.");
        git(mirror, "fsck", "--strict");
        git(site.cache("DEMO"), "fsck", "--strict");
    }

    @Test
    void mirrorRefsMovedByAnotherRunMeanwhileAreNotReplacedAndThatIsAWarning() throws Exception {
        assertThat(mirrorSync()).as(cli.stderr()).isZero();
        editInConfluence("Getting Started", "<p>Edited during a concurrent run.</p>");
        HeldRun held = mirrorSyncHeldAtTheListing();
        String other = git(mirror, "rev-parse", "refs/reposix/state").strip();
        git(mirror, "update-ref", "refs/mirrors/confluence-head", other);
        held.latch().release();

        assertThat(held.exit().get(120, TimeUnit.SECONDS)).as(held.cli().stderr()).isZero();
        assertThat(held.cli().stdout()).contains("Mirror synced: 1 pages changed");
        assertThat(held.cli().stderr()).contains("warning: pushing refs/mirrors/* and the sync state to the mirror failed");
        assertThat(git(mirror, "rev-parse", "refs/mirrors/confluence-head").strip()).isEqualTo(other);
    }

    @Test
    void aMirrorHostOffTheAllowListIsDeniedBeforeGitContactsIt() throws Exception {
        Path clone = commitToMirror("checkout", "README.md", "# Mirror\n");
        git(clone, "remote", "set-url", "--push", "origin", "https://token:s3cr3t@git.example.com/acme/eng.git");

        assertThat(reposix("mirror", "sync", "confluence::DEMO", "-C", clone.toString())).isEqualTo(ExitCodes.EXTERNAL);

        assertThat(cli.stderr()).contains("RPX-1001").contains("https://git.example.com").doesNotContain("s3cr3t");

        assertThat(reposix("mirror", "sync", "confluence::DEMO", "--mirror", "git@git.example.com:acme/eng.git"))
                .isEqualTo(ExitCodes.EXTERNAL);
        assertThat(cli.stderr()).contains("RPX-1001").contains("git.example.com (ssh)");

        try (RecordingSocketServer excluded = new RecordingSocketServer(RecordingSocketServer.EMPTY_OK)) {
            assertThat(reposix("mirror", "sync", "confluence::DEMO", "--mirror", excluded.origin() + "/m.git"))
                    .isEqualTo(ExitCodes.EXTERNAL);
            assertThat(cli.stderr()).contains("RPX-1001").contains(excluded.origin());
            assertThat(excluded.connections()).as("connections to the excluded mirror").isZero();
            assertThat(excluded.bytesReceived()).isZero();
        }
    }

    @Test
    void credentialsInTheMirrorUrlNeverReachTheOutput() {
        String url = site.baseUrl().replaceFirst("://", "://someone:s3cr3t@") + "/nowhere.git";

        assertThat(reposix("mirror", "sync", "confluence::DEMO", "--mirror", url)).isEqualTo(ExitCodes.EXTERNAL);

        assertThat(cli.stderr()).contains("RPX-5001").doesNotContain("s3cr3t");
        assertThat(cli.stdout()).doesNotContain("s3cr3t");
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (java.util.stream.Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
