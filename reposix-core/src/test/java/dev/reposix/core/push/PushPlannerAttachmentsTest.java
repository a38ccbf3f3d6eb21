package dev.reposix.core.push;

import static dev.reposix.core.push.PushFixture.attachment;
import static dev.reposix.core.push.PushFixture.pageText;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reposix.api.RecordId;
import dev.reposix.api.ReposixException;
import dev.reposix.git.AttachmentState;
import dev.reposix.git.FileKind;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PushPlannerAttachmentsTest {

    private static final String RUNBOOK = "pages/Runbook.md";
    private static final String ASSETS = "pages/Runbook.assets";

    @TempDir
    Path root;

    private PushFixture fixture;

    @BeforeEach
    void open() {
        fixture = new PushFixture(root);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private ObjectId runbookWith(Map<String, String> files) {
        Map<String, AttachmentState> attachments = new HashMap<>();
        int next = 1;
        for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
            String path = ASSETS + "/" + file.getKey();
            attachments.put("att" + next++, attachment(file.getKey(), 2, path, file.getValue()));
            fixture.file(path, file.getValue());
        }
        fixture.page("10", "Ops", "pages/Ops.md", Optional.empty(), "Ops home\n", Map.of());
        fixture.page("1", "Runbook", RUNBOOK, Optional.empty(), "Steps\n", attachments);
        return fixture.base();
    }

    private static ReposixException refusal(Runnable planning) {
        try {
            planning.run();
        } catch (ReposixException refused) {
            return refused;
        }
        throw new AssertionError("the push was not refused");
    }

    @Test
    void aNewFileInAPagesAssetsFolderIsUploadedToThatPage() {
        ObjectId base = runbookWith(Map.of());
        ObjectId pushed = fixture.push(base, "Add the diagram", edits -> edits.put(ASSETS + "/flow.png", "PNG"));

        PushPlan plan = fixture.plan(base, pushed);

        assertThat(plan.updates()).isEmpty();
        assertThat(plan.uploads()).singleElement().satisfies(upload -> {
            assertThat(upload.page()).contains(RecordId.of("1"));
            assertThat(upload.pagePath()).isEqualTo(RUNBOOK);
            assertThat(upload.fileName()).isEqualTo("flow.png");
            assertThat(upload.mediaType()).isEqualTo("image/png");
            assertThat(upload.size()).isEqualTo(3);
            assertThat(upload.baseId()).isEmpty();
        });
        assertThat(plan.writes()).containsExactlyElementsOf(plan.uploads());
    }

    @Test
    void aChangedFileIsANewVersionOfItsAttachmentAndAnUnchangedOneIsLeftAlone() {
        ObjectId base = runbookWith(Map.of("flow.png", "old", "notes.txt", "same"));
        ObjectId pushed = fixture.push(base, "New diagram", edits -> edits.put(ASSETS + "/flow.png", "new"));

        PushPlan plan = fixture.plan(base, pushed);

        assertThat(plan.uploads()).singleElement().satisfies(upload -> {
            assertThat(upload.fileName()).isEqualTo("flow.png");
            assertThat(upload.baseId()).contains("att1");
            assertThat(upload.base().orElseThrow().version()).isEqualTo(2);
        });
        assertThat(plan.attachmentDeletes()).isEmpty();
    }

    @Test
    void escapedFileNamesAreUploadedUnderTheirRealName() {
        ObjectId base = runbookWith(Map.of());
        ObjectId pushed = fixture.push(base, "Add", edits -> edits.put(ASSETS + "/deploy%2Fflow.svg", "<svg/>"));

        assertThat(fixture.plan(base, pushed).uploads()).singleElement().satisfies(upload -> {
            assertThat(upload.fileName()).isEqualTo("deploy/flow.svg");
            assertThat(upload.mediaType()).isEqualTo("image/svg+xml");
        });
    }

    @Test
    void movingAPageWithItsAssetsFolderUploadsAndDeletesNothing() {
        ObjectId base = runbookWith(Map.of("flow.png", "png", "notes.txt", "text"));
        ObjectId pushed = fixture.push(base, "Move the runbook under Ops", edits -> edits
                .delete(RUNBOOK).put("pages/Ops/Runbook.md", pageText("1", "Runbook", "Steps\n"))
                .delete(ASSETS + "/flow.png").put("pages/Ops/Runbook.assets/flow.png", "png")
                .delete(ASSETS + "/notes.txt").put("pages/Ops/Runbook.assets/notes.txt", "text"));

        PushPlan plan = fixture.plan(base, pushed);

        assertThat(plan.updates()).singleElement().satisfies(update -> assertThat(update.moved()).isTrue());
        assertThat(plan.uploads()).isEmpty();
        assertThat(plan.attachmentDeletes()).isEmpty();
    }

    @Test
    void movingAPageWithoutItsAssetsFolderIsRefusedBeforeAnyWrite() {
        ObjectId base = runbookWith(Map.of("flow.png", "png"));
        ObjectId pushed = fixture.push(base, "Move", edits -> edits
                .delete(RUNBOOK).put("pages/Ops/Runbook.md", pageText("1", "Runbook", "Steps\n")));

        ReposixException refused = refusal(() -> fixture.plan(base, pushed));

        assertThat(refused.errorCode()).isEqualTo(PushErrorCode.UNSUPPORTED);
        assertThat(refused.getMessage()).contains(ASSETS + "/flow.png")
                .contains("git mv '" + ASSETS + "' 'pages/Ops/Runbook.assets'");
    }

    @Test
    void aRemovedFileDeletesItsAttachment() {
        ObjectId base = runbookWith(Map.of("flow.png", "png", "notes.txt", "text"));
        ObjectId pushed = fixture.push(base, "Drop the notes", edits -> edits.delete(ASSETS + "/notes.txt"));

        PushPlan plan = fixture.plan(base, pushed);

        assertThat(plan.attachmentDeletes()).singleElement().satisfies(delete -> {
            assertThat(delete.path()).isEqualTo(ASSETS + "/notes.txt");
            assertThat(delete.page()).isEqualTo(RecordId.of("1"));
            assertThat(delete.base().fileName()).isEqualTo("notes.txt");
        });
        assertThat(plan.uploads()).isEmpty();
        assertThat(plan.deleteCount()).isEqualTo(1);
    }

    @Test
    void attachmentDeletesCountTowardsTheBulkDeleteCap() {
        Map<String, String> files = new HashMap<>();
        for (int index = 1; index <= 5; index++) {
            files.put("f" + index + ".txt", "content " + index);
        }
        fixture.page("2", "Old", "pages/Old.md", Optional.empty(), "old\n", Map.of());
        ObjectId base = runbookWith(files);
        ObjectId pushed = fixture.push(base, "Clean up", edits -> {
            files.keySet().forEach(name -> edits.delete(ASSETS + "/" + name));
            edits.delete("pages/Old.md");
        });

        ReposixException refused = refusal(() -> fixture.plan(base, pushed));

        assertThat(refused.errorCode()).isEqualTo(PushErrorCode.BULK_DELETE);
        assertThat(refused.getMessage()).contains("deletes 6 pages and attachments").contains("pages/Old.md")
                .contains(ASSETS + "/f1.txt");

        ObjectId allowed = fixture.push(pushed, "Clean up [allow-bulk-delete]", edits -> { });
        PushPlan plan = fixture.plan(base, allowed);
        assertThat(plan.deletes()).hasSize(1);
        assertThat(plan.attachmentDeletes()).hasSize(5);
    }

    @Test
    void aDeletedPageTakesItsAttachmentsAlongWithoutWritesOfTheirOwn() {
        ObjectId base = runbookWith(Map.of("flow.png", "png", "notes.txt", "text"));
        ObjectId pushed = fixture.push(base, "Retire the runbook", edits -> edits.delete(RUNBOOK)
                .delete(ASSETS + "/flow.png").delete(ASSETS + "/notes.txt"));

        PushPlan plan = fixture.plan(base, pushed);

        assertThat(plan.deletes()).singleElement().satisfies(delete -> assertThat(delete.path()).isEqualTo(RUNBOOK));
        assertThat(plan.attachmentDeletes()).isEmpty();
        assertThat(plan.uploads()).isEmpty();
    }

    @Test
    void deletingAPageButKeepingItsAssetsFolderIsRefused() {
        ObjectId base = runbookWith(Map.of("flow.png", "png"));
        ObjectId pushed = fixture.push(base, "Retire", edits -> edits.delete(RUNBOOK));

        ReposixException refused = refusal(() -> fixture.plan(base, pushed));

        assertThat(refused.errorCode()).isEqualTo(PushErrorCode.UNSUPPORTED);
        assertThat(refused.getMessage()).contains(ASSETS + "/flow.png").contains("git rm -r '" + ASSETS + "'");
    }

    @Test
    void aNewPagesFilesAreUploadedToThePageTheSamePushCreates() {
        ObjectId base = runbookWith(Map.of());
        ObjectId pushed = fixture.push(base, "Failover", edits -> edits
                .put("pages/Ops/Failover.md", pageText(null, "Failover", "![plan](Failover.assets/plan.pdf)\n"))
                .put("pages/Ops/Failover.assets/plan.pdf", "%PDF"));

        PushPlan plan = fixture.plan(base, pushed);

        assertThat(plan.creates()).singleElement().satisfies(create -> assertThat(create.file().body())
                .contains("reposix:attachment/plan.pdf"));
        assertThat(plan.uploads()).singleElement().satisfies(upload -> {
            assertThat(upload.page()).isEmpty();
            assertThat(upload.pagePath()).isEqualTo("pages/Ops/Failover.md");
            assertThat(upload.mediaType()).isEqualTo("application/pdf");
        });
        assertThat(plan.writes()).extracting(write -> write.getClass().getSimpleName())
                .containsExactly("Create", "AttachmentUpload");
    }

    @Test
    void anAttachmentTooLargeToDownloadNeedsNothingWhenNoFileIsInEitherTree() {
        fixture.page("1", "Runbook", RUNBOOK, Optional.empty(), "Steps\n", Map.of("att9", new AttachmentState(
                "huge.iso", 1, 1L << 34, ASSETS + "/huge.iso", Optional.of("https://example.atlassian.net/x"))));
        ObjectId base = fixture.base();
        ObjectId pushed = fixture.push(base, "Edit", edits -> edits.put(RUNBOOK, pageText("1", "Runbook", "More\n")));

        PushPlan plan = fixture.plan(base, pushed);

        assertThat(plan.updates()).hasSize(1);
        assertThat(plan.uploads()).isEmpty();
        assertThat(plan.attachmentDeletes()).isEmpty();
    }

    @Test
    void filesThatCannotBeAttachmentsAreRefusedNamingTheFileAndTheFix() {
        ObjectId base = runbookWith(Map.of());

        ObjectId nested = fixture.push(base, "x", edits -> edits.put(ASSETS + "/img/a.png", "a"));
        assertThat(refusal(() -> fixture.plan(base, nested))).satisfies(refused -> {
            assertThat(refused.errorCode()).isEqualTo(PushErrorCode.INVALID_FILE);
            assertThat(refused.getMessage()).contains(ASSETS + "/img/a.png").contains("Move it up into " + ASSETS);
        });
        ObjectId executable = fixture.push(base, "x", edits -> edits.put(ASSETS + "/run.sh", "#!".getBytes(UTF_8),
                FileKind.EXECUTABLE));
        assertThat(refusal(() -> fixture.plan(base, executable)).getMessage()).contains(ASSETS + "/run.sh is executable")
                .contains("git update-index --chmod=-x");
        ObjectId link = fixture.push(base, "x", edits -> edits.put(ASSETS + "/l.png", "../x".getBytes(UTF_8),
                FileKind.SYMLINK));
        assertThat(refusal(() -> fixture.plan(base, link)).getMessage()).contains("is a symbolic link");
        ObjectId orphan = fixture.push(base, "x", edits -> edits.put("pages/Nobody.assets/a.png", "a"));
        assertThat(refusal(() -> fixture.plan(base, orphan))).satisfies(refused -> {
            assertThat(refused.errorCode()).isEqualTo(PushErrorCode.UNSUPPORTED);
            assertThat(refused.getMessage()).contains("pages/Nobody.assets/a.png").contains("there is no pages/Nobody.md");
        });
        ObjectId loose = fixture.push(base, "x", edits -> edits.put("pages/diagram.png", "a"));
        assertThat(refusal(() -> fixture.plan(base, loose)).getMessage()).contains("pages/diagram.png")
                .contains("Runbook.assets/");
    }

    @Test
    void aFileAboveTheCapIsRefusedNamingTheSetting() {
        ObjectId base = runbookWith(Map.of());
        ObjectId pushed = fixture.push(base, "Big", edits -> edits.put(ASSETS + "/big.bin", "0123456789ABC"));

        ReposixException refused = refusal(() -> new PushPlanner(fixture.cache, 10).plan(base, pushed));

        assertThat(refused.errorCode()).isEqualTo(PushErrorCode.INVALID_FILE);
        assertThat(refused.getMessage()).contains(ASSETS + "/big.bin is 13 bytes")
                .contains("REPOSIX_ATTACHMENT_MAX_BYTES");
    }

    @Test
    void anImageLinkedFromElsewhereInTheTreeIsUploadedAndLinkedAsAnAttachment() {
        fixture.file("images/deploy.png", "PNG");
        ObjectId base = runbookWith(Map.of());
        ObjectId pushed = fixture.push(base, "Link the diagram", edits -> edits.put(RUNBOOK,
                pageText("1", "Runbook", "Steps\n\n![deploy](../images/deploy.png)\n")));

        PushPlan plan = fixture.plan(base, pushed);

        assertThat(plan.updates()).singleElement().satisfies(update -> assertThat(update.file().body())
                .contains("![deploy](reposix:attachment/deploy.png)"));
        assertThat(plan.uploads()).singleElement().satisfies(upload -> {
            assertThat(upload.path()).isEqualTo("images/deploy.png");
            assertThat(upload.fileName()).isEqualTo("deploy.png");
            assertThat(upload.page()).contains(RecordId.of("1"));
        });
    }

    @Test
    void aLinkedFileWhoseNameClashesWithAnotherAttachmentIsRefused() {
        fixture.file("images/flow.png", "other");
        ObjectId base = runbookWith(Map.of("flow.png", "png"));
        ObjectId pushed = fixture.push(base, "Link", edits -> edits.put(RUNBOOK,
                pageText("1", "Runbook", "![f](../images/flow.png)\n")));

        ReposixException refused = refusal(() -> fixture.plan(base, pushed));

        assertThat(refused.errorCode()).isEqualTo(PushErrorCode.INVALID_FILE);
        assertThat(refused.getMessage()).contains("images/flow.png").contains("another attachment named \"flow.png\"");
    }
}
