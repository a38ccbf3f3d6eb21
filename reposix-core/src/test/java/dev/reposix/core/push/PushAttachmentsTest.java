package dev.reposix.core.push;

import static dev.reposix.core.push.PushFixture.pageText;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reposix.api.Attachment;
import dev.reposix.api.Capabilities;
import dev.reposix.api.Capability;
import dev.reposix.api.NewRecord;
import dev.reposix.api.Record;
import dev.reposix.api.RecordId;
import dev.reposix.api.ReposixException;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.api.StandardErrorCode;
import dev.reposix.core.RemoteSpec;
import dev.reposix.core.internal.AuditRouter;
import dev.reposix.git.AttachmentState;
import dev.reposix.git.CacheLocation;
import dev.reposix.git.RecordState;
import dev.reposix.git.SyncState;
import dev.reposix.testkit.ForwardingSourceOfTruth;
import dev.reposix.testkit.InMemoryProvider;
import dev.reposix.testkit.InMemoryStore;
import dev.reposix.testkit.TestingBackendContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pushes with attachment writes against the in-memory backend: apply, settle, conflict, record. */
class PushAttachmentsTest {

    private static final String PROJECT = "ENG";
    private static final String LOCATION = "memory://ENG";
    private static final String RUNBOOK = "pages/Runbook.md";
    private static final String ASSETS = "pages/Runbook.assets";

    @TempDir
    Path root;

    private final InMemoryStore store = new InMemoryStore();
    private final InMemoryProvider provider = new InMemoryProvider(store, Capabilities.all().with(Capability.ATTACHMENTS), 25);
    private final Set<String> failingUpload = new HashSet<>();
    private PushFixture fixture;
    private Pushes pushes;
    private RecordId runbook;
    private RecordId ops;

