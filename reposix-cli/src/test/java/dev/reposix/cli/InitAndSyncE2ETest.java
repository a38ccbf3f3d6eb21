package dev.reposix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reposix.api.ManifestEntry;
import dev.reposix.api.Record;
import dev.reposix.api.RecordUpdate;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.backend.confluence.ConfluenceProvider;
import dev.reposix.core.RemoteSpec;
import dev.reposix.core.Reposix;
import dev.reposix.simulator.Fault;
import dev.reposix.simulator.FaultRule;
import dev.reposix.simulator.seed.Seed;
import dev.reposix.simulator.seed.Seeds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reposix init} and {@code reposix sync} against the simulator, checked with the real git binary. */
class InitAndSyncE2ETest {

    @TempDir
    Path temporary;

    private final CliRunner cli = new CliRunner();
    private SimulatedSite site;
    private Map<String, String> environment;
    private Path tree;
    private Path cache;

    @BeforeEach
    void start() {
        startWith(Seeds.demo());
    }

    private void startWith(Seed seed) {
        site = SimulatedSite.start(temporary, seed);
        environment = site.environment();
        tree = temporary.resolve("tree");
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private int reposix(String... args) {
        return cli.run(environment, getClass().getClassLoader(), args);
    }

    private String git(Path directory, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", directory.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("git " + String.join(" ", args) + ":\n" + output).isZero();
        return output;
    }

    /** Runs init with this test's runner, so that the test can read what it printed. */
    private void init(String space) {
        assertThat(reposix("init", "confluence::" + space, tree.toString())).as(cli.stderr()).isZero();
        cache = site.cache(space);
    }

    /** Edits through REST, as someone in a browser would. */
    private void editInConfluence(String space, String title, java.util.function.UnaryOperator<Record> change) {
        ConfluenceEdits.edit(environment, space, title, change);
    }

    private static Record withBody(Record record, String body) {
        return new Record(record.entry(), record.labels(), body);
    }

    private static Record withTitle(Record record, String title) {
        ManifestEntry entry = record.entry();
        return new Record(new ManifestEntry(entry.id(), entry.kind(), title, entry.parentId(), entry.version(),
                entry.status(), entry.lastModified(), entry.lastModifiedBy()), record.labels(), record.body());
    }

    @Test
    void initWritesEveryPageAsACleanCommittedTreeAndACacheGitAccepts() throws Exception {
        init("DEMO");

        assertThat(git(tree, "status", "--porcelain")).isEmpty();
        assertThat(git(tree, "log", "--format=%s")).isEqualTo("Import confluence::DEMO (31 pages)\n");
        assertThat(git(tree, "ls-files")).contains("pages/README.md").contains("pages/Getting Started.md")
                .contains(".reposix/config").contains(".gitattributes");
        assertThat(git(tree, "remote", "get-url", "origin"))
                .isEqualTo("reposix::" + site.baseUrl() + "/confluence/projects/DEMO\n");
        assertThat(git(cache, "for-each-ref", "--format=%(refname)")).contains("refs/heads/main")
                .contains("refs/reposix/sync/").contains("refs/mirrors/confluence-head")
                .contains("refs/mirrors/confluence-synced-at");
        assertThat(git(cache, "cat-file", "-p", "refs/mirrors/confluence-synced-at"))
                .containsPattern("\nmirror synced at \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\n");
        git(cache, "fsck", "--strict");
        assertThat(cli.stdout()).contains("Initialised").contains("31 pages and 4 attachment files written");
    }

    @Test
    void initRefusesADirectoryThatHasFiles() throws Exception {
        Files.createDirectories(tree);
        Files.writeString(tree.resolve("keep.txt"), "mine");

        assertThat(reposix("init", "confluence::DEMO", tree.toString())).isEqualTo(ExitCodes.USER);
        assertThat(cli.stderr()).contains("RPX-0106").contains("is not empty");
        assertThat(Files.readString(tree.resolve("keep.txt"))).isEqualTo("mine");
    }

    @Test
    void syncTurnsEachConfluenceEditIntoACommitByItsEditorAndMovesRenamedFiles() throws Exception {
        init("DEMO");
        editInConfluence("DEMO", "Glossary", record -> withBody(record, record.body() + "\nA new term.\n"));
        editInConfluence("DEMO", "FAQ", record -> withTitle(withBody(record, record.body() + "\nMore answers.\n"),
                "Frequently Asked Questions"));

        assertThat(reposix("sync", tree.toString())).as(cli.stderr()).isZero();

        assertThat(cli.stdout()).contains("2 updated").contains("fast-forwarded");
        String log = git(tree, "log", "--format=%an|%s", "-3");
        assertThat(log.lines().toList()).containsExactly(
                "reposix API user|Update \"Frequently Asked Questions\"", "reposix API user|Update \"Glossary\"",
                "reposix|Import confluence::DEMO (31 pages)");
        assertThat(git(tree, "show", "--name-status", "-M", "--format=", "HEAD"))
                .contains("pages/FAQ.md").contains("pages/Frequently Asked Questions.md").startsWith("R");
        assertThat(reposix("history", tree.toString())).as(cli.stderr()).isZero();
        assertThat(cli.stdout().lines().toList()).hasSize(2)
                .first().asString().contains("Update \"Frequently Asked Questions\"");
        assertThat(Files.readString(tree.resolve("pages/Glossary.md"))).contains("A new term.");
        git(cache, "fsck", "--strict");
    }

    @Test
    void aSyncLeavesATreeWithUncommittedChangesAsItIsAndSaysWhatToDo() throws Exception {
        init("DEMO");
        String head = git(tree, "rev-parse", "HEAD");
        Files.writeString(tree.resolve("pages/Glossary.md"), "my local draft\n");
        editInConfluence("DEMO", "FAQ", record -> withBody(record, record.body() + "\nMore answers.\n"));

        assertThat(reposix("sync", tree.toString())).as(cli.stderr()).isZero();

        assertThat(cli.stdout()).contains("1 updated").contains("uncommitted changes").contains("not updated")
                .contains("git pull --rebase");
        assertThat(git(tree, "rev-parse", "HEAD")).isEqualTo(head);
        assertThat(Files.readString(tree.resolve("pages/Glossary.md"))).isEqualTo("my local draft\n");
        assertThat(git(tree, "log", "--format=%s", "-1", "origin/main")).contains("Update \"FAQ\"");
    }

    @Test
    void noOpSyncMakesNoCommitAndFetchesNoBody() throws Exception {
        init("DEMO");
        String head = git(tree, "rev-parse", "HEAD");
        site.simulator().counters().reset();

        assertThat(reposix("sync", tree.toString())).as(cli.stderr()).isZero();

        assertThat(cli.stdout()).contains("Already up to date");
        assertThat(git(tree, "rev-parse", "HEAD")).isEqualTo(head);
        assertThat(site.simulator().counters().count("GET /wiki/api/v2/pages")).isZero();
        assertThat(git(cache, "for-each-ref", "refs/reposix/sync/").lines().count()).isEqualTo(1);
    }

    @Test
    void aLabelAddedInConfluenceReachesTheFrontmatterThoughNoVersionChanged() throws Exception {
        init("DEMO");
        try (Reposix browser = Reposix.builder().provider(new ConfluenceProvider()).environment(environment).build();
             SourceOfTruth source = browser.open(new RemoteSpec("confluence", "DEMO"))) {
            ManifestEntry glossary = source.manifest().stream().filter(entry -> entry.title().equals("Glossary"))
                    .findFirst().orElseThrow();
            Record current = source.readRecord(glossary.id()).orElseThrow();
            source.update(new RecordUpdate(current.id(), current.entry().version(), current.entry().title(),
                    current.entry().parentId(), current.body(), Set.of("reviewed"), Set.of()));
            assertThat(source.readRecord(glossary.id()).orElseThrow().entry().version())
                    .isEqualTo(current.entry().version());
        }

        assertThat(reposix("sync", tree.toString())).as(cli.stderr()).isZero();

        assertThat(Files.readString(tree.resolve("pages/Glossary.md"))).contains("  - \"reviewed\"");
        assertThat(git(tree, "log", "-1", "--format=%s")).contains("re-labelled");
        assertThat(reposix("sync", tree.toString())).isZero();
        assertThat(cli.stdout()).contains("Already up to date");
    }

    @Test
    void deletedPageLosesItsFile() throws Exception {
        init("DEMO");
        try (Reposix browser = Reposix.builder().provider(new ConfluenceProvider()).environment(environment).build();
             SourceOfTruth source = browser.open(new RemoteSpec("confluence", "DEMO"))) {
            ManifestEntry glossary = source.manifest().stream().filter(entry -> entry.title().equals("Glossary"))
                    .findFirst().orElseThrow();
            source.delete(glossary.id());
        }

        assertThat(reposix("sync", tree.toString())).as(cli.stderr()).isZero();

        assertThat(tree.resolve("pages/Glossary.md")).doesNotExist();
        assertThat(git(tree, "log", "-1", "--format=%s")).contains("1 deleted");
    }

    @Test
    void renamingALinkedPageRewritesTheLinksWithoutFetchingTheLinkingPages() throws Exception {
        init("DEMO");
        assertThat(Files.readString(tree.resolve("pages/How-To Guides/Link Pages.md"))).contains("(Format%20Tables.md)");
        List<String> linking = git(tree, "grep", "-l", "Format%20Tables.md").lines().toList();
        editInConfluence("DEMO", "Format Tables", record -> withTitle(record, "Table Formatting"));
        site.simulator().counters().reset();

        assertThat(reposix("sync", tree.toString())).as(cli.stderr()).isZero();

        assertThat(git(tree, "show", "--name-only", "--format=", "HEAD").lines().toList())
                .as("the re-link commit touches exactly the pages that link to the renamed one")
                .containsExactlyInAnyOrderElementsOf(linking);

        assertThat(Files.readString(tree.resolve("pages/How-To Guides/Link Pages.md")))
                .contains("(Table%20Formatting.md)").doesNotContain("Format%20Tables.md");
        assertThat(site.simulator().counters().count("GET /wiki/api/v2/pages")).as("one bulk read, for the renamed page")
                .isEqualTo(1);
        git(cache, "fsck", "--strict");
    }

    @Test
    void aSyncThatFailsMidwayLeavesTheCacheAsItWasAndTheNextOneSucceeds() throws Exception {
        site.close();
        startWith(Seeds.generated("BIG", 600, 400, 3L));
        site.simulator().faults().add(FaultRule.on("GET", "/wiki/api/v2/pages", Fault.resetMidBody()).afterSkipping(2)
                .always());

        assertThat(reposix("init", "confluence::BIG", tree.toString())).isEqualTo(ExitCodes.EXTERNAL);
        assertThat(site.simulator().faults().firedCount()).isPositive();
        Path bigCache = site.cache("BIG");
        assertThat(git(bigCache, "for-each-ref")).isEmpty();
        git(bigCache, "fsck", "--strict", "--no-dangling");

        site.simulator().faults().clear();
        assertThat(reposix("init", "confluence::BIG", temporary.resolve("tree2").toString())).as(cli.stderr()).isZero();
        assertThat(git(temporary.resolve("tree2"), "ls-files", "pages").lines().count()).isEqualTo(600);
    }
}
