package dev.reposix.git;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reposix.api.ReposixException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncTransactionTest {

    @TempDir
    Path root;

    private Cache cache;
    private Repository repository;
    private CacheLock lock;

    @BeforeEach
    void open() {
        cache = TestRepos.cache(root);
        repository = cache.repository();
        lock = TestRepos.lock(cache);
    }

    @AfterEach
    void close() {
        lock.close();
        cache.close();
    }

    private TransactionOutcome sync(Instant at, Map<String, String> puts) {
        SyncTransaction transaction = cache.beginSync(lock);
        if (!puts.isEmpty()) {
            try (CommitDraft draft = transaction.newCommit()) {
                puts.forEach((path, text) -> draft.put(path, text.getBytes(UTF_8)));
                transaction.advanceMain(draft.commit(TestRepos.JANE, TestRepos.REPOSIX.at(at), "sync"));
            }
        }
        return transaction.apply(at, TestRepos.REPOSIX);
    }

    private Map<String, ObjectId> allRefs() throws Exception {
        Map<String, ObjectId> refs = new TreeMap<>();
        for (Ref ref : repository.getRefDatabase().getRefsByPrefix("refs/")) {
            refs.put(ref.getName(), ref.getObjectId());
        }
        return refs;
    }

    @Test
    void aFirstSyncMovesMainAndCreatesTheSyncTagAndBothMirrorRefs() throws Exception {
        TransactionOutcome outcome = sync(TestRepos.T0, Map.of("pages/a.md", "a"));

        assertThat(outcome.applied()).isTrue();
        assertThat(outcome.syncTag()).contains("refs/reposix/sync/20261124T061500Z");
        ObjectId main = cache.main().orElseThrow();
        assertThat(allRefs()).containsOnlyKeys("refs/heads/main", "refs/reposix/sync/20261124T061500Z",
                "refs/mirrors/confluence-head", "refs/mirrors/confluence-synced-at");
        assertThat(allRefs().get("refs/mirrors/confluence-head")).isEqualTo(main);
        assertThat(allRefs().get("refs/reposix/sync/20261124T061500Z")).isEqualTo(main);
    }

    @Test
    void theSyncedAtRefIsAnAnnotatedTagOnTheHeadWithTheExactMessage() throws Exception {
        sync(Instant.parse("2026-11-24T06:15:00.789Z"), Map.of("pages/a.md", "a"));

        try (RevWalk walk = new RevWalk(repository)) {
            RevObject object = walk.parseAny(repository.exactRef("refs/mirrors/confluence-synced-at").getObjectId());
            assertThat(object.getType()).isEqualTo(Constants.OBJ_TAG);
            RevTag tag = (RevTag) object;
            assertThat(tag.getFullMessage()).isEqualTo("mirror synced at 2026-11-24T06:15:00Z\n");
            assertThat(tag.getShortMessage()).isEqualTo("mirror synced at 2026-11-24T06:15:00Z");
            assertThat(tag.getObject()).isEqualTo(cache.main().orElseThrow());
            assertThat(tag.getTaggerIdent().getName()).isEqualTo("reposix");
        }
    }

    @Test
    void theLastSyncTimeIsTheSyncedAtTagsTimeAndMovesWithANoOpSync() {
        assertThat(cache.lastSynced()).isEmpty();

        sync(Instant.parse("2026-11-24T06:15:00.789Z"), Map.of("pages/a.md", "a"));
        assertThat(cache.lastSynced()).contains(Instant.parse("2026-11-24T06:15:00Z"));

        sync(Instant.parse("2026-11-24T07:00:00Z"), Map.of());
        assertThat(cache.lastSynced()).contains(Instant.parse("2026-11-24T07:00:00Z"));
    }

    @Test
    void syncTagsGetSuffixesOnACollisionAndListNewestFirst() {
        sync(TestRepos.T0, Map.of("a.md", "1"));
        sync(TestRepos.T0.plusMillis(300), Map.of("a.md", "2"));
        TransactionOutcome third = sync(TestRepos.T0, Map.of("a.md", "3"));
        sync(TestRepos.T0.plusSeconds(1), Map.of("a.md", "4"));

        assertThat(third.syncTag()).contains("refs/reposix/sync/20261124T061500Z-3");
        assertThat(cache.syncTags()).containsExactly("refs/reposix/sync/20261124T061501Z",
                "refs/reposix/sync/20261124T061500Z-3", "refs/reposix/sync/20261124T061500Z-2",
                "refs/reposix/sync/20261124T061500Z");
    }

    @Test
    void aNoOpSyncMovesOnlyTheMirrorRefs() throws Exception {
        sync(TestRepos.T0, Map.of("a.md", "1"));
        Map<String, ObjectId> before = allRefs();

        TransactionOutcome outcome = sync(TestRepos.T0.plusSeconds(60), Map.of());

        assertThat(outcome.applied()).isTrue();
        assertThat(outcome.syncTag()).isEmpty();
        assertThat(outcome.refs()).containsOnlyKeys("refs/mirrors/confluence-head", "refs/mirrors/confluence-synced-at");
        Map<String, ObjectId> after = allRefs();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        assertThat(after.get("refs/heads/main")).isEqualTo(before.get("refs/heads/main"));
        assertThat(after.get("refs/mirrors/confluence-synced-at")).isNotEqualTo(before.get("refs/mirrors/confluence-synced-at"));
        try (RevWalk walk = new RevWalk(repository)) {
            assertThat(walk.parseTag(after.get("refs/mirrors/confluence-synced-at")).getShortMessage())
                    .isEqualTo("mirror synced at 2026-11-24T06:16:00Z");
        }
    }

    @Test
    void aRefMovedDuringTheSyncRejectsTheWholeBatch() throws Exception {
        sync(TestRepos.T0, Map.of("a.md", "1"));
        ObjectId firstMain = cache.main().orElseThrow();
        SyncTransaction transaction = cache.beginSync(lock);
        ObjectId ours;
        try (CommitDraft draft = transaction.newCommit()) {
            ours = draft.put("a.md", "ours".getBytes(UTF_8)).commit(TestRepos.JANE, TestRepos.REPOSIX, "ours");
        }
        transaction.advanceMain(ours);
        transaction.recordState(ours, SyncState.empty());
        Map<String, ObjectId> before = allRefs();
        ObjectId theirs;
        try (CommitDraft draft = new CommitDraft(repository, java.util.Optional.of(firstMain))) {
            theirs = draft.put("a.md", "theirs".getBytes(UTF_8)).commit(TestRepos.JANE, TestRepos.REPOSIX, "theirs");
        }
        RefUpdate concurrent = repository.updateRef("refs/mirrors/confluence-head");
        concurrent.setNewObjectId(theirs);
        concurrent.setForceUpdate(true);
        assertThat(concurrent.update()).isEqualTo(RefUpdate.Result.FORCED);
        before.put("refs/mirrors/confluence-head", theirs);

        TransactionOutcome outcome = transaction.apply(TestRepos.T0.plusSeconds(5), TestRepos.REPOSIX);

        assertThat(outcome.status()).isEqualTo(TransactionOutcome.Status.REJECTED);
        assertThat(outcome.syncTag()).isEmpty();
        assertThat(outcome.rejections()).anySatisfy(line -> assertThat(line).startsWith("refs/mirrors/confluence-head"));
        assertThat(allRefs()).isEqualTo(before);
        assertThat(repository.exactRef("refs/reposix/state")).isNull();
    }

    @Test
    void mainOnlyFastForwardsAndATransactionIsSingleUse() {
        sync(TestRepos.T0, Map.of("a.md", "1"));
        SyncTransaction transaction = cache.beginSync(lock);
        ObjectId unrelated;
        try (CommitDraft draft = new CommitDraft(repository, java.util.Optional.empty())) {
            unrelated = draft.put("b.md", "x".getBytes(UTF_8)).commit(TestRepos.JANE, TestRepos.REPOSIX, "root");
        }
        assertThatThrownBy(() -> transaction.advanceMain(unrelated))
                .isInstanceOfSatisfying(ReposixException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(GitErrorCode.TRANSACTION_MISUSE));
        transaction.apply(TestRepos.T0, TestRepos.REPOSIX);
        assertThatThrownBy(() -> transaction.apply(TestRepos.T0, TestRepos.REPOSIX))
                .isInstanceOf(ReposixException.class);
    }

    @Test
    void aTransactionNeedsTheHeldLock() {
        lock.close();

        assertThatThrownBy(() -> cache.beginSync(lock))
                .isInstanceOfSatisfying(ReposixException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(GitErrorCode.TRANSACTION_MISUSE));
        lock = TestRepos.lock(cache);
    }

    @Test
    void severalCommitsOfOneSyncMoveMainOnceToTheLast() {
        SyncTransaction transaction = cache.beginSync(lock);
        for (String page : List.of("a", "b", "c")) {
            try (CommitDraft draft = transaction.newCommit()) {
                transaction.advanceMain(draft.put("pages/" + page + ".md", page.getBytes(UTF_8))
                        .commit(TestRepos.JANE, TestRepos.REPOSIX, "edit " + page));
            }
        }
        TransactionOutcome outcome = transaction.apply(TestRepos.T0, TestRepos.REPOSIX);

        assertThat(outcome.applied()).isTrue();
        assertThat(cache.trees().files(cache.main().orElseThrow())).containsOnlyKeys("pages/a.md", "pages/b.md",
                "pages/c.md");
    }

    /** A commit on top of {@code parent} (or a root), not on any ref. */
    private ObjectId commitOn(java.util.Optional<ObjectId> parent, String path, String text) {
        try (CommitDraft draft = new CommitDraft(repository, parent)) {
            draft.put(path, text.getBytes(UTF_8));
            return draft.commit(TestRepos.JANE, TestRepos.REPOSIX.at(TestRepos.T0), "elsewhere");
        }
    }

    @Test
    void adoptingABaseOnAnEmptyCacheOrAheadOfMainBuildsOnIt() {
        ObjectId mirror = commitOn(java.util.Optional.empty(), "README.md", "mirror");
        SyncTransaction first = cache.beginSync(lock);
        assertThat(first.adoptBase(mirror)).isEqualTo(SyncTransaction.Adoption.ADOPTED);
        assertThat(first.main()).contains(mirror);
        try (CommitDraft draft = first.newCommit()) {
            assertThat(draft.parent()).contains(mirror);
        }
        assertThat(first.apply(TestRepos.T0, TestRepos.REPOSIX).applied()).isTrue();
        assertThat(cache.main()).contains(mirror);

        ObjectId ahead = commitOn(java.util.Optional.of(mirror), ".github/workflows/sync.yml", "on: push");
        assertThat(cache.beginSync(lock).adoptBase(ahead)).isEqualTo(SyncTransaction.Adoption.ADOPTED);
        assertThat(cache.beginSync(lock).adoptBase(mirror)).isEqualTo(SyncTransaction.Adoption.SAME);
    }

    @Test
    void anOlderBaseKeepsMainAndADivergedOneReplacesIt() {
        sync(TestRepos.T0, Map.of("pages/a.md", "a"));
        ObjectId older = cache.main().orElseThrow();
        sync(TestRepos.T0.plusSeconds(60), Map.of("pages/a.md", "b"));
        ObjectId main = cache.main().orElseThrow();

        SyncTransaction kept = cache.beginSync(lock);
        assertThat(kept.adoptBase(older)).isEqualTo(SyncTransaction.Adoption.KEPT);
        assertThat(kept.main()).contains(main);

        ObjectId diverged = commitOn(java.util.Optional.of(older), "README.md", "other");
        SyncTransaction replaced = cache.beginSync(lock);
        assertThat(replaced.adoptBase(diverged)).isEqualTo(SyncTransaction.Adoption.REPLACED);
        assertThat(replaced.apply(TestRepos.T0.plusSeconds(120), TestRepos.REPOSIX).applied()).isTrue();
        assertThat(cache.main()).contains(diverged);
    }

    @Test
    void aBaseCannotBeAdoptedOnceCommitsWereMade() {
        SyncTransaction transaction = cache.beginSync(lock);
        try (CommitDraft draft = transaction.newCommit()) {
            draft.put("pages/a.md", "a".getBytes(UTF_8));
            transaction.advanceMain(draft.commit(TestRepos.JANE, TestRepos.REPOSIX.at(TestRepos.T0), "sync"));
        }
        ObjectId other = commitOn(java.util.Optional.empty(), "README.md", "x");
        assertThatThrownBy(() -> transaction.adoptBase(other)).isInstanceOf(ReposixException.class)
                .hasMessageContaining("before the first commit");
    }
}
