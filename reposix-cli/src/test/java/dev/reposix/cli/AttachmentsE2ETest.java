package dev.reposix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reposix.core.AttachmentLimit;
import dev.reposix.simulator.Fault;
import dev.reposix.simulator.FaultRule;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attachments on the read side, driven like a user would: {@code reposix init} and {@code reposix
 * sync} of the demo space against the simulator, edits made through the REST API, the tree and its
 * history checked with the real git binary.
 */
class AttachmentsE2ETest {

    private static final String DOWNLOAD = "GET /wiki/download/attachments/{pageId}/{fileName}";
    private static final Pattern LOCAL_TARGET = Pattern.compile("\\]\\(([^)\\s]+\\.(?:png|pdf))[ )]");

    @TempDir
    Path temporary;

    private final CliRunner cli = new CliRunner();
    private SimulatedSite site;
    private Map<String, String> environment;
    private Path tree;
    private GitProcesses git;

    @BeforeEach
    void start() {
        site = SimulatedSite.start(temporary);
        environment = site.environment();
        tree = temporary.resolve("tree");
        git = new GitProcesses(site.gitEnvironment());
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private int reposix(String... args) {
        return cli.run(environment, getClass().getClassLoader(), args);
    }

    private byte[] inConfluence(String title, String fileName) {
        return ConfluenceEdits.download(environment, "DEMO", title, fileName);
    }

    @Test
    void initWritesEveryReferencedFileBesideItsPageInTheImportCommitAndTheLinksResolve() throws Exception {
        assertThat(reposix("init", "confluence::DEMO", tree.toString())).as(cli.stderr()).isZero();

        List<String> resolved = new ArrayList<>();
        try (Stream<Path> files = Files.walk(tree.resolve("pages"))) {
            for (Path markdown : files.filter(file -> file.toString().endsWith(".md")).toList()) {
                Matcher links = LOCAL_TARGET.matcher(Files.readString(markdown));
                while (links.find()) {
                    Path target = markdown.getParent().resolve(URLDecoder.decode(links.group(1), StandardCharsets.UTF_8));
                    assertThat(target).as("link in " + markdown).isRegularFile();
                    resolved.add(tree.relativize(target).toString());
                }
            }
        }
        assertThat(resolved).containsExactlyInAnyOrder("pages/Architecture.assets/architecture-overview.png",
                "pages/How-To Guides/Embed Images.assets/screenshot.png",
                "pages/How-To Guides/Embed Images.assets/diagram.png",
                "pages/Release Notes/Release 0.2.assets/release-notes-0.2.pdf");
        assertThat(Files.readAllBytes(tree.resolve("pages/Architecture.assets/architecture-overview.png")))
                .isEqualTo(inConfluence("Architecture", "architecture-overview.png"));
        assertThat(git.gitOk(tree, "log", "--format=%s")).as("one import commit").hasLineCount(1);
        assertThat(git.gitOk(tree, "status", "--porcelain")).isEmpty();
    }

    @Test
    void aNoChangeSyncDownloadsNothingAndAReplacedImageIsTheOnlyDownload() throws Exception {
        assertThat(reposix("init", "confluence::DEMO", tree.toString())).as(cli.stderr()).isZero();
        site.simulator().counters().reset();

        assertThat(reposix("sync", tree.toString())).as(cli.stderr()).isZero();
        assertThat(site.simulator().counters().count(DOWNLOAD)).as("no-op sync").isZero();

        byte[] replacement = "a new screenshot".getBytes(StandardCharsets.UTF_8);
        ConfluenceEdits.upload(environment, "DEMO", "Embed Images", "screenshot.png", replacement);
        site.simulator().counters().reset();
        assertThat(reposix("sync", tree.toString())).as(cli.stderr()).isZero();

        assertThat(site.simulator().counters().count(DOWNLOAD)).isEqualTo(1);
        assertThat(Files.readAllBytes(SimulatedSite.pageFile(tree, "Embed Images").resolveSibling("Embed Images.assets/screenshot.png")))
                .isEqualTo(replacement);
        assertThat(git.gitOk(tree, "log", "-1", "--format=%s", "--stat"))
                .contains("Sync attachments of confluence::DEMO: 1 downloaded, 0 moved, 0 removed")
                .contains("screenshot.png");
    }

    @Test
    void aDeletedAttachmentLosesItsFileAndAMovedPageTakesItsFilesAlongWithoutADownload() throws Exception {
        assertThat(reposix("init", "confluence::DEMO", tree.toString())).as(cli.stderr()).isZero();
        Path diagram = SimulatedSite.pageFile(tree, "Embed Images").resolveSibling("Embed Images.assets/diagram.png");
        assertThat(diagram).isRegularFile();

        ConfluenceEdits.deleteAttachment(environment, "DEMO", "Embed Images", "diagram.png");
        ConfluenceEdits.edit(environment, "DEMO", "Architecture", current -> new dev.reposix.api.Record(
                new dev.reposix.api.ManifestEntry(current.id(), current.entry().kind(), "System Architecture",
                        current.entry().parentId(), current.entry().version(), current.entry().status(),
                        current.entry().lastModified(), current.entry().lastModifiedBy()),
                current.labels(), current.body()));
        site.simulator().counters().reset();
        assertThat(reposix("sync", tree.toString())).as(cli.stderr()).isZero();

        assertThat(diagram).doesNotExist();
        assertThat(tree.resolve("pages/System Architecture.assets/architecture-overview.png")).isRegularFile();
        assertThat(Files.readString(tree.resolve("pages/System Architecture.md")))
                .contains("](System%20Architecture.assets/architecture-overview.png");
        assertThat(tree.resolve("pages/Architecture.assets")).doesNotExist();
        assertThat(site.simulator().counters().count(DOWNLOAD)).isZero();
    }

    @Test
    void anAttachmentAboveTheLimitIsLinkedInConfluenceReportedAndDownloadedOnceTheLimitIsRaised() throws Exception {
        byte[] image = inConfluence("Architecture", "architecture-overview.png");
        environment.put(AttachmentLimit.VARIABLE, Integer.toString(image.length - 1));

        assertThat(reposix("init", "confluence::DEMO", tree.toString())).as(cli.stderr()).isZero();

        Path page = tree.resolve("pages/Architecture.md");
        assertThat(tree.resolve("pages/Architecture.assets/architecture-overview.png")).doesNotExist();
        String link = site.baseUrl() + "/wiki/download/attachments/";
        assertThat(Files.readString(page)).contains("](" + link).contains("/architecture-overview.png");
        assertThat(cli.stderr()).contains("architecture-overview.png").contains(AttachmentLimit.VARIABLE);
        assertThat(git.gitOk(tree, "status", "--porcelain")).isEmpty();

        site.simulator().counters().reset();
        assertThat(reposix("sync", tree.toString())).as(cli.stderr()).isZero();
        assertThat(site.simulator().counters().count(DOWNLOAD)).isZero();
        assertThat(cli.stderr()).as("reported once, when it appears").doesNotContain("architecture-overview.png");

        environment.remove(AttachmentLimit.VARIABLE);
        assertThat(reposix("sync", tree.toString())).as(cli.stderr()).isZero();
        assertThat(tree.resolve("pages/Architecture.assets/architecture-overview.png")).hasBinaryContent(image);
        assertThat(Files.readString(page)).as("the link points into the tree again")
                .contains("](Architecture.assets/architecture-overview.png").doesNotContain(link);
        assertThat(git.gitOk(tree, "status", "--porcelain")).isEmpty();
    }

    @Test
    void aPushedEditKeepsTheAttachmentThatStayedInConfluence() throws Exception {
        byte[] image = inConfluence("Architecture", "architecture-overview.png");
        environment.put(AttachmentLimit.VARIABLE, Integer.toString(image.length - 1));
        assertThat(reposix("init", "confluence::DEMO", tree.toString())).as(cli.stderr()).isZero();
        Path page = tree.resolve("pages/Architecture.md");
        Files.writeString(page, Files.readString(page) + "\nA line written in git.\n");
        git.commitAll(tree, "Architecture: one more line");

        GitProcesses.Result pushed = new GitProcesses(site.writerEnvironment()).push(tree);

        assertThat(pushed.exitCode()).as(pushed.stderr()).isZero();
        assertThat(site.page("Architecture").body()).contains("A line written in git.")
                .contains("<ri:attachment ri:filename=\"architecture-overview.png\"")
                .doesNotContain("/wiki/download/attachments/");
        assertThat(site.attachmentsOf("Architecture")).singleElement()
                .satisfies(file -> assertThat(file.versionNumber()).isEqualTo(1));
    }

    @Test
    void aFileDeletedBetweenTheListingAndItsDownloadIsLeftOutAndArrivesWithTheNextSync() throws Exception {
        // The first download is slow, so the import's state, written beside its commit, is done before
        // the second download finds its file gone: that state must not be the one recorded.
        site.simulator().faults().add(FaultRule.on("GET", "/wiki/download/attachments/{pageId}/{fileName}",
                Fault.delay(Duration.ofMillis(500))).times(1));
        site.simulator().faults().add(FaultRule.on("GET", "/wiki/download/attachments/{pageId}/{fileName}",
                Fault.status(404)).times(1));

        assertThat(reposix("init", "confluence::DEMO", tree.toString())).as(cli.stderr()).isZero();

        long inTree;
        try (Stream<Path> files = Files.walk(tree.resolve("pages"))) {
            inTree = files.filter(file -> file.getParent().getFileName().toString().endsWith(".assets")).count();
        }
        assertThat(inTree).as("one of the four files was gone when its turn came").isEqualTo(3);
        assertThat(git.gitOk(tree, "status", "--porcelain")).isEmpty();
        String perRecord = git.gitOk(site.cache("DEMO"), "grep", "-h", "-c", "^attachment ", "refs/reposix/state:latest");
        assertThat(perRecord.lines().mapToInt(Integer::parseInt).sum())
                .as("the recorded state lists only the files in the tree").isEqualTo(3);

        assertThat(reposix("sync", tree.toString())).as(cli.stderr()).isZero();
        try (Stream<Path> files = Files.walk(tree.resolve("pages"))) {
            assertThat(files.filter(file -> file.getParent().getFileName().toString().endsWith(".assets")))
                    .as("it is still listed, so the next sync downloads it").hasSize(4);
        }
    }

    @Test
    void aBadLimitIsRefusedNamingTheVariableBeforeAnythingIsWritten() {
        environment.put(AttachmentLimit.VARIABLE, "twenty megabytes");

        assertThat(reposix("init", "confluence::DEMO", tree.toString())).isEqualTo(2);

        assertThat(cli.stderr()).contains(AttachmentLimit.VARIABLE).contains("50M");
        assertThat(tree).doesNotExist();
        assertThat(site.cache("DEMO")).doesNotExist();
    }
}
