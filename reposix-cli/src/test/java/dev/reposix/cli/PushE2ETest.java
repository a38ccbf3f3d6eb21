package dev.reposix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reposix.api.RecordStatus;
import dev.reposix.cli.GitProcesses.Result;
import dev.reposix.core.render.RecordFile;
import dev.reposix.core.render.RecordFileCodec;
import dev.reposix.simulator.Fault;
import dev.reposix.simulator.FaultRule;
import dev.reposix.simulator.seed.SeedPage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code git push} through {@code git-remote-reposix} from the built distribution, driven by the real
 * git binary against the simulator with Cloud-like storage normalisation: edits, labels, creates,
 * deletes and the bulk-delete cap, conflicts in git's own words and their recovery, and the audit log.
 */
class PushE2ETest {

    private static final RecordFileCodec CODEC = RecordFileCodec.tree();

    @TempDir
    Path temporary;

    private final CliRunner cli = new CliRunner();
    private SimulatedSite site;
    private Map<String, String> environment;
    private GitProcesses git;
    private Path tree;

    @BeforeEach
    void start() {
        site = SimulatedSite.start(temporary);
        site.simulator().normalizeStorage(true);
        environment = site.writerEnvironment();
        git = new GitProcesses(environment);
        tree = temporary.resolve("tree");
        site.init(withSite(), "DEMO", tree);
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private void edit(String path, UnaryOperator<RecordFile> change) throws IOException {
        Path file = tree.resolve(path);
        RecordFile edited = change.apply(CODEC.parse(path, Files.readAllBytes(file)));
        Files.write(file, CODEC.renderBytes(edited));
    }

    private static UnaryOperator<RecordFile> appending(String text) {
        return file -> file.withBody(file.body() + "\n" + text + "\n");
    }

    private Optional<SeedPage> currentPage(String title) {
        return site.simulator().snapshot().spaces().get(0).pages().stream()
                .filter(page -> page.title().equals(title) && page.status().equals("current")).findFirst();
    }

    /** The git environment with the site named, as a command run outside git needs it. */
    private Map<String, String> withSite() {
        return site.gitEnvironment();
    }

    /** Another editor adds a label to a page in Confluence (no new version). */
    private void labelInConfluence(String title, String label) {
        ConfluenceEdits.addLabel(withSite(), "DEMO", title, label);
    }

    /** The version message Confluence shows for a page's current version, read over REST. */
    private String versionMessageOf(String pageId) throws Exception {
        java.net.http.HttpRequest request = HttpRequest.newBuilder(
                URI.create(site.baseUrl() + "/wiki/api/v2/pages/" + pageId))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (SimulatedSite.EMAIL + ":" + SimulatedSite.TOKEN).getBytes(StandardCharsets.UTF_8))).build();
        String json = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString()).body();
        return new ObjectMapper().readTree(json).path("version").path("message").asText();
    }

    /** Another editor changes a page in Confluence, through the REST API. */
    private void editInConfluence(String title, UnaryOperator<String> body) {
        ConfluenceEdits.editBody(withSite(), "DEMO", title, body);
    }

    @Test
    void aBodyAndLabelEditLandsAndASecondPushWithoutPullSucceeds() throws Exception {
        int version = site.page("Glossary").versionNumber();
        edit("pages/Glossary.md", file -> {
            List<String> labels = new ArrayList<>(file.labels());
            labels.add("reviewed");
            return new RecordFile(file.id(), file.title(), file.status(), labels, file.parent(),
                    file.body() + "\nPushed from git.\n");
        });
        git.commitAll(tree, "Add a line to the glossary");
        assertThat(cli.run(withSite(), getClass().getClassLoader(), "push", "--dry-run", tree.toString()))
                .as(cli.stderr()).isZero();
        assertThat(cli.stdout()).contains("update  pages/Glossary.md  +label reviewed");
        assertThat(site.page("Glossary").versionNumber()).isEqualTo(version);

        Result pushed = git.push(tree);

        assertThat(pushed.exitCode()).as(pushed.stderr()).isZero();
        assertThat(pushed.stderr()).contains("reposix: 0 page(s) created, 1 updated, 0 deleted");
        SeedPage glossary = site.page("Glossary");
        assertThat(glossary.body()).contains("Pushed from git.");
        assertThat(glossary.labels()).contains("reviewed");
        assertThat(glossary.versionNumber()).isEqualTo(version + 1);
        assertThat(versionMessageOf(glossary.id())).isEqualTo("Add a line to the glossary");

        Path auditLog = temporary.resolve("cache/confluence-DEMO.git/audit.jsonl");
        Files.writeString(auditLog, "{\"time\":\"2026-11-24T06:16:00Z\",\"operation\":\"upd", StandardOpenOption.APPEND);
        byte[] crashed = Files.readAllBytes(auditLog);
        edit("pages/Glossary.md", appending("A second edit, no pull in between."));
        git.commitAll(tree, "Second edit");
        Result again = git.push(tree);
        assertThat(again.exitCode()).as(again.stderr()).isZero();
        byte[] appendedTo = Files.readAllBytes(auditLog);
        assertThat(appendedTo).as("the audit log is only appended to, a crash's partial line kept").startsWith(crashed);
        String appended = new String(appendedTo, crashed.length, appendedTo.length - crashed.length, StandardCharsets.UTF_8);
        assertThat(appended).as("the partial line is ended, not continued").startsWith("\n{").endsWith("}\n");
        ObjectMapper json = new ObjectMapper();
        List<String> operations = new ArrayList<>();
        for (String line : appended.strip().split("\n")) {
            operations.add(json.readTree(line).path("operation").asText());
        }
        assertThat(operations).containsExactly("update", "push");

        assertThat(site.page("Glossary").body()).contains("A second edit, no pull in between.");
        assertThat(site.page("Glossary").versionNumber()).isEqualTo(version + 2);
        assertThat(git.gitOk(tree, "status", "--porcelain")).isEmpty();
        List<String> audit = Files.readAllLines(temporary.resolve("cache/confluence-DEMO.git/audit.jsonl"));
        assertThat(audit).filteredOn(line -> line.contains("\"operation\":\"update\"")).hasSize(2)
                .allMatch(line -> line.contains("Jane Writer <jane@example.com>"));
        assertThat(audit).filteredOn(line -> line.contains("\"operation\":\"push\"")).hasSize(2)
                .allMatch(line -> line.contains("\"outcome\":\"accepted\""));
        assertThat(String.join("\n", audit)).doesNotContain("tok-5150-secret");
    }

    @Test
    void aNewFileInAPagesFolderBecomesAChildPageAndItsIdArrivesWithTheNextPull() throws Exception {
        Path folder = tree.resolve("pages/Getting Started");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("First Steps.md"), "# First steps\n\nWritten in git.\n", StandardCharsets.UTF_8);
        git.commitAll(tree, "Add first steps");

        Result pushed = git.push(tree);

        assertThat(pushed.exitCode()).as(pushed.stderr()).isZero();
        assertThat(pushed.stderr()).contains("created pages/Getting Started/First Steps.md").contains("git pull");
        SeedPage created = currentPage("First Steps").orElseThrow();
        assertThat(created.parentId()).isEqualTo(site.page("Getting Started").id());
        git.gitOk(tree, "pull", "--ff-only", "origin", "main");
        RecordFile pulled = CODEC.parse("First Steps.md", Files.readAllBytes(folder.resolve("First Steps.md")));
        assertThat(pulled.id()).hasValueSatisfying(id -> assertThat(id.value()).isEqualTo(created.id()));

        edit("pages/Getting Started/First Steps.md", appending("Edited after the pull."));
        git.commitAll(tree, "Edit the new page");
        assertThat(git.push(tree).exitCode()).isZero();
        assertThat(site.simulator().snapshot().spaces().get(0).pages()).filteredOn(page -> page.title().equals("First Steps"))
                .hasSize(1);
    }

    @Test
    void deletingFilesTrashesPagesAndMoreThanFiveNeedTheMarker() throws Exception {
        List<String> files;
        try (var listing = Files.walk(tree.resolve("pages"))) {
            files = listing.filter(Files::isRegularFile).map(path -> tree.relativize(path).toString())
                    .filter(path -> !path.endsWith("README.md")).sorted().toList();
        }
        List<String> leaves = files.stream().filter(path -> path.endsWith(".md"))
                .filter(path -> !Files.isDirectory(tree.resolve(path.substring(0, path.length() - 3))))
                .filter(path -> !Files.isDirectory(tree.resolve(path.substring(0, path.length() - 3) + ".assets")))
                .limit(6).toList();
        assertThat(leaves).hasSize(6);
        for (String leaf : leaves) {
            git.gitOk(tree, "rm", "-q", leaf);
        }
        git.commitAll(tree, "Retire six pages");

        Result refused = git.push(tree);

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).contains("! [remote rejected] main -> main (bulk-delete)");
        assertThat(site.simulator().snapshot().spaces().get(0).pages()).allMatch(page -> page.status().equals("current"));

        git.gitOk(tree, "commit", "--amend", "-qm", "Retire six pages [allow-bulk-delete]");
        Result accepted = git.push(tree);

        assertThat(accepted.exitCode()).as(accepted.stderr()).isZero();
        assertThat(accepted.stderr()).contains("0 page(s) created, 0 updated, 6 deleted");
        assertThat(site.simulator().snapshot().spaces().get(0).pages()).filteredOn(page -> !page.status().equals("current"))
                .hasSize(6);
    }

    @Test
    void aConflictIsRejectedWithFetchFirstAndThePrintedRecoveryKeepsBothEdits() throws Exception {
        editInConfluence("Glossary", body -> "Their first line.\n\n" + body);
        editInConfluence("Getting Started", body -> body + "\n\nAn unrelated edit elsewhere.\n");
        edit("pages/Glossary.md", appending("My last line."));
        git.commitAll(tree, "My glossary edit");

        Result rejected = git.push(tree);

        assertThat(rejected.exitCode()).isNotZero();
        assertThat(rejected.stderr()).contains("! [remote rejected] main -> main (fetch first)")
                .contains("\"Glossary\" (pages/Glossary.md) was changed in Confluence by")
                .contains("git pull --rebase origin main && git push origin main");
        assertThat(site.page("Glossary").body()).doesNotContain("My last line.");

        git.gitOk(tree, "pull", "--rebase", "origin", "main");
        Result recovered = git.push(tree);

        assertThat(recovered.exitCode()).as(recovered.stderr()).isZero();
        assertThat(site.page("Glossary").body()).contains("Their first line.").contains("My last line.");
    }

    @Test
    void anEditToAnotherPageByAnotherEditorDoesNotBlockThePush() throws Exception {
        edit("pages/Glossary.md", appending("Mine."));
        git.commitAll(tree, "My edit");
        editInConfluence("Getting Started", body -> body + "\n\nTheirs.\n");
        labelInConfluence("FAQ", "their-label");

        Result pushed = git.push(tree);

        assertThat(pushed.exitCode()).as(pushed.stderr()).isZero();
        assertThat(site.page("Glossary").body()).contains("Mine.");
        assertThat(site.page("Getting Started").body()).contains("Theirs.");
    }

    @Test
    void anUnparseableFileIsRefusedNamingItAndNothingIsWritten() throws Exception {
        Files.writeString(tree.resolve("pages/Glossary.md"), "---\ntitle: [unclosed\n---\nbody\n", StandardCharsets.UTF_8);
        git.commitAll(tree, "Break the frontmatter");
        site.simulator().counters().reset();

        Result refused = git.push(tree);

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).contains("(invalid file)").contains("pages/Glossary.md:");
        assertThat(site.simulator().counters().total()).isZero();
        assertThat(new TreeSet<>(List.of(refused.stderr().split("\n")))).noneMatch(line -> line.contains("tok-5150"));
    }

    @Test
    void filesThatCannotBecomePagesAreRefusedBeforeAnyRequest() throws Exception {
        String glossary = Files.readString(tree.resolve("pages/Glossary.md"));
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("symlink", "(invalid file)");
        refusals.put("executable", "(invalid file)");
        refusals.put("not markdown", "(invalid file)");
        refusals.put("submodule", "(invalid file)");
        refusals.put("not utf-8", "(invalid file)");
        refusals.put("copied id", "(bad id)");
        refusals.put("unknown id", "(bad id)");
        refusals.put("orphan folder", "(unsupported)");
        refusals.put("config", "(unsupported)");
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            switch (refusal.getKey()) {
                case "symlink" -> Files.createSymbolicLink(tree.resolve("pages/Link.md"), Path.of("Glossary.md"));
                case "executable" -> {
                    Files.writeString(tree.resolve("pages/Run.md"), "# Run\n");
                    tree.resolve("pages/Run.md").toFile().setExecutable(true);
                }
                case "not markdown" -> Files.write(tree.resolve("pages/diagram.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
                case "submodule" -> git.gitOk(tree, "update-index", "--add", "--cacheinfo",
                        "160000," + git.gitOk(tree, "rev-parse", "HEAD").strip() + ",pages/Vendored.md");
                case "not utf-8" -> Files.write(tree.resolve("pages/Latin.md"), new byte[] {'#', ' ', 'C', 'a', 'f', (byte) 0xE9, '\n'});
                case "copied id" -> Files.writeString(tree.resolve("pages/Glossary copy.md"), glossary);
                case "unknown id" -> Files.writeString(tree.resolve("pages/Stray.md"), "---\nid: '999999'\ntitle: Stray\n---\nx\n");
                case "orphan folder" -> {
                    Files.createDirectories(tree.resolve("pages/Nowhere"));
                    Files.writeString(tree.resolve("pages/Nowhere/Child.md"), "# Child\n");
                }
                default -> Files.writeString(tree.resolve(".reposix/config"), "layout = flat\n",
                        StandardOpenOption.APPEND);
            }
            if (!refusal.getKey().equals("submodule")) {
                git.gitOk(tree, "add", "-A"); // a gitlink has no folder in the work tree: add -A would drop it
            }
            git.gitOk(tree, "commit", "-qm", "Try " + refusal.getKey());
            site.simulator().counters().reset();

            Result refused = git.push(tree);

            assertThat(refused.exitCode()).as(refusal.getKey()).isNotZero();
            assertThat(refused.stderr()).as(refusal.getKey()).contains("! [remote rejected] main -> main " + refusal.getValue());
            assertThat(site.simulator().counters().total()).as(refusal.getKey()).isZero();
            git.gitOk(tree, "reset", "-q", "--hard", "HEAD~1");
            git.gitOk(tree, "clean", "-qfd");
        }
    }

    @Test
    void aPushInterruptedAfterTwoOfFourWritesCompletesOnThePushAfterWithoutWritingTwice() throws Exception {
        List<String> titles = List.of("Glossary", "FAQ", "Release 0.2", "Use Panels");
        Map<String, Integer> versions = new HashMap<>();
        for (String title : titles) {
            versions.put(title, site.page(title).versionNumber());
        }
        try (var files = Files.walk(tree.resolve("pages"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".md")).toList()) {
                String path = tree.relativize(file).toString();
                if (titles.contains(CODEC.parse(path, Files.readAllBytes(file)).title())) {
                    edit(path, appending("Edited in a push that is cut short."));
                }
            }
        }
        git.commitAll(tree, "Four edits");
        site.simulator().faults().add(FaultRule.on("PUT", "/wiki/api/v2/pages/{id}", Fault.status(400)).afterSkipping(2)
                .times(1));

        Result interrupted = git.push(tree);

        assertThat(interrupted.exitCode()).isNotZero();
        assertThat(interrupted.stderr()).contains("(interrupted)").contains("Already written before it stopped");
        assertThat(titles.stream().filter(title -> site.page(title).versionNumber() == versions.get(title) + 1)).hasSize(2);

        Result completed = git.push(tree);

        assertThat(completed.exitCode()).as(completed.stderr()).isZero();
        assertThat(completed.stderr()).contains("2 updated").contains("2 already up to date");
        for (String title : titles) {
            assertThat(site.page(title).versionNumber()).as(title).isEqualTo(versions.get(title) + 1);
            assertThat(site.page(title).body()).as(title).containsOnlyOnce("Edited in a push that is cut short.");
        }
    }

    @Test
    void lostAnswersToAnUpdateAndACreateNeitherDuplicateNorLookLikeConflicts() throws Exception {
        int version = site.page("Glossary").versionNumber();
        edit("pages/Glossary.md", appending("Written, answer lost."));
        Files.writeString(tree.resolve("pages/Lost Answer.md"), "# Lost answer\n\nCreated, answer lost.\n");
        git.commitAll(tree, "Edits whose answers get lost");
        site.simulator().faults().add(FaultRule.on("PUT", "/wiki/api/v2/pages/{id}", Fault.dropResponseAfterWrite()).times(1));
        site.simulator().faults().add(FaultRule.on("POST", "/wiki/api/v2/pages", Fault.dropResponseAfterWrite()).times(1));

        Result pushed = git.push(tree);

        assertThat(pushed.exitCode()).as(pushed.stderr()).isZero();
        assertThat(pushed.stderr()).doesNotContain("fetch first");
        assertThat(site.page("Glossary").versionNumber()).isEqualTo(version + 1);
        assertThat(site.page("Glossary").body()).containsOnlyOnce("Written, answer lost.");
        assertThat(site.simulator().snapshot().spaces().get(0).pages()).filteredOn(page -> page.title().equals("Lost Answer"))
                .hasSize(1);
    }

    @Test
    void aStatusEditSetsThePageToDraftAndItsFileLeavesTheTreeWithTheNextPull() throws Exception {
        edit("pages/FAQ.md", file -> new RecordFile(file.id(), file.title(), RecordStatus.DRAFT,
                file.labels(), file.parent(), file.body()));
        git.commitAll(tree, "FAQ back to draft");

        Result pushed = git.push(tree);

        assertThat(pushed.exitCode()).as(pushed.stderr()).isZero();
        assertThat(site.page("FAQ").status()).isEqualTo("draft");
        git.gitOk(tree, "pull", "--ff-only", "origin", "main");
        assertThat(tree.resolve("pages/FAQ.md")).doesNotExist();
    }

    @Test
    void aPageLargerThanConfluenceAcceptsIsRefusedNamingItAndNothingChanges() throws Exception {
        int version = site.page("Glossary").versionNumber();
        String paragraph = "A line of a page far too large for Confluence. ".repeat(20) + "\n\n";
        edit("pages/Glossary.md", appending(paragraph.repeat(6 * 1024 * 1024 / paragraph.length())));
        git.commitAll(tree, "A 6 MB glossary");
        String cacheMain = git.gitOk(temporary.resolve("cache/confluence-DEMO.git"), "rev-parse", "main");

        Result refused = git.push(tree);

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).contains("! [remote rejected] main -> main").contains("RPX-2004")
                .contains("too large for Confluence").contains("Glossary");
        assertThat(site.page("Glossary").versionNumber()).isEqualTo(version);
        assertThat(git.gitOk(temporary.resolve("cache/confluence-DEMO.git"), "rev-parse", "main")).isEqualTo(cacheMain);
    }
}
