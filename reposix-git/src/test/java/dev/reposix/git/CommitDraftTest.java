package dev.reposix.git;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reposix.api.ReposixException;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommitDraftTest {

    @TempDir
    Path root;

    private Cache cache;
    private Repository repository;

    @BeforeEach
    void open() {
        cache = TestRepos.cache(root);
        repository = cache.repository();
    }

    @AfterEach
    void close() {
        cache.close();
    }

    private ObjectId commit(Optional<ObjectId> parent, Map<String, String> puts, String... deletes) {
        try (CommitDraft draft = new CommitDraft(repository, parent)) {
            puts.forEach((path, text) -> draft.put(path, text.getBytes(UTF_8)));
            for (String path : deletes) {
                draft.delete(path);
            }
            return draft.commit(TestRepos.JANE, TestRepos.REPOSIX, "change");
        }
    }

    private ObjectId subtree(ObjectId commit, String path) throws Exception {
        try (RevWalk walk = new RevWalk(repository);
                TreeWalk treeWalk = TreeWalk.forPath(repository, path, walk.parseCommit(commit).getTree())) {
            return treeWalk == null ? null : treeWalk.getObjectId(0);
        }
    }

    @Test
    void aRootCommitHoldsNestedFilesWithTheCallersIdentities() throws Exception {
        ObjectId id = commit(Optional.empty(), Map.of("README.md", "hi", "pages/a/b/c.md", "deep"));

        assertThat(cache.trees().files(id)).containsOnlyKeys("README.md", "pages/a/b/c.md");
        assertThat(new String(cache.trees().readBlob(cache.trees().blobAt(id, "pages/a/b/c.md").orElseThrow()), UTF_8))
                .isEqualTo("deep");
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit commit = walk.parseCommit(id);
            assertThat(commit.getParentCount()).isZero();
            assertThat(commit.getAuthorIdent().getName()).isEqualTo("Jane Doe");
            assertThat(commit.getAuthorIdent().getWhenAsInstant()).isEqualTo(TestRepos.T0);
            assertThat(commit.getCommitterIdent().getEmailAddress()).isEqualTo("reposix@reposix.invalid");
        }
    }

    @Test
    void untouchedSubtreesKeepTheirIds() throws Exception {
        ObjectId first = commit(Optional.empty(), Map.of("pages/a/x.md", "x", "pages/b/y.md", "y", ".github/ci.yml", "c"));
        ObjectId second = commit(Optional.of(first), Map.of("pages/a/x.md", "x2"));

        assertThat(subtree(second, "pages/b")).isEqualTo(subtree(first, "pages/b"));
        assertThat(subtree(second, ".github")).isEqualTo(subtree(first, ".github"));
        assertThat(subtree(second, "pages/a")).isNotEqualTo(subtree(first, "pages/a"));
    }

    @Test
    void changingOneOfFiveThousandFilesWritesOnlyTheBlobTheTreesOnItsPathAndTheCommit() throws Exception {
        ObjectId base;
        try (CommitDraft draft = new CommitDraft(repository, Optional.empty())) {
            for (int file = 0; file < 5000; file++) {
                draft.put("pages/dir" + (file % 50) + "/page" + file + ".md", ("content " + file).getBytes(UTF_8));
            }
            base = draft.commit(TestRepos.JANE, TestRepos.REPOSIX, "import");
        }
        long before = TestRepos.looseObjects(repository.getDirectory().toPath());

        try (CommitDraft draft = new CommitDraft(repository, Optional.of(base))) {
            draft.put("pages/dir7/page7.md", "changed".getBytes(UTF_8));
            ObjectId next = draft.commit(TestRepos.JANE, TestRepos.REPOSIX, "edit");
            assertThat(draft.objectsInserted()).isEqualTo(4);
            assertThat(cache.trees().diff(Optional.of(base), next)).singleElement()
                    .satisfies(change -> assertThat(change.path()).isEqualTo("pages/dir7/page7.md"));
        }

        // blob + pages/dir7 + pages + root tree + commit
        assertThat(TestRepos.looseObjects(repository.getDirectory().toPath()) - before).isEqualTo(5);
    }

    @Test
    void aLargeDraftWritesOnePackAfterTheFirstHundredLooseObjects() throws Exception {
        Path objects = repository.getDirectory().toPath().resolve("objects");
        long before = TestRepos.looseObjects(repository.getDirectory().toPath());
        ObjectId commit;
        try (CommitDraft draft = new CommitDraft(repository, Optional.empty())) {
            for (int file = 0; file < 1000; file++) {
                draft.put("pages/dir" + (file % 10) + "/page" + file + ".md", ("content " + file).getBytes(UTF_8));
            }
            commit = draft.commit(TestRepos.JANE, TestRepos.REPOSIX, "import");
        }

        assertThat(TestRepos.looseObjects(repository.getDirectory().toPath()) - before).isEqualTo(100);
        try (java.util.stream.Stream<Path> packs = java.nio.file.Files.list(objects.resolve("pack"))) {
            assertThat(packs.filter(file -> file.toString().endsWith(".pack")).count()).isEqualTo(1);
        }
        try (Cache reopened = TestRepos.cache(root); TreeWalk walk = new TreeWalk(reopened.repository())) {
            walk.addTree(reopened.repository().parseCommit(commit).getTree());
            walk.setRecursive(true);
            int files = 0;
            while (walk.next()) {
                assertThat(reopened.repository().open(walk.getObjectId(0)).getBytes())
                        .isEqualTo(("content " + walk.getNameString().replaceAll("\\D", "")).getBytes(UTF_8));
                files++;
            }
            assertThat(files).isEqualTo(1000);
        }
    }

    @Test
    void deletingTheLastFileOfADirectoryRemovesTheDirectory() {
        ObjectId first = commit(Optional.empty(), Map.of("pages/a/b/only.md", "1", "pages/keep.md", "2"));
        ObjectId second = commit(Optional.of(first), Map.of(), "pages/a/b/only.md");

        assertThat(cache.trees().files(second)).containsOnlyKeys("pages/keep.md");
    }

    @Test
    void deletingEverythingLeavesAnEmptyTreeAndDeletingAMissingPathDoesNothing() {
        ObjectId first = commit(Optional.empty(), Map.of("a.md", "1"));
        ObjectId second = commit(Optional.of(first), Map.of(), "a.md", "never/was.md");

        assertThat(cache.trees().files(second)).isEmpty();
    }

    @Test
    void aRenameIsADeleteAndAnAddOfTheSameBlob() {
        ObjectId first = commit(Optional.empty(), Map.of("pages/Old.md", "body"));
        ObjectId blob = cache.trees().blobAt(first, "pages/Old.md").orElseThrow();
        ObjectId second;
        try (CommitDraft draft = new CommitDraft(repository, Optional.of(first))) {
            draft.delete("pages/Old.md").putBlob("pages/Parent/New.md", blob, FileKind.REGULAR);
            second = draft.commit(TestRepos.JANE, TestRepos.REPOSIX, "move");
            assertThat(draft.objectsInserted()).isEqualTo(3);
        }

        assertThat(cache.trees().files(second)).containsExactly(Map.entry("pages/Parent/New.md", blob));
        assertThat(cache.trees().diff(Optional.of(first), second)).extracting(PathChange::kind, PathChange::path)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(PathChange.Kind.DELETED, "pages/Old.md"),
                        org.assertj.core.groups.Tuple.tuple(PathChange.Kind.ADDED, "pages/Parent/New.md"));
    }

    @Test
    void streamedContentAndExecutableFilesAreWritten() throws Exception {
        byte[] script = "#!/bin/sh\necho hi\n".getBytes(UTF_8);
        ObjectId id;
        try (CommitDraft draft = new CommitDraft(repository, Optional.empty())) {
            draft.put("bin/run.sh", script.length, new ByteArrayInputStream(script), FileKind.EXECUTABLE);
            draft.put("pages/a.md", "a".getBytes(UTF_8));
            id = draft.commit(TestRepos.JANE, TestRepos.REPOSIX, "m");
        }
        try (RevWalk walk = new RevWalk(repository);
                TreeWalk treeWalk = TreeWalk.forPath(repository, "bin/run.sh", walk.parseCommit(id).getTree())) {
            assertThat(treeWalk.getFileMode(0)).isEqualTo(FileMode.EXECUTABLE_FILE);
        }
        try (RevWalk walk = new RevWalk(repository);
                TreeWalk treeWalk = TreeWalk.forPath(repository, "pages/a.md", walk.parseCommit(id).getTree())) {
            assertThat(treeWalk.getFileMode(0)).isEqualTo(FileMode.REGULAR_FILE);
        }
        assertThat(cache.trees().openBlob(cache.trees().blobAt(id, "bin/run.sh").orElseThrow()).readAllBytes())
                .isEqualTo(script);
    }

    @Test
    void unchangedContentMakesNoCommitWithCommitIfChanged() {
        ObjectId first = commit(Optional.empty(), Map.of("a.md", "same"));
        try (CommitDraft draft = new CommitDraft(repository, Optional.of(first))) {
            draft.put("a.md", "same".getBytes(UTF_8));
            assertThat(draft.commitIfChanged(TestRepos.JANE, TestRepos.REPOSIX, "noop")).isEmpty();
        }
    }

    @Test
    void invalidPathsAreRefusedWithAClearError() {
        try (CommitDraft draft = new CommitDraft(repository, Optional.empty())) {
            for (String bad : new String[] {"", "/abs.md", "a//b.md", "a/", "../up.md", "a/./b.md", "a/../b.md",
                    ".git/config", "x/.GIT/hooks", "nul\0.md", "line\nbreak.md", "bad\uD800.md"}) {
                assertThatThrownBy(() -> draft.put(bad, new byte[0]))
                        .as(bad)
                        .isInstanceOfSatisfying(ReposixException.class, e -> {
                            assertThat(e.errorCode()).isEqualTo(GitErrorCode.INVALID_PATH);
                            assertThat(e.getMessage()).contains("rename");
                        });
            }
            draft.put(".github/workflows/ci.yml", new byte[0]).put("pages/.gitignore-like.md", new byte[0]);
        }
    }

    @Test
    void aFileAndADirectoryAtOnePathConflict() {
        ObjectId first = commit(Optional.empty(), Map.of("pages/a.md", "file"));

        assertThatThrownBy(() -> commit(Optional.of(first), Map.of("pages/a.md/child.md", "x")))
                .isInstanceOfSatisfying(ReposixException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(GitErrorCode.PATH_CONFLICT));
        ObjectId replaced = commit(Optional.of(first), Map.of("pages/a.md/child.md", "x"), "pages/a.md");
        assertThat(cache.trees().files(replaced)).containsOnlyKeys("pages/a.md/child.md");
    }

    @Test
    void identitiesWithAngleBracketsOrLineBreaksAreRefused() {
        assertThatThrownBy(() -> Signature.utc("Eve <evil>", "e@x", TestRepos.T0))
                .isInstanceOfSatisfying(ReposixException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(GitErrorCode.INVALID_IDENTITY));
        assertThatThrownBy(() -> Signature.utc("Eve", "e@x\n", TestRepos.T0)).isInstanceOf(ReposixException.class);
    }

    @Test
    void diffReportsModificationsAndAnImportAgainstNothing() {
        ObjectId first = commit(Optional.empty(), Map.of("a.md", "1", "b.md", "2"));
        ObjectId second = commit(Optional.of(first), Map.of("a.md", "changed"), "b.md");

        assertThat(cache.trees().diff(Optional.empty(), first)).extracting(PathChange::kind)
                .containsOnly(PathChange.Kind.ADDED);
        assertThat(cache.trees().diff(Optional.of(first), second)).extracting(PathChange::path, PathChange::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a.md", PathChange.Kind.MODIFIED),
                        org.assertj.core.groups.Tuple.tuple("b.md", PathChange.Kind.DELETED));
    }
}
