package dev.reposix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reposix.cli.GitProcesses.Result;
import dev.reposix.simulator.seed.SeedAttachment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attachments on the write side: files added to, changed in and removed from a page's
 * {@code .assets} folder are pushed with the real git binary through {@code git-remote-reposix} to
 * the simulator, re-pushes and the next sync find nothing to do, and a file someone replaced in
 * Confluence meanwhile is rejected with git's {@code fetch first}.
 */
class PushAttachmentsE2ETest {

    private static final String DOWNLOAD = "GET /wiki/download/attachments/{pageId}/{fileName}";
    /** Starts like a PNG, with the CR LF that line-end conversion would break. */
    private static final byte[] CHART = "\u0089PNG\r\n\u001a\nchart pixels".getBytes(StandardCharsets.ISO_8859_1);

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
        environment = site.writerEnvironment();
        git = new GitProcesses(environment);
        tree = temporary.resolve("tree");
        site.init(site.gitEnvironment(), "DEMO", tree);
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private String relative(Path file) {
        return tree.relativize(file).toString();
    }

    @Test
    void anImageAddedInGitIsUploadedAndLinkedAndPushingAndSyncingAgainChangeNothing() throws Exception {
        Path glossary = SimulatedSite.pageFile(tree, "Glossary");
        Path image = glossary.resolveSibling("Glossary.assets/chart.png");
        Files.createDirectories(image.getParent());
        Files.write(image, CHART);
        Files.writeString(glossary, Files.readString(glossary) + "\n![chart](Glossary.assets/chart.png)\n");
        git.commitAll(tree, "Add the chart");
        assertThat(cli.run(site.gitEnvironment(), getClass().getClassLoader(), "push", "--dry-run", tree.toString()))
                .as(cli.stderr()).isZero();
        assertThat(cli.stdout()).contains("upload  " + relative(image) + "  \"chart.png\" to " + relative(glossary))
                .contains("update  " + relative(glossary));
        assertThat(site.attachmentsOf("Glossary")).extracting(SeedAttachment::title).doesNotContain("chart.png");

        Result pushed = git.push(tree);

        assertThat(pushed.exitCode()).as(pushed.stderr()).isZero();
        assertThat(pushed.stderr()).contains("1 attachment(s) uploaded").contains("uploaded " + relative(image));
        assertThat(site.attachmentsOf("Glossary")).filteredOn(file -> file.title().equals("chart.png")).singleElement()
                .satisfies(file -> {
                    assertThat(file.data()).isEqualTo(CHART);
                    assertThat(file.mediaType()).isEqualTo("image/png");
                    assertThat(file.comment()).isEqualTo("Add the chart");
                });
        assertThat(site.page("Glossary").body()).contains("<ri:attachment ri:filename=\"chart.png\"");
        assertThat(Files.readAllLines(temporary.resolve("cache/confluence-DEMO.git/audit.jsonl")))
                .filteredOn(line -> line.contains("\"operation\":\"write-attachment\"")).singleElement()
                .satisfies(line -> assertThat(line).contains("chart.png"));

        Result again = git.push(tree);
        assertThat(again.exitCode()).as(again.stderr()).isZero();
        assertThat(again.stderr()).contains("Everything up-to-date");

        git.gitOk(tree, "pull", "--ff-only", "origin", "main");
        site.simulator().counters().reset();
        assertThat(cli.run(site.gitEnvironment(), getClass().getClassLoader(), "sync", tree.toString()))
                .as(cli.stderr()).isZero();
        assertThat(site.simulator().counters().count(DOWNLOAD)).as("the pushed file is known, not downloaded").isZero();
        git.gitOk(tree, "pull", "--ff-only", "origin", "main");
        assertThat(Files.readAllBytes(image)).isEqualTo(CHART);
        assertThat(git.gitOk(tree, "status", "--porcelain")).isEmpty();
        assertThat(site.attachmentsOf("Glossary")).filteredOn(file -> file.title().equals("chart.png")).singleElement()
                .satisfies(file -> assertThat(file.versionNumber()).isEqualTo(1));
    }

    @Test
    void aFileRemovedInGitDeletesItsAttachment() throws Exception {
        Path diagram = SimulatedSite.pageFile(tree, "Embed Images").resolveSibling("Embed Images.assets/diagram.png");
        assertThat(diagram).isRegularFile();
        Files.delete(diagram);
        git.commitAll(tree, "Drop the diagram");

        Result pushed = git.push(tree);

        assertThat(pushed.exitCode()).as(pushed.stderr()).isZero();
        assertThat(pushed.stderr()).contains("0 attachment(s) uploaded, 1 deleted")
                .contains("deleted attachment " + relative(diagram));
        assertThat(site.attachmentsOf("Embed Images")).extracting(SeedAttachment::title).containsExactly("screenshot.png");
        assertThat(git.push(tree).stderr()).contains("Everything up-to-date");
    }

    @Test
    void aFileReplacedInConfluenceMeanwhileIsRejectedWithFetchFirst() throws Exception {
        Path screenshot = SimulatedSite.pageFile(tree, "Embed Images").resolveSibling("Embed Images.assets/screenshot.png");
        byte[] theirs = "their screenshot".getBytes(StandardCharsets.UTF_8);
        ConfluenceEdits.upload(site.gitEnvironment(), "DEMO", "Embed Images", "screenshot.png", theirs);
        Files.write(screenshot, "my screenshot".getBytes(StandardCharsets.UTF_8));
        git.commitAll(tree, "My screenshot");

        Result rejected = git.push(tree);

        assertThat(rejected.exitCode()).isNotZero();
        assertThat(rejected.stderr()).contains("! [remote rejected] main -> main (fetch first)")
                .contains(relative(screenshot)).contains("was changed in Confluence");
        assertThat(site.attachmentsOf("Embed Images")).filteredOn(file -> file.title().equals("screenshot.png"))
                .singleElement().satisfies(file -> assertThat(file.data()).isEqualTo(theirs));
    }
}
