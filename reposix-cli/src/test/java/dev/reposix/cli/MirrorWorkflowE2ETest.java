package dev.reposix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reposix.simulator.ConfluenceSimulator;
import dev.reposix.simulator.seed.Seed;
import dev.reposix.simulator.seed.Seeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mirror workflow template proves itself: the steps of {@code dvcs-mirror-setup-template.yml},
 * taken from the YAML and run with bash as a GitHub runner would ({@link ActionsRunner}), on a fresh
 * machine per run, against the simulator as Confluence and a mirror repository served over loopback
 * HTTP with Basic authentication as GitHub ({@link GitHttpServer}), checked out as
 * {@code actions/checkout} does. Two things differ from GitHub, and only these: the install step is
 * replaced by the distribution built in this module, and the Confluence site is the simulator rather
 * than {@code https://<tenant>.atlassian.net} (the edit the setup guide describes for other sites).
 * The mirror moving between read and push (the lease) is covered by {@link MirrorSyncE2ETest}.
 */
class MirrorWorkflowE2ETest {

    private static final String TOKEN = "ghs_mirrorToken7381";
    private static final String SYNC_ACCOUNT = "bot@acme.example";
    private static final String EDITOR = "carol@example.com";
    private static final String API_KEY = "atlassian-key-5150";
    private static final String REPOSITORY = "acme/eng-mirror";
    private static final String WORKFLOW_FILE = ".github/workflows/reposix-mirror-sync.yml";
    private static final String SYNC = "Sync the mirror";

    @TempDir
    Path temporary;

    private ConfluenceSimulator simulator;
    private GitHttpServer github;
    private GitProcesses git;
    private Path mirror;
    private ActionsRunner runner;
    private String template;
    private int runs;

    @BeforeEach
    void start() throws Exception {
        simulator = startSimulator(0, SYNC_ACCOUNT, Seeds.demo());
        github = GitHttpServer.start(Files.createDirectories(temporary.resolve("github")), TOKEN);
        git = new GitProcesses(Map.of("HOME", Files.createDirectories(temporary.resolve("home")).toString(),
                "GIT_CONFIG_NOSYSTEM", "1", "GIT_AUTHOR_NAME", "Owner", "GIT_AUTHOR_EMAIL", "owner@acme.example",
                "GIT_COMMITTER_NAME", "Owner", "GIT_COMMITTER_EMAIL", "owner@acme.example"));
        mirror = temporary.resolve("github").resolve(REPOSITORY + ".git");
        git.gitOk(temporary, "init", "--quiet", "--bare", "--initial-branch=main", mirror.toString());
        template = Files.readString(Workflow.MIRROR_TEMPLATE);
        commitToMirror("owner", WORKFLOW_FILE, template);
        runner = new ActionsRunner(Workflow.read(Workflow.MIRROR_TEMPLATE), "sync", new ActionsRunner.Context(
                github.url(), REPOSITORY, TOKEN, Map.of("ATLASSIAN_EMAIL", SYNC_ACCOUNT, "ATLASSIAN_API_KEY", API_KEY),
                Map.of("REPOSIX_CONFLUENCE_TENANT", "acme", "CONFLUENCE_SPACE", "DEMO")))
                .substitute("Install reposix", GitProcesses.DISTRIBUTION.resolve("bin"))
                .override("REPOSIX_CONFLUENCE_TENANT", tenant -> "")
                .override("REPOSIX_CONFLUENCE_BASE_URL", none -> simulator.baseUrl())
                .override("REPOSIX_ALLOWED_ORIGINS", origins -> {
                    assertThat(origins).isEqualTo("https://acme.atlassian.net,https://api.media.atlassian.com,"
                            + github.url());
                    return origins.replace("https://acme.atlassian.net", simulator.baseUrl());
                });
    }

    @AfterEach
    void stop() {
        github.close();
        simulator.close();
    }

    private static ConfluenceSimulator startSimulator(int port, String account, Seed content) {
        return ConfluenceSimulator.builder().port(port).credentials(account, API_KEY).seed(content).start();
    }

    /** One run of the workflow on a fresh runner; it must succeed and print no secret. */
    private ActionsRunner.JobRun runWorkflow() throws Exception {
        ActionsRunner.JobRun run = runner.run(temporary.resolve("runner-" + ++runs));
        assertThat(run.succeeded()).as(run.toString()).isTrue();
        assertThat(run.toString()).doesNotContain(TOKEN).doesNotContain(API_KEY);
        return run;
    }

    /** The URL of the mirror with credentials, as a person clones it with a token. */
    private String mirrorUrl() {
        return github.url().replace("://", "://someone:" + TOKEN + "@") + "/" + REPOSITORY;
    }

    /** Somebody commits a file to the mirror through an ordinary clone over HTTP, and pushes. */
    private void commitToMirror(String name, String path, String content) throws Exception {
        Path clone = temporary.resolve(name + "-" + System.nanoTime());
        git.gitOk(temporary, "clone", "--quiet", mirrorUrl(), clone.toString());
        Files.createDirectories(clone.resolve(path).getParent());
        Files.writeString(clone.resolve(path), content);
        git.gitOk(clone, "add", path);
        git.gitOk(clone, "commit", "--quiet", "-m", "Add " + path);
        git.gitOk(clone, "push", "--quiet", "origin", "HEAD:refs/heads/main");
    }

    /** Carol edits a page in the browser: the simulator serves the same content on the same port as her. */
    private void editAsCarol(String title, String body) {
        int port = simulator.port();
        Seed content = simulator.snapshot();
        simulator.close();
        try (ConfluenceSimulator asCarol = startSimulator(port, EDITOR, content)) {
            Map<String, String> browser = new HashMap<>(Map.of("ATLASSIAN_EMAIL", EDITOR, "ATLASSIAN_API_KEY", API_KEY,
                    "REPOSIX_CONFLUENCE_BASE_URL", asCarol.baseUrl(), "REPOSIX_ALLOWED_ORIGINS", asCarol.baseUrl()));
            ConfluenceEdits.replaceBody(browser, "DEMO", title, body);
            content = asCarol.snapshot();
        }
        simulator = startSimulator(port, SYNC_ACCOUNT, content);
    }

    private String onMirror(String... args) throws Exception {
        return git.gitOk(mirror, args).strip();
    }

    /** The two annotation refs on the mirror: the synced commit, and the tag object saying when. */
    private record MirrorRefs(String head, String syncedAt, Instant when) {
    }

    private MirrorRefs mirrorRefs() throws Exception {
        String message = onMirror("cat-file", "-p", "refs/mirrors/confluence-synced-at");
        String when = message.substring(message.indexOf("mirror synced at ") + "mirror synced at ".length()).strip();
        assertThat(onMirror("rev-parse", "refs/mirrors/confluence-synced-at^{commit}"))
                .isEqualTo(onMirror("rev-parse", "refs/mirrors/confluence-head"));
        return new MirrorRefs(onMirror("rev-parse", "refs/mirrors/confluence-head"),
                onMirror("rev-parse", "refs/mirrors/confluence-synced-at"), Instant.parse(when));
    }

    @Test
    void theTemplateKeepsTheMirrorInSyncRunAfterRunAndOnlyEverFastForwardsIt() throws Exception {
        String owners = onMirror("rev-parse", "main");
        int refused = github.refused();

        ActionsRunner.JobRun first = runWorkflow();

        ActionsRunner.StepRun sync = first.step(SYNC);
        assertThat(sync.stdout()).contains("Mirror synced: 31 pages changed");
        assertThat(sync.outputs()).containsEntry("outcome", "synced").containsEntry("changed-pages", "31");
        assertThat(git.gitOk(first.workspace(), "remote", "get-url", "origin")).doesNotContain(TOKEN);
        assertThat(github.refused()).as("every request of the runner carried the token").isEqualTo(refused);
        onMirror("merge-base", "--is-ancestor", owners, "main");
        assertThat(onMirror("ls-tree", "-r", "--name-only", "main")).contains("pages/README.md", ".reposix/config");
        assertThat(onMirror("show", "main:" + WORKFLOW_FILE) + "\n").isEqualTo(template);
        Path reader = temporary.resolve("reader");
        git.gitOk(temporary, "clone", "--quiet", mirrorUrl(), reader.toString());
        assertThat(github.refused()).as("the server asked the reader for credentials").isGreaterThan(refused);
        git.gitOk(reader, "fetch", "--quiet", "origin", "refs/mirrors/*:refs/mirrors/*");
        assertThat(git.gitOk(reader, "for-each-ref", "--format=%(refname) %(objecttype)", "refs/mirrors/"))
                .isEqualTo("refs/mirrors/confluence-head commit\nrefs/mirrors/confluence-synced-at tag\n");
        MirrorRefs afterFirst = mirrorRefs();
        assertThat(afterFirst.head()).isEqualTo(onMirror("rev-parse", "main"));

        editAsCarol("Getting Started", "<p>Edited by Carol in the browser.</p>");
        String before = onMirror("rev-parse", "main");
        ActionsRunner.JobRun second = runWorkflow();

        assertThat(second.step(SYNC).stdout()).contains("Mirror synced: 1 pages changed");
        String after = onMirror("rev-parse", "main");
        onMirror("merge-base", "--is-ancestor", before, after);
        assertThat(onMirror("log", "--format=%an|%s", before + ".." + after))
                .isEqualTo("Carol Coder|Update \"Getting Started\"");
        assertThat(onMirror("show", "main:pages/Getting Started.md")).contains("Edited by Carol in the browser.");
        assertThat(onMirror("show", "main:" + WORKFLOW_FILE) + "\n").isEqualTo(template);
        MirrorRefs afterSecond = mirrorRefs();
        assertThat(afterSecond.head()).isEqualTo(after).isNotEqualTo(afterFirst.head());
        assertThat(afterSecond.syncedAt()).isNotEqualTo(afterFirst.syncedAt());
        git.gitOk(reader, "pull", "--quiet", "--ff-only");
        assertThat(git.gitOk(reader, "rev-parse", "HEAD").strip()).isEqualTo(after);

        while (!Instant.now().isAfter(afterSecond.when().plusSeconds(1))) {
            Thread.sleep(50); // synced-at has whole seconds: the third run must stamp a later one
        }
        ActionsRunner.JobRun third = runWorkflow();

        assertThat(third.step(SYNC).stdout()).contains("Mirror up to date: nothing to sync.");
        assertThat(third.step(SYNC).outputs()).containsEntry("outcome", "nothing-to-do")
                .containsEntry("changed-pages", "0");
        assertThat(onMirror("rev-parse", "main")).isEqualTo(after);
        assertThat(onMirror("show", "main:" + WORKFLOW_FILE) + "\n").isEqualTo(template);
        MirrorRefs afterThird = mirrorRefs();
        assertThat(afterThird.head()).as("the commit synced to is still main").isEqualTo(after);
        assertThat(afterThird.syncedAt()).isNotEqualTo(afterSecond.syncedAt());
        assertThat(afterThird.when()).isAfter(afterSecond.when());
        onMirror("fsck", "--strict");
    }

    @Test
    void aCommitPushedStraightIntoTheRecordsFolderIsReportedAndUndoneWhileOtherFilesAreKept() throws Exception {
        runWorkflow();
        String synced = onMirror("show", "main:pages/Getting Started.md");
        commitToMirror("contributor", "pages/Getting Started.md", "Edited on the mirror.\n");
        commitToMirror("contributor", "README.md", "# Engineering docs, mirrored\n");
        String pushed = onMirror("rev-parse", "main");

        ActionsRunner.StepRun sync = runWorkflow().step(SYNC);

        String warning = "RPX-5005: 1 file(s) in the records folder were changed on the mirror without reposix and were"
                + " put back as the source of truth has them: pages/Getting Started.md";
        assertThat(sync.stderr()).contains("warning: " + warning);
        assertThat(sync.stdout()).contains("::warning::" + warning);
        onMirror("merge-base", "--is-ancestor", pushed, "main");
        assertThat(onMirror("show", "main:pages/Getting Started.md")).isEqualTo(synced);
        assertThat(onMirror("show", "main:README.md")).isEqualTo("# Engineering docs, mirrored");
        assertThat(onMirror("show", "main:" + WORKFLOW_FILE) + "\n").isEqualTo(template);
    }
}
