package dev.reposix.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reposix.api.ReposixException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheLockTest {

    @TempDir
    Path root;

    @Test
    void aSecondThreadWaitsAndThenFailsWithACodedMessage() throws Exception {
        try (Cache cache = TestRepos.cache(root); CacheLock held = TestRepos.lock(cache)) {
            CompletableFuture<Throwable> other = CompletableFuture.supplyAsync(() -> {
                try {
                    cache.lock(Duration.ofMillis(200)).close();
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });

            assertThat(other.get(10, TimeUnit.SECONDS)).isInstanceOfSatisfying(ReposixException.class, e -> {
                assertThat(e.errorCode()).isEqualTo(GitErrorCode.LOCK_TIMEOUT);
                assertThat(e.getMessage()).contains(cache.location().directory().toString(), "reposix.lock",
                        "pid " + ProcessHandle.current().pid(), "run the command again");
            });
            assertThat(held.isHeld()).isTrue();
        }
    }

    @Test
    void aWaitingThreadGetsTheLockWhenItIsReleased() throws Exception {
        try (Cache cache = TestRepos.cache(root)) {
            CacheLock first = TestRepos.lock(cache);
            CountDownLatch waiting = new CountDownLatch(1);
            CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> {
                waiting.countDown();
                try (CacheLock lock = cache.lock(Duration.ofSeconds(10))) {
                    return lock.isHeld();
                }
            });
            waiting.await();
            Thread.sleep(150);
            assertThat(second).isNotDone();
            first.close();

            assertThat(second.get(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void tryLockReportsABusyCacheAsAValue() {
        try (Cache cache = TestRepos.cache(root); CacheLock held = TestRepos.lock(cache)) {
            Optional<CacheLock> other = CompletableFuture.supplyAsync(() -> cache.tryLock(Duration.ZERO)).join();

            assertThat(other).isEmpty();
        }
        try (Cache cache = TestRepos.cache(root)) {
            Optional<CacheLock> again = cache.tryLock(Duration.ZERO);
            assertThat(again).isPresent();
            again.get().close();
        }
    }

    @Test
    void releasingTwiceIsHarmlessAndTheLockFileStays() {
        try (Cache cache = TestRepos.cache(root)) {
            CacheLock lock = TestRepos.lock(cache);
            lock.close();
            lock.close();
            assertThat(lock.isHeld()).isFalse();
            assertThat(cache.location().directory().resolve(CacheLock.FILE_NAME)).exists();
            TestRepos.lock(cache).close();
        }
    }
}
