package dev.reposix.git;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reposix.api.ReposixException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheProcessesE2ETest {

    @TempDir
    Path root;

    @Test
    void anotherProcessHoldingTheLockMakesUsFailNamingItsPidAndItsDeathReleasesTheLock() throws Exception {
        Path directory;
        try (Cache cache = TestRepos.cache(root)) {
            directory = cache.location().directory();
        }
        Process holder = JavaProcess.start(LockHolderMain.class, directory.toString());
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(holder.getInputStream(), UTF_8));
            assertThat(output.readLine()).isEqualTo("LOCKED");

            assertThatThrownBy(() -> CacheLock.acquire(directory, Duration.ofMillis(300)))
                    .isInstanceOfSatisfying(ReposixException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(GitErrorCode.LOCK_TIMEOUT);
                        assertThat(e.getMessage()).contains("pid " + holder.pid());
                    });

            holder.destroyForcibly();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
            try (CacheLock lock = CacheLock.acquire(directory, Duration.ofSeconds(10))) {
                assertThat(lock.isHeld()).isTrue();
            }
            assertThat(directory.resolve(CacheLock.FILE_NAME)).exists();
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void aProcessDyingDuringCreationLeavesNoCacheAndTheNextOpenSucceeds() throws Exception {
        Process crashing = JavaProcess.start(CrashDuringCreationMain.class, root.toString());
        String output = new String(crashing.getInputStream().readAllBytes(), UTF_8);
        assertThat(crashing.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(crashing.exitValue()).as(output).isEqualTo(42);
        assertThat(output).contains("CRASHING");

        assertThat(root.resolve("confluence-ENG.git")).doesNotExist();
        try (Stream<Path> leftovers = Files.list(root)) {
            assertThat(leftovers).singleElement()
                    .satisfies(path -> assertThat(path.getFileName().toString()).startsWith(".confluence-ENG.git.init-"));
        }

        try (Cache cache = TestRepos.cache(root)) {
            assertThat(cache.sourceOfTruth()).isEqualTo(TestRepos.SOT);
        }
        try (Stream<Path> entries = Files.list(root)) {
            assertThat(entries).extracting(path -> path.getFileName().toString()).containsExactly("confluence-ENG.git");
        }
    }
}
