package dev.reposix.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reposix.api.ReposixException;
import dev.reposix.git.internal.GitBinary;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Consumer;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new working tree written while its commit is made, then made a clone by the git binary: the
 * result is exactly a checkout of the commit, whatever was written ahead, and a failure before that
 * leaves nothing behind.
 */
class CheckoutAheadTest {

    private static final String ORIGIN = "reposix::https://acme.example/wiki/confluence/projects/ENG";

    @TempDir
    Path root;

    @Test
    void filesWrittenWhileCommittingBecomeACleanCloneWithNothingLeftToCheckOut() throws IOException {
        Path tree = root.resolve("tree");
        try (Cache cache = TestRepos.cache(root.resolve("caches")); CheckoutAhead files = CheckoutAhead.into(tree)) {
            commit(cache, files, draft -> {
                draft.put(".reposix/config", bytes("scheme = confluence\n"));
                for (int i = 0; i < 50; i++) {
                    draft.put("pages/Team " + i + "/Page " + i + ".md", bytes("# Page " + i + "\n"));
                }
            });
            // Written before the tree is made: the working tree already holds them.
            assertThat(tree.resolve("pages/Team 7/Page 7.md")).hasContent("# Page 7");

            WorkingTree.create(cache, files, ORIGIN);
        }

        assertCleanClone(tree);
        // The index has every file's stat data: git sees no file to re-read.
        assertThat(GitBinary.run(tree, "diff-files", "--quiet").ok()).isTrue();
        assertThat(git(tree, "rev-parse", "--abbrev-ref", "HEAD")).isEqualTo("main");
        assertThat(git(tree, "config", "remote.origin.url")).isEqualTo(ORIGIN);
        assertThat(git(tree, "config", "branch.main.remote")).isEqualTo("origin");
        assertThat(git(tree, "ls-files")).contains("pages/Team 49/Page 49.md");
        try (var entries = Files.list(tree)) {
            assertThat(entries.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder(
                    ".git", ".reposix", "pages");
        }
    }

    @Test
    void whatWasNotWrittenAheadOrDiffersIsCheckedOutFromTheCommit() throws IOException {
        Path tree = root.resolve("tree");
        try (Cache cache = TestRepos.cache(root.resolve("caches")); CheckoutAhead files = CheckoutAhead.into(tree)) {
            commit(cache, files, draft -> {
                draft.put("a.md", bytes("a\n"));
                draft.put("b.md", bytes("b\n"));
                draft.put("tools/run.sh", bytes("#!/bin/sh\n"), FileKind.EXECUTABLE);
                byte[] streamed = bytes("streamed\n");
                draft.put("c.bin", streamed.length, new ByteArrayInputStream(streamed), FileKind.REGULAR);
                draft.put("gone.md", bytes("soon gone\n"));
                draft.delete("gone.md");
                awaitWritten(files);
                // Somebody (or a bug) changed a file written ahead before git indexed it.
                write(tree.resolve("b.md"), "tampered\n");
            });

            WorkingTree.create(cache, files, ORIGIN);
        }

        assertThat(tree.resolve("b.md")).hasContent("b");
        assertThat(tree.resolve("c.bin")).hasContent("streamed");
        assertThat(tree.resolve("tools/run.sh")).isExecutable();
        assertThat(tree.resolve("gone.md")).doesNotExist();
        assertCleanClone(tree);
    }

    @Test
    void gitIndexesTheFilesAgainstTheCommitAsSoonAsItIsWrittenAndTheCloneTakesThatIndex() throws IOException {
        Path tree = root.resolve("tree");
        try (Cache cache = TestRepos.cache(root.resolve("caches")); CheckoutAhead files = CheckoutAhead.into(tree)) {
            ObjectId commit = commit(cache, files, draft -> {
                draft.put("a.md", bytes("a\n"));
                draft.put("pages/b.md", bytes("b\n"));
            });
            Path indexedAhead = files.indexedAhead(commit).orElseThrow();
            Object madeAhead = Files.readAttributes(indexedAhead, BasicFileAttributes.class).fileKey();

            WorkingTree.create(cache, files, ORIGIN);

            assertThat(Files.readAttributes(tree.resolve(".git/index"), BasicFileAttributes.class).fileKey())
                    .as("the clone's index is the file git made ahead").isEqualTo(madeAhead);
        }

        assertCleanClone(tree);
        assertThat(GitBinary.run(tree, "diff-files", "--quiet").ok()).isTrue();
        assertThat(tree.resolve(CheckoutAhead.INDEX_AHEAD)).doesNotExist();
    }

    @Test
    void anIndexMadeAheadForAnotherCommitThanTheClonesIsDroppedAndTheFilesIndexedAgain() throws IOException {
        Path tree = root.resolve("tree");
        try (Cache cache = TestRepos.cache(root.resolve("caches")); CheckoutAhead files = CheckoutAhead.into(tree)) {
            ObjectId first = commit(cache, files, draft -> draft.put("a.md", bytes("a\n")));
            assertThat(files.indexedAhead(first)).isPresent();
            // Another commit lands on main before the tree is made: the index made ahead is of the first.
            commit(cache, null, draft -> draft.put("a.md", bytes("changed\n")));

            WorkingTree.create(cache, files, ORIGIN);
        }

        assertThat(tree.resolve("a.md")).hasContent("changed");
        assertCleanClone(tree);
        assertThat(tree.resolve(CheckoutAhead.INDEX_AHEAD)).doesNotExist();
    }

    @Test
    void anIndexThatCouldNotBeMadeAheadLeavesTheWorkToTheClone() throws IOException {
        Path tree = root.resolve("tree");
        try (Cache cache = TestRepos.cache(root.resolve("caches")); CheckoutAhead files = CheckoutAhead.into(tree)) {
            ObjectId commit = commit(cache, files, draft -> draft.put("a.md", bytes("a\n")));
            Path index = files.indexedAhead(commit).orElseThrow();
            // A second request is ignored; only the first counts.
            files.indexAhead(root.resolve("no-such-repository"), commit);
            assertThat(files.indexedAhead(commit)).contains(index);

            try (CheckoutAhead other = CheckoutAhead.into(root.resolve("other"))) {
                other.put("a.md", bytes("a\n"));
                other.indexAhead(root.resolve("no-such-repository"), commit);
                assertThat(other.indexedAhead(commit)).as("git could not read the repository").isEmpty();
                assertThat(root.resolve("other").resolve(CheckoutAhead.INDEX_AHEAD)).doesNotExist();
                WorkingTree.create(cache, other, ORIGIN);
            }
        }

        assertCleanClone(root.resolve("other"));
    }

    @Test
    void entriesGitCannotReadOrACommitThatNeverComesLeaveTheWorkToTheClone() throws IOException {
        Path tree = root.resolve("tree");
        try (Cache cache = TestRepos.cache(root.resolve("caches")); CheckoutAhead files = CheckoutAhead.into(tree)) {
            files.put("a.md", bytes("a\n"));
            files.indexAhead(cache.location().directory(), bytes("not an index entry\0"));
            ObjectId commit = commit(cache, null, draft -> draft.put("a.md", bytes("a\n")));
            files.indexAhead(cache.location().directory(), commit);
            assertThat(files.indexedAhead(commit)).as("git refused the entries").isEmpty();
            assertThat(tree.resolve(CheckoutAhead.INDEX_AHEAD)).doesNotExist();

            WorkingTree.create(cache, files, ORIGIN);
        }
        assertCleanClone(tree);

        Path other = root.resolve("other");
        try (Cache cache = TestRepos.cache(root.resolve("other-caches")); CheckoutAhead files = CheckoutAhead.into(other)) {
            files.put("a.md", bytes("a\n"));
            files.indexAhead(cache.location().directory(), bytes("100644 " + ObjectId.zeroId().name() + "\ta.md\0"));
            assertThat(files.awaitWritten()).isTrue();
            // ... and the import fails before its commit: closing does not wait for one.
        }
        assertThat(other).doesNotExist();
    }

    @Test
    void aPathPutAgainKeepsTheLastContentAsTheCommitDoes() throws IOException {
        Path tree = root.resolve("tree");
        try (Cache cache = TestRepos.cache(root.resolve("caches")); CheckoutAhead files = CheckoutAhead.into(tree)) {
            commit(cache, files, draft -> {
                draft.put("pages/page.md", bytes("first rendering\n"));
                draft.put("pages/page.md", bytes("rendered again\n"));
            });

            WorkingTree.create(cache, files, ORIGIN);
        }

        assertThat(tree.resolve("pages/page.md")).hasContent("rendered again");
        assertCleanClone(tree);
    }

    @Test
    void withNothingWrittenAheadTheCacheIsClonedAsUsual() {
        Path tree = root.resolve("tree");
        try (Cache cache = TestRepos.cache(root.resolve("caches"))) {
            commit(cache, null, draft -> draft.put("a.md", bytes("a\n")));

            WorkingTree.create(cache, tree, ORIGIN);
        }

        assertThat(tree.resolve("a.md")).hasContent("a");
        assertCleanClone(tree);
    }

    @Test
    void closingBeforeTheTreeIsMadeRemovesEverythingWritten() throws IOException {
        Path made = root.resolve("made");
        Path existing = Files.createDirectories(root.resolve("existing"));
        try (Cache cache = TestRepos.cache(root.resolve("caches")); CacheLock lock = TestRepos.lock(cache);
                CheckoutAhead first = CheckoutAhead.into(made);
                CheckoutAhead second = CheckoutAhead.into(existing)) {
            SyncTransaction transaction = cache.beginSync(lock);
            try (CommitDraft draft = transaction.newCommit()) {
                draft.writingAhead(first).put("pages/deep/down/a.md", bytes("a\n"));
            }
            try (CommitDraft draft = transaction.newCommit()) {
                draft.writingAhead(second).put("pages/b.md", bytes("b\n"));
            }
            assertThat(first.awaitWritten()).isTrue();
            assertThat(second.awaitWritten()).isTrue();
            assertThat(made.resolve("pages/deep/down/a.md")).exists();
            // ... and then the import fails: the files go with the writers.
        }

        assertThat(made).doesNotExist();
        assertThat(existing).isEmptyDirectory();
    }

    @Test
    void aDirectoryWithFilesIsNeverTaken() throws IOException {
        Path tree = Files.createDirectories(root.resolve("tree"));
        Files.writeString(tree.resolve("notes.txt"), "mine\n");

        assertThatThrownBy(() -> CheckoutAhead.into(tree)).isInstanceOf(IllegalArgumentException.class);
        assertThat(tree.resolve("notes.txt")).hasContent("mine");
    }

    @Test
    void aFileThatCannotBeWrittenFailsTheTreeNamingTheDirectoryAndLeavesNothing() throws IOException {
        Path tree = root.resolve("tree");
        try (Cache cache = TestRepos.cache(root.resolve("caches")); CheckoutAhead files = CheckoutAhead.into(tree)) {
            // A folder where the commit has a file: the writer cannot put the file there.
            Files.createDirectories(tree.resolve("a.md"));
            commit(cache, files, draft -> draft.put("a.md", bytes("a\n")));

            assertThatThrownBy(() -> WorkingTree.create(cache, files, ORIGIN))
                    .isInstanceOfSatisfying(ReposixException.class, e -> assertThat(e.getMessage())
                            .contains("could not write the working tree " + tree.toAbsolutePath()));
        }

        assertThat(tree).doesNotExist();
    }

    /** Commits on the cache's main with a draft that writes ahead into {@code files} (if given). */
    private static ObjectId commit(Cache cache, CheckoutAhead files, Consumer<CommitDraft> changes) {
        try (CacheLock lock = TestRepos.lock(cache)) {
            SyncTransaction transaction = cache.beginSync(lock);
            ObjectId commit;
            try (CommitDraft draft = transaction.newCommit()) {
                if (files != null) {
                    draft.writingAhead(files);
                }
                changes.accept(draft);
                commit = draft.commit(TestRepos.JANE, TestRepos.REPOSIX, "Import");
                transaction.advanceMain(commit);
            }
            assertThat(transaction.apply(TestRepos.T0, TestRepos.REPOSIX).applied()).isTrue();
            return commit;
        }
    }

    private static void awaitWritten(CheckoutAhead files) {
        try {
            assertThat(files.awaitWritten()).isTrue();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** Git sees nothing to commit and no untracked file. */
    private static void assertCleanClone(Path directory) {
        assertThat(git(directory, "status", "--porcelain", "--untracked-files=all")).isEmpty();
    }

    private static String git(Path directory, String... arguments) {
        return GitBinary.check(directory, arguments);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
