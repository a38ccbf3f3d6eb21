package dev.reposix.git;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reposix.git.internal.StateCodec;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncStateTest {

    @TempDir
    Path root;

    private Cache cache;
    private CacheLock lock;

    @BeforeEach
    void open() {
        cache = TestRepos.cache(root.resolve("cache"));
        lock = TestRepos.lock(cache);
    }

    @AfterEach
    void close() {
        lock.close();
        cache.close();
    }

    private static RecordState record(long version, String title, String path, String... labels) {
        return new RecordState(version, "sha256:" + Integer.toHexString((title + version).hashCode()), title,
                version > 1 ? Optional.of("100") : Optional.empty(), new TreeSet<>(List.of(labels)), path);
    }

    private static SyncState state(int records) {
        SortedMap<String, RecordState> map = new TreeMap<>();
        for (int id = 0; id < records; id++) {
            map.put(Integer.toString(100 + id), record(1, "Page " + id, "pages/Page " + id + ".md", "l" + (id % 3)));
        }
        return new SyncState(map);
    }

    /** Commits one file, records the state for the commit and applies; returns objects inserted for the state. */
    private int syncWithState(String content, SyncState state) {
        SyncTransaction transaction = cache.beginSync(lock);
        ObjectId commit;
        try (CommitDraft draft = transaction.newCommit()) {
            commit = draft.put("pages/x.md", content.getBytes(UTF_8)).commit(TestRepos.JANE, TestRepos.REPOSIX, "s");
        }
        transaction.advanceMain(commit);
        int inserted = transaction.recordState(commit, state);
        assertThat(transaction.apply(TestRepos.T0, TestRepos.REPOSIX).applied()).isTrue();
        return inserted;
    }

    @Test
    void recordPathsKeepTheirFormatSoCachesWrittenBeforeStayReadable() {
        // the shard is the first byte of the id's SHA-1 in lower-case hex; other bytes than [A-Za-z0-9_-] are %XX
        assertThat(StateCodec.recordPath("12345")).isEqualTo("records/8c/12345");
        assertThat(StateCodec.recordPath("~jane/\u00fc x")).isEqualTo("records/bf/%7Ejane%2F%C3%BC%20x");
        assertThat(StateCodec.decodeId("%7Ejane%2F%C3%BC%20x")).isEqualTo("~jane/\u00fc x");
    }

    @Test
    void aRecordSurvivesTheRoundTripIncludingAwkwardCharacters() {
        RecordState awkward = new RecordState(7, "sha256:abc", "Line\nbreak \\ back slash, CR\r and  spaces ",
                Optional.of("parent id with spaces"), new TreeSet<>(List.of("b", "a", "ü")), "pages/Ünï code.md",
                new TreeMap<>(java.util.Map.of("status", "current", "note", "multi word\nvalue")));
        byte[] encoded = StateCodec.encode(awkward);

        assertThat(StateCodec.decode(encoded, "1")).isEqualTo(awkward);
        assertThat(new String(encoded, UTF_8)).startsWith("reposix-record 1\nversion 7\n")
                .contains("label a\nlabel b\nlabel ü\n");
    }

    @Test
    void attachmentsSurviveTheRoundTripWithSpacesInNamesAndPathsAndAFileLeftRemote() {
        java.util.SortedMap<String, AttachmentState> files = new TreeMap<>();
        files.put("att 1", new AttachmentState("deploy flow.png", 3, 1234, "pages/Run book.assets/deploy flow.png",
                Optional.empty()));
        files.put("att2", new AttachmentState("huge - video.mp4", 1, 50_000_000L, "pages/Run book.assets/huge - video.mp4",
                Optional.of("https://acme.example/wiki/download/attachments/1/huge%20-%20video.mp4")));
        RecordState withFiles = new RecordState(2, "sha256:abc", "Run book", Optional.empty(), new TreeSet<>(),
                "pages/Run book.md", new TreeMap<>(), files);

        byte[] encoded = StateCodec.encode(withFiles);

        assertThat(StateCodec.decode(encoded, "1")).isEqualTo(withFiles);
        assertThat(new String(encoded, UTF_8)).contains("attachment att\\s1 3 1234 pages/Run\\sbook.assets/deploy\\sflow.png - deploy flow.png\n");
        assertThat(StateCodec.decode(StateCodec.encode(withFiles.withAttachments(new TreeMap<>())), "1").attachments())
                .isEmpty();
    }

    @Test
    void aTruncatedAttachmentLineIsReportedAsACorruptState() {
        byte[] broken = "reposix-record 1\nversion 1\ncontent-hash h\ntitle t\npath p.md\nattachment a 1 2\n"
                .getBytes(UTF_8);

        assertThatThrownBy(() -> StateCodec.decode(broken, "9"))
                .hasMessageContaining("sync state of record 9").hasMessageContaining("too few fields");
    }

    @Test
    void theStateBehindASyncCommitIsReadBack() {
        SyncState written = state(5).with("weird/id ~x", record(3, "Odd", "pages/Odd.md"));
        syncWithState("one", written);

        assertThat(cache.syncStates().read(cache.main().orElseThrow())).contains(written);
        assertThat(cache.syncStates().read(ObjectId.zeroId())).isEmpty();
    }

    @Test
    void serialisationIsDeterministicAcrossRepositories() throws Exception {
        syncWithState("one", state(50));
        ObjectId firstTree = stateTreeOfLatest(cache.repository());
        try (Cache other = TestRepos.cache(root.resolve("other")); CacheLock otherLock = TestRepos.lock(other)) {
            SyncTransaction transaction = other.beginSync(otherLock);
            ObjectId commit;
            try (CommitDraft draft = transaction.newCommit()) {
                commit = draft.put("z.md", "z".getBytes(UTF_8)).commit(TestRepos.JANE, TestRepos.REPOSIX, "s");
            }
            transaction.advanceMain(commit);
            // built incrementally in a different order of history: empty first, then the full state
            transaction.recordState(commit, state(50).without("101"));
            transaction.recordState(commit, state(50));
            transaction.apply(TestRepos.T0, TestRepos.REPOSIX);
            assertThat(stateTreeOfLatest(other.repository())).isEqualTo(firstTree);
        }
    }

    @Test
    void changingThreeOfTenThousandRecordsWritesOnlyAFewObjects() {
        SyncState big = state(10_000);
        syncWithState("one", big);
        SyncState changed = big.with("105", record(2, "Page 5 renamed", "pages/Page 5 renamed.md"))
                .with("20000", record(1, "New", "pages/New.md")).without("9000");
        long before = TestRepos.looseObjects(cache.repository().getDirectory().toPath());

        int inserted = syncWithState("two", changed);

        // 2 record blobs, 3 shard trees, records/ and the state tree; index: 2 fanout levels + root
        assertThat(inserted).isLessThanOrEqualTo(12);
        long written = TestRepos.looseObjects(cache.repository().getDirectory().toPath()) - before;
        // plus the sync commit, its blob and trees, the state commit and the synced-at tag
        assertThat(written).isLessThan(25);
        assertThat(cache.syncStates().read(cache.main().orElseThrow())).contains(changed);
    }

    @Test
    void aStateWrittenFromTheStateItWasBuiltOnIsTheSameTreeAsOneWrittenFromScratch() {
        SyncState big = state(2_000);
        syncWithState("one", big);
        SyncStateStore.Found read = cache.syncStates().findNearest(cache.main().orElseThrow(), 0).orElseThrow();
        SyncState changed = big.with("105", record(2, "Page 5 renamed", "pages/Page 5 renamed.md"))
                .with("20000", record(1, "New", "pages/New.md")).without("900");
        SyncTransaction transaction = cache.beginSync(lock);

        SyncTransaction.WrittenState fromBase = transaction.writeState(changed, Optional.of(read));
        SyncTransaction.WrittenState fromScratch = transaction.writeState(changed);
        // a base that already has the renamed record would leave it out: it is used only when its tree
        // is the latest state recorded
        SyncState claimsTheRename = big.with("105", record(2, "Page 5 renamed", "pages/Page 5 renamed.md"));
        SyncTransaction.WrittenState fromAnOlderTree = transaction.writeState(changed,
                Optional.of(new SyncStateStore.Found(read.commit(), claimsTheRename, ObjectId.zeroId())));
        SyncTransaction.WrittenState fromTheLatestTree = transaction.writeState(changed,
                Optional.of(new SyncStateStore.Found(read.commit(), claimsTheRename, read.tree())));

        assertThat(fromBase.tree()).isEqualTo(fromScratch.tree()).isEqualTo(fromAnOlderTree.tree());
        assertThat(fromTheLatestTree.tree()).isNotEqualTo(fromScratch.tree());
        // 2 record blobs and the trees above them, not 2,000 records encoded and compared
        assertThat(fromBase.objectsInserted()).isLessThanOrEqualTo(7);
    }

    @Test
    void aCloneThatFetchedTheStateRefReadsTheStateOfAnyRecordedCommit() throws Exception {
        SyncState first = state(3);
        syncWithState("one", first);
        ObjectId firstCommit = cache.main().orElseThrow();
        SyncState second = first.with("999", record(1, "Later", "pages/Later.md"));
        syncWithState("two", second);

        Path clone = root.resolve("clone.git");
        try (Git git = Git.init().setBare(true).setDirectory(clone.toFile()).call()) {
            git.fetch().setRemote(cache.repository().getDirectory().toURI().toString())
                    .setRefSpecs(new RefSpec("refs/heads/main:refs/remotes/mirror/main"),
                            new RefSpec("refs/reposix/state:refs/remotes/mirror/reposix-state"))
                    .call();
            SyncStateStore store = new SyncStateStore(git.getRepository(), "refs/remotes/mirror/reposix-state");
            assertThat(store.read(firstCommit)).contains(first);
            assertThat(store.read(cache.main().orElseThrow())).contains(second);
        }
    }

    @Test
    void theNearestRecordedAncestorIsFoundForALaterCommit() {
        syncWithState("one", state(2));
        ObjectId recorded = cache.main().orElseThrow();
        ObjectId later;
        try (CommitDraft draft = new CommitDraft(cache.repository(), Optional.of(recorded))) {
            later = draft.put("user.md", "edit".getBytes(UTF_8)).commit(TestRepos.JANE, TestRepos.JANE, "user");
        }

        assertThat(cache.syncStates().findNearest(later, 10)).hasValueSatisfying(found -> {
            assertThat(found.commit()).isEqualTo(recorded);
            assertThat(found.state()).isEqualTo(state(2));
        });
    }

    private static ObjectId stateTreeOfLatest(Repository repository) throws Exception {
        try (RevWalk walk = new RevWalk(repository);
                org.eclipse.jgit.treewalk.TreeWalk treeWalk = org.eclipse.jgit.treewalk.TreeWalk.forPath(repository,
                        "latest", walk.parseCommit(repository.resolve("refs/reposix/state")).getTree())) {
            return treeWalk.getObjectId(0);
        }
    }
}
