package dev.reposix.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reposix.api.ReposixException;
import dev.reposix.git.internal.GitBinary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a working tree follows its cache after a sync: fast-forwarded when it is clean and has nothing
 * of its own, and otherwise left exactly as it was, with the reason.
 */
class WorkingTreeFastForwardTest {

    private static final String ORIGIN = "reposix::https://acme.example/wiki/confluence/projects/ENG";

    @TempDir
    Path root;

    private Path tree;

    @BeforeEach
    void cloneOfTheFirstImport() {
        tree = root.resolve("tree");
        try (Cache cache = cache()) {
            commit(cache, draft -> {
                draft.put("a.md", bytes("a\n"));
                draft.put("b.md", bytes("b\n"));
            });
            WorkingTree.create(cache, tree, ORIGIN);
        }
    }

    @Test
    void aCleanTreeIsFastForwardedAndThenUpToDate() throws IOException {
        try (Cache cache = cache()) {
            ObjectId next = commit(cache, draft -> {
                draft.put("a.md", bytes("a, edited\n"));
                draft.put("pages/new.md", bytes("new\n"));
                draft.delete("b.md");
            });

            assertThat(WorkingTree.fastForward(cache, tree, "origin")).isEqualTo(WorkingTree.Update.FAST_FORWARDED);

            assertThat(git("rev-parse", "HEAD")).isEqualTo(next.name());
            assertThat(git("rev-parse", "refs/remotes/origin/main")).isEqualTo(next.name());
            assertThat(tree.resolve("a.md")).hasContent("a, edited");
            assertThat(tree.resolve("pages/new.md")).hasContent("new");
            assertThat(tree.resolve("b.md")).doesNotExist();
            assertThat(git("status", "--porcelain", "--untracked-files=all")).isEmpty();
            assertThat(WorkingTree.fastForward(cache, tree, "origin")).isEqualTo(WorkingTree.Update.UP_TO_DATE);
        }
    }

    @Test
    void uncommittedChangesLeaveTheTreeUntouched() throws IOException {
        Files.writeString(tree.resolve("b.md"), "my edit\n");
        try (Cache cache = cache()) {
            commit(cache, draft -> draft.put("a.md", bytes("a, edited\n")));

            assertLeftAlone(cache, WorkingTree.Update.NOT_CLEAN);

            assertThat(tree.resolve("a.md")).hasContent("a");
            assertThat(tree.resolve("b.md")).hasContent("my edit");
        }
    }

    @Test
    void anUntrackedFileInTheWayLeavesTheTreeUntouched() throws IOException {
        Files.writeString(tree.resolve("new.md"), "mine\n");
        Files.writeString(tree.resolve("notes.txt"), "an untracked file elsewhere is no reason to stop\n");
        try (Cache cache = cache()) {
            commit(cache, draft -> draft.put("new.md", bytes("theirs\n")));

            assertLeftAlone(cache, WorkingTree.Update.NOT_CLEAN);

            assertThat(tree.resolve("new.md")).hasContent("mine");
        }
    }

    @Test
    void anUntrackedFileOutOfTheWayDoesNotStopIt() throws IOException {
        Files.writeString(tree.resolve("notes.txt"), "mine\n");
        try (Cache cache = cache()) {
            commit(cache, draft -> draft.put("a.md", bytes("a, edited\n")));

            assertThat(WorkingTree.fastForward(cache, tree, "origin")).isEqualTo(WorkingTree.Update.FAST_FORWARDED);

            assertThat(tree.resolve("a.md")).hasContent("a, edited");
            assertThat(tree.resolve("notes.txt")).hasContent("mine");
        }
    }

    @Test
    void aMergeGitCannotDoForAnotherReasonIsAnErrorThatNamesTheTree() throws IOException {
        // another git command holds the index
        Files.writeString(tree.resolve(".git/index.lock"), "");
        try (Cache cache = cache()) {
            commit(cache, draft -> draft.put("a.md", bytes("a, edited\n")));

            assertThatThrownBy(() -> WorkingTree.fastForward(cache, tree, "origin"))
                    .isInstanceOfSatisfying(ReposixException.class, failure -> {
                        assertThat(failure.errorCode()).isEqualTo(GitErrorCode.GIT_FAILURE);
                        assertThat(failure.getMessage()).contains("cannot update the working tree " + tree)
                                .contains("index.lock");
                    });
            assertThat(tree.resolve("a.md")).hasContent("a");
        }
    }

    @Test
    void commitsOfItsOwnOnTopAreAheadAndBesideTheCachesAreDiverged() throws IOException {
        Files.writeString(tree.resolve("b.md"), "b, mine\n");
        git("-c", "user.name=Jane", "-c", "user.email=jane@acme.example", "commit", "--quiet", "-am", "mine");
        String mine = git("rev-parse", "HEAD");
        try (Cache cache = cache()) {
            assertLeftAlone(cache, WorkingTree.Update.AHEAD);

            commit(cache, draft -> draft.put("a.md", bytes("a, edited\n")));

            assertLeftAlone(cache, WorkingTree.Update.DIVERGED);
            assertThat(git("rev-parse", "HEAD")).isEqualTo(mine);
            assertThat(tree.resolve("a.md")).hasContent("a");
        }
    }

    @Test
    void anotherBranchCheckedOutIsLeftAlone() {
        git("checkout", "--quiet", "-b", "topic");
        try (Cache cache = cache()) {
            commit(cache, draft -> draft.put("a.md", bytes("a, edited\n")));

            assertLeftAlone(cache, WorkingTree.Update.OTHER_BRANCH);

            assertThat(git("rev-parse", "--abbrev-ref", "HEAD")).isEqualTo("topic");
            assertThat(tree.resolve("a.md")).hasContent("a");
        }
    }

    /** Runs the fast-forward, expecting it to end as given with {@code HEAD} where it was. */
    private void assertLeftAlone(Cache cache, WorkingTree.Update expected) {
        String head = git("rev-parse", "HEAD");
        assertThat(WorkingTree.fastForward(cache, tree, "origin")).isEqualTo(expected);
        assertThat(git("rev-parse", "HEAD")).isEqualTo(head);
    }

    private Cache cache() {
        return TestRepos.cache(root.resolve("caches"));
    }

    /** Commits on the cache's main. */
    private static ObjectId commit(Cache cache, Consumer<CommitDraft> changes) {
        try (CacheLock lock = TestRepos.lock(cache)) {
            SyncTransaction transaction = cache.beginSync(lock);
            ObjectId commit;
            try (CommitDraft draft = transaction.newCommit()) {
                changes.accept(draft);
                commit = draft.commit(TestRepos.JANE, TestRepos.REPOSIX, "Sync");
                transaction.advanceMain(commit);
            }
            assertThat(transaction.apply(TestRepos.T0, TestRepos.REPOSIX).applied()).isTrue();
            return commit;
        }
    }

    private String git(String... arguments) {
        return GitBinary.check(tree, arguments);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
