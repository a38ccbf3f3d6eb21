package dev.reposix.core.push;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reposix.api.Attachment;
import dev.reposix.api.Capabilities;
import dev.reposix.api.Capability;
import dev.reposix.api.NewRecord;
import dev.reposix.api.RecordId;
import dev.reposix.api.ReposixException;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.api.StandardErrorCode;
import dev.reposix.git.AttachmentState;
import dev.reposix.testkit.InMemoryProvider;
import dev.reposix.testkit.InMemoryStore;
import dev.reposix.testkit.TestingBackendContext;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConflictCheckAttachmentsTest {

    private static final String PROJECT = "ENG";
    private static final String ASSETS = "pages/Runbook.assets";

    @TempDir
    Path root;

    private final InMemoryStore store = new InMemoryStore();
    private PushFixture fixture;
    private RecordId runbook;

    @BeforeEach
    void open() {
        fixture = new PushFixture(root);
        runbook = store.insert(PROJECT, new NewRecord("Runbook", Optional.empty(), Set.of(), "Steps\n")).id();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private Attachment attach(String fileName, String content) {
        return store.putAttachment(PROJECT, runbook, fileName, "text/plain", content.getBytes(UTF_8));
    }

    private ObjectId base(Attachment... attachments) {
        Map<String, AttachmentState> states = new TreeMap<>();
        for (Attachment attachment : attachments) {
            String path = ASSETS + "/" + attachment.fileName();
            states.put(attachment.id(), new AttachmentState(attachment.fileName(), attachment.version(),
                    attachment.size(), path, Optional.empty()));
        }
        fixture.page(runbook.value(), 1, "Runbook", "pages/Runbook.md", Optional.empty(), "Steps\n", states);
        return fixture.base();
    }

    private ConflictCheck.Result check(PushPlan plan, Capabilities capabilities) {
        InMemoryProvider provider = new InMemoryProvider(store, capabilities, 25);
        try (SourceOfTruth source = provider.open(PROJECT, TestingBackendContext.offline())) {
            return new ConflictCheck(plan.config().toLayout(), 1024).check(source, plan);
        }
    }

    @Test
    void anUploadOfAnAttachmentUnchangedSinceTheBaseIsWrittenAgainstTheCurrentAttachment() {
        Attachment notes = attach("notes.txt", "v1");
        fixture.file(ASSETS + "/notes.txt", "v1");
        ObjectId base = base(notes);
        PushPlan plan = fixture.plan(base, fixture.push(base, "x", edits -> edits.put(ASSETS + "/notes.txt", "v2")));

        ConflictCheck.Result result = check(plan, Capabilities.all().with(Capability.ATTACHMENTS));

        assertThat(result.conflicts()).isEmpty();
        assertThat(result.settledAttachments()).isEmpty();
        assertThat(result.currentAttachments()).containsValue(notes);
    }

    @Test
    void aVersionMovedSinceTheBaseIsAConflictWithoutADownloadWhenTheSizeDiffers() {
        Attachment notes = attach("notes.txt", "v1");
        fixture.file(ASSETS + "/notes.txt", "v1");
        ObjectId base = base(notes);
        attach("notes.txt", "their much longer version");
        PushPlan plan = fixture.plan(base, fixture.push(base, "x", edits -> edits.put(ASSETS + "/notes.txt", "v2")));

        ConflictCheck.Result result = check(plan, Capabilities.all().with(Capability.ATTACHMENTS));

        assertThat(result.conflicts()).singleElement().satisfies(conflict -> assertThat(conflict.describe())
                .isEqualTo("\"notes.txt\" (" + ASSETS + "/notes.txt) was changed in Confluence since your base"
                        + " (version 1 -> 2)"));
    }

    @Test
    void writesToAPageDeletedInTheSourceOfTruthConflictOnceForThePage() {
        ObjectId base = base();
        PushPlan plan = fixture.plan(base, fixture.push(base, "x", edits -> edits.put(ASSETS + "/a.txt", "a")
                .put(ASSETS + "/b.txt", "b")));
        try (SourceOfTruth source = new InMemoryProvider(store, Capabilities.all().with(Capability.ATTACHMENTS), 25).open(PROJECT,
                TestingBackendContext.offline())) {
            source.delete(runbook);
        }

        ConflictCheck.Result result = check(plan, Capabilities.all().with(Capability.ATTACHMENTS));

        assertThat(result.conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.path()).isEqualTo("pages/Runbook.md");
            assertThat(conflict.what()).contains("was deleted in Confluence").contains(ASSETS + "/a.txt");
        });
    }

    @Test
    void aBackendWithoutAttachmentsRefusesThePushBeforeAnyWrite() {
        ObjectId base = base();
        PushPlan plan = fixture.plan(base, fixture.push(base, "x", edits -> edits.put(ASSETS + "/a.txt", "a")));

        assertThatThrownBy(() -> check(plan, Capabilities.of(Capability.UPDATE, Capability.CREATE)))
                .isInstanceOfSatisfying(ReposixException.class, refused -> {
                    assertThat(refused.errorCode()).isEqualTo(StandardErrorCode.UNSUPPORTED_OPERATION);
                    assertThat(refused.getMessage()).contains("attachments");
                });
    }
}
