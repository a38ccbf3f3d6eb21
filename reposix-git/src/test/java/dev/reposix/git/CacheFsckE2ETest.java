package dev.reposix.git;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheFsckE2ETest {

    @TempDir
    Path root;

    @Test
    void gitFsckStrictIsCleanAfterASeriesOfSyncsAndGitSeesTheRefs() throws Exception {
        Path gitDir;
        try (Cache cache = TestRepos.cache(root)) {
            gitDir = cache.location().directory();
            SortedMap<String, RecordState> records = new TreeMap<>();
            for (int round = 0; round < 5; round++) {
                Instant at = TestRepos.T0.plusSeconds(round / 2 * 60);
                try (CacheLock lock = TestRepos.lock(cache)) {
                    SyncTransaction transaction = cache.beginSync(lock);
                    if (round != 3) {
                        try (CommitDraft draft = transaction.newCommit()) {
                            draft.put("pages/Team/Page " + round + ".md", ("# " + round + "\n").getBytes(UTF_8));
                            draft.put(".reposix/config", "scheme confluence\n".getBytes(UTF_8));
                            draft.put("bin/tool", "#!/bin/sh\n".getBytes(UTF_8), FileKind.EXECUTABLE);
                            if (round == 2) {
                                draft.delete("pages/Team/Page 0.md");
                            }
                            ObjectId commit = draft.commit(TestRepos.JANE.at(at), TestRepos.REPOSIX.at(at), "sync " + round);
                            transaction.advanceMain(commit);
                            records.put(Integer.toString(round), new RecordState(round + 1, "sha256:" + round,
                                    "Page " + round, Optional.empty(), new TreeSet<>(List.of("x")),
                                    "pages/Team/Page " + round + ".md"));
                            transaction.recordState(commit, new SyncState(records));
                        }
                    }
                    assertThat(transaction.apply(at, TestRepos.REPOSIX).applied()).isTrue();
                }
            }
        }

        assertThat(git(gitDir, "fsck", "--strict", "--no-dangling")).isEmpty();
        assertThat(git(gitDir, "for-each-ref", "--format=%(refname) %(objecttype)")).contains(
                "refs/heads/main commit", "refs/mirrors/confluence-head commit",
                "refs/mirrors/confluence-synced-at tag", "refs/reposix/state commit",
                "refs/reposix/sync/20261124T061500Z commit", "refs/reposix/sync/20261124T061500Z-2 commit");
        assertThat(git(gitDir, "cat-file", "-p", "refs/mirrors/confluence-synced-at"))
                .endsWith("\nmirror synced at 2026-11-24T06:17:00Z\n");
        assertThat(git(gitDir, "log", "--format=%an|%s", "main")).startsWith("Jane Doe|sync 4\n");
    }

    private static String git(Path gitDir, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git", "--git-dir=" + gitDir));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
        return output;
    }
}