    @BeforeEach
    void open() {
        Map<String, String> environment = Map.of(CacheLocation.CACHE_DIR_VARIABLE, root.toString());
        fixture = new PushFixture(CacheLocation.resolve(environment, InMemoryProvider.SCHEME, PROJECT), LOCATION);
        pushes = new Pushes(environment, remote -> new FailingUploads(provider.open(PROJECT,
                TestingBackendContext.offline()), failingUpload),
                Clock.fixed(PushFixture.T0, ZoneOffset.UTC), Duration.ofSeconds(5), new AuditRouter(), 1024);
        ops = store.insert(PROJECT, new NewRecord("Ops", Optional.empty(), Set.of(), "Ops home\n")).id();
        runbook = store.insert(PROJECT, new NewRecord("Runbook", Optional.empty(), Set.of(), "Steps\n")).id();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private ObjectId base(Map<String, AttachmentState> attachments) {
        fixture.page(ops.value(), 1, "Ops", "pages/Ops.md", Optional.empty(), "Ops home\n", Map.of());
        fixture.page(runbook.value(), 1, "Runbook", RUNBOOK, Optional.empty(), "Steps\n", attachments);
        return fixture.base();
    }

    private Attachment attach(String fileName, String content) {
        return store.putAttachment(PROJECT, runbook, fileName, "image/png", content.getBytes(UTF_8));
    }

    private static AttachmentState stateOf(Attachment attachment, String path) {
        return new AttachmentState(attachment.fileName(), attachment.version(), attachment.size(), path,
                Optional.empty());
    }

    private List<Attachment> attachmentsNow() {
        try (SourceOfTruth source = provider.open(PROJECT, TestingBackendContext.offline())) {
            return source.attachments(List.of(runbook)).getOrDefault(runbook, List.of());
        }
    }

    private byte[] bytesOf(Attachment attachment) {
        try (SourceOfTruth source = provider.open(PROJECT, TestingBackendContext.offline())) {
            return source.readAttachment(attachment, 1024);
        }
    }

    private Record runbookNow() {
        List<Record> records = new ArrayList<>();
        try (SourceOfTruth source = provider.open(PROJECT, TestingBackendContext.offline())) {
            source.readRecords(List.of(runbook), records::add);
        }
        return records.get(0);
    }

    private PushReport push(ObjectId base, ObjectId pushed, Recorded recorded) {
        try (Pushes.Receiver receiver = pushes.receiver(new RemoteSpec(InMemoryProvider.SCHEME, PROJECT), LOCATION)) {
            PushReport report = receiver.push(base, pushed);
            ObjectId main = receiver.cache().main().orElseThrow();
            recorded.main = main;
            recorded.state = receiver.cache().syncStates().findNearest(main, 10).orElseThrow().state();
            recorded.files = receiver.cache().trees().files(main).keySet();
            return report;
        }
    }

    /** What the cache holds after a push. */
    private static final class Recorded {
        ObjectId main;
        SyncState state;
        Set<String> files;

        RecordState page(RecordId id) {
            return state.get(id.value()).orElseThrow();
        }
    }

    @Test
    void anAddedImageIsUploadedLinkedAndRecordedSoTheNextSyncHasNothingToDo() {
        ObjectId base = base(Map.of());
        ObjectId pushed = fixture.push(base, "Add the diagram", edits -> edits
                .put(ASSETS + "/flow.png", "PNG-1")
                .put(RUNBOOK, pageText(runbook.value(), "Runbook", "Steps\n\n![flow](Runbook.assets/flow.png)\n")));
        Recorded recorded = new Recorded();

        PushReport report = push(base, pushed, recorded);

        assertThat(report.uploaded()).containsExactly(ASSETS + "/flow.png");
        assertThat(report.updated()).containsExactly(RUNBOOK);
        assertThat(report.summary()).endsWith("; 1 attachment(s) uploaded, 0 deleted");
        Attachment stored = attachmentsNow().get(0);
        assertThat(stored.fileName()).isEqualTo("flow.png");
        assertThat(stored.mediaType()).isEqualTo("image/png");
        assertThat(new String(bytesOf(stored), UTF_8)).isEqualTo("PNG-1");
        assertThat(runbookNow().body()).contains("![flow](reposix:attachment/flow.png)");
        assertThat(recorded.page(runbook).attachments()).containsExactly(Map.entry(stored.id(),
                stateOf(stored, ASSETS + "/flow.png")));
        assertThat(recorded.main).as("nothing stored differently: no follow-up commit").isEqualTo(pushed);
    }

    @Test
    void aFileTheSourceOfTruthHoldsAlreadyIsNotUploadedAgain() {
        ObjectId base = base(Map.of());
        Attachment landed = attach("flow.png", "PNG-1");
        ObjectId pushed = fixture.push(base, "Add", edits -> edits.put(ASSETS + "/flow.png", "PNG-1"));
        Recorded recorded = new Recorded();

        PushReport report = push(base, pushed, recorded);

        assertThat(report.unchanged()).containsExactly(ASSETS + "/flow.png");
        assertThat(report.uploaded()).isEmpty();
        assertThat(attachmentsNow()).containsExactly(landed);
        assertThat(recorded.page(runbook).attachments()).containsEntry(landed.id(), stateOf(landed, ASSETS + "/flow.png"));
    }

    @Test
    void aChangedFileBecomesANewVersionAndARemovedOneIsDeleted() {
        Attachment flow = attach("flow.png", "v1");
        Attachment notes = attach("notes.txt", "notes");
        fixture.file(ASSETS + "/flow.png", "v1");
        ObjectId base = base(Map.of(flow.id(), stateOf(flow, ASSETS + "/flow.png"),
                notes.id(), stateOf(notes, ASSETS + "/notes.txt")));
        ObjectId pushed = fixture.push(base, "New diagram", edits -> edits.put(ASSETS + "/flow.png", "v2")
                .delete(ASSETS + "/notes.txt"));
        Recorded recorded = new Recorded();

        PushReport report = push(base, pushed, recorded);

        assertThat(report.uploaded()).containsExactly(ASSETS + "/flow.png");
        assertThat(report.deletedAttachments()).containsExactly(ASSETS + "/notes.txt");
        assertThat(attachmentsNow()).singleElement().satisfies(now -> {
            assertThat(now.id()).isEqualTo(flow.id());
            assertThat(now.version()).isEqualTo(2);
        });
        assertThat(recorded.page(runbook).attachments()).containsOnlyKeys(flow.id());
        assertThat(recorded.page(runbook).attachments().get(flow.id()).version()).isEqualTo(2);
    }

    @Test
    void anAttachmentChangedInTheSourceOfTruthSinceTheBaseIsAConflictUnlessItHoldsThePushedBytes() {
        Attachment flow = attach("flow.png", "v1");
        ObjectId base = base(Map.of(flow.id(), stateOf(flow, ASSETS + "/flow.png")));
        attach("flow.png", "someone else's v2");
        ObjectId mine = fixture.push(base, "Mine", edits -> edits.put(ASSETS + "/flow.png", "my v2"));

        assertThatThrownBy(() -> push(base, mine, new Recorded()))
                .isInstanceOfSatisfying(ReposixException.class, refused -> {
                    assertThat(refused.errorCode()).isEqualTo(PushErrorCode.FETCH_FIRST);
                    assertThat(refused.getMessage()).contains(ASSETS + "/flow.png").contains("version 1 -> 2");
                });
        assertThat(attachmentsNow().get(0).version()).isEqualTo(2);

        ObjectId same = fixture.push(base, "Same", edits -> edits.put(ASSETS + "/flow.png", "someone else's v2"));
        PushReport report = push(base, same, new Recorded());
        assertThat(report.unchanged()).containsExactly(ASSETS + "/flow.png");
        assertThat(attachmentsNow().get(0).version()).isEqualTo(2);
    }

    @Test
    void aNewFileWhoseNameWasAttachedMeanwhileWithOtherBytesIsAConflict() {
        ObjectId base = base(Map.of());
        attach("flow.png", "theirs");
        ObjectId pushed = fixture.push(base, "Add", edits -> edits.put(ASSETS + "/flow.png", "mine"));

        assertThatThrownBy(() -> push(base, pushed, new Recorded())).isInstanceOfSatisfying(ReposixException.class,
                refused -> assertThat(refused.errorCode()).isEqualTo(PushErrorCode.FETCH_FIRST));
    }

    @Test
    void deletingAnAttachmentChangedMeanwhileIsAConflictAndOneAlreadyGoneIsSettled() {
        Attachment notes = attach("notes.txt", "v1");
        fixture.file(ASSETS + "/notes.txt", "v1");
        ObjectId base = base(Map.of(notes.id(), stateOf(notes, ASSETS + "/notes.txt")));
        ObjectId pushed = fixture.push(base, "Drop", edits -> edits.delete(ASSETS + "/notes.txt"));
        Attachment changed = attach("notes.txt", "v2");

        assertThatThrownBy(() -> push(base, pushed, new Recorded())).isInstanceOfSatisfying(ReposixException.class,
                refused -> assertThat(refused.errorCode()).isEqualTo(PushErrorCode.FETCH_FIRST));

        store.removeAttachment(PROJECT, changed);
        Recorded recorded = new Recorded();
        PushReport report = push(base, pushed, recorded);
        assertThat(report.unchanged()).containsExactly(ASSETS + "/notes.txt");
        assertThat(recorded.page(runbook).attachments()).isEmpty();
    }

    @Test
    void aMovedPageKeepsItsAttachmentsWhichMoveWithItInTheRecordedState() {
        Attachment flow = attach("flow.png", "v1");
        fixture.file(ASSETS + "/flow.png", "v1");
        ObjectId base = base(Map.of(flow.id(), stateOf(flow, ASSETS + "/flow.png")));
        ObjectId pushed = fixture.push(base, "Move", edits -> edits.delete(RUNBOOK).delete(ASSETS + "/flow.png")
                .put("pages/Ops/Runbook.md", pageText(runbook.value(), "Runbook", "Steps\n"))
                .put("pages/Ops/Runbook.assets/flow.png", "v1"));
        Recorded recorded = new Recorded();

        PushReport report = push(base, pushed, recorded);

        assertThat(report.uploaded()).isEmpty();
        assertThat(report.deletedAttachments()).isEmpty();
        assertThat(attachmentsNow()).containsExactly(flow);
        assertThat(recorded.page(runbook).attachments().get(flow.id()).path())
                .isEqualTo("pages/Ops/Runbook.assets/flow.png");
    }

    @Test
    void anImageLinkedFromOutsideThePageFolderIsUploadedAndTheFollowUpCommitPutsItInTheFolder() {
        fixture.file("images/deploy.png", "PNG");
        ObjectId base = base(Map.of());
        ObjectId pushed = fixture.push(base, "Link", edits -> edits.put(RUNBOOK,
                pageText(runbook.value(), "Runbook", "Steps\n\n![deploy](../images/deploy.png)\n")));
        Recorded recorded = new Recorded();

        PushReport report = push(base, pushed, recorded);

        assertThat(report.uploaded()).containsExactly("images/deploy.png");
        assertThat(runbookNow().body()).contains("![deploy](reposix:attachment/deploy.png)");
        assertThat(report.followUpFiles()).contains(RUNBOOK, ASSETS + "/deploy.png");
        assertThat(recorded.files).contains(ASSETS + "/deploy.png", "images/deploy.png");
        assertThat(recorded.page(runbook).attachments().values()).singleElement()
                .satisfies(state -> assertThat(state.path()).isEqualTo(ASSETS + "/deploy.png"));
    }

    @Test
    void aNewPageGetsItsFilesAfterItIsCreated() {
        ObjectId base = base(Map.of());
        ObjectId pushed = fixture.push(base, "Failover", edits -> edits
                .put("pages/Failover.md", pageText(null, "Failover", "![p](Failover.assets/plan.pdf)\n"))
                .put("pages/Failover.assets/plan.pdf", "%PDF"));
        Recorded recorded = new Recorded();

        PushReport report = push(base, pushed, recorded);

        assertThat(report.created()).containsExactly("pages/Failover.md");
        assertThat(report.uploaded()).containsExactly("pages/Failover.assets/plan.pdf");
        RecordId created = recorded.state.records().entrySet().stream()
                .filter(entry -> entry.getValue().path().equals("pages/Failover.md"))
                .map(entry -> RecordId.of(entry.getKey())).findFirst().orElseThrow();
        try (SourceOfTruth source = provider.open(PROJECT, TestingBackendContext.offline())) {
            assertThat(source.attachments(List.of(created)).get(created)).singleElement()
                    .satisfies(file -> assertThat(file.mediaType()).isEqualTo("application/pdf"));
        }
        assertThat(recorded.page(created).attachments().values()).singleElement()
                .satisfies(state -> assertThat(state.path()).isEqualTo("pages/Failover.assets/plan.pdf"));
    }

    @Test
    void anInterruptedPushNamesTheLandedUploadsAndThePushAgainWritesOnlyTheRest() {
        ObjectId base = base(Map.of());
        ObjectId pushed = fixture.push(base, "Two files", edits -> edits.put(ASSETS + "/a.txt", "a")
                .put(ASSETS + "/b.txt", "b"));
        failingUpload.add("b.txt");

        assertThatThrownBy(() -> push(base, pushed, new Recorded())).isInstanceOfSatisfying(ReposixException.class,
                refused -> {
                    assertThat(refused.errorCode()).isEqualTo(PushErrorCode.INTERRUPTED);
                    assertThat(refused.getMessage()).contains("uploaded " + ASSETS + "/a.txt (page " + runbook.value()
                            + ")").doesNotContain("uploaded " + ASSETS + "/b.txt");
                });
        assertThat(fixture.cache.location().directory().resolve(Pushes.JOURNAL_FILE)).content()
                .contains("upload-attachment " + runbook.value() + " " + ASSETS + "/a.txt");

        failingUpload.clear();
        PushReport report = push(base, pushed, new Recorded());

        assertThat(report.unchanged()).containsExactly(ASSETS + "/a.txt");
        assertThat(report.uploaded()).containsExactly(ASSETS + "/b.txt");
        assertThat(attachmentsNow()).extracting(Attachment::version).containsOnly(1L);
    }

    /** A source of truth whose uploads of some file names fail, as if the connection dropped. */
    private static final class FailingUploads extends ForwardingSourceOfTruth {
        private final Set<String> failing;

        FailingUploads(SourceOfTruth delegate, Set<String> failing) {
            super(delegate);
            this.failing = failing;
        }

        @Override
        public Attachment writeAttachment(RecordId record, String fileName, String mediaType, byte[] content,
                String comment) {
            if (failing.contains(fileName)) {
                throw new ReposixException(StandardErrorCode.BACKEND_FAILURE, "connection reset");
            }
            return delegate.writeAttachment(record, fileName, mediaType, content, comment);
        }
    }
}
