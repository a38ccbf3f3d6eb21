package dev.reposix.git;

import static java.util.Objects.requireNonNull;

import dev.reposix.api.ReposixException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The one writer lock of a cache: an OS file lock ({@link FileChannel#tryLock()}) on
 * {@code reposix.lock} inside the cache directory, polled for a bounded wait. The operating system
 * releases it when the process dies, so there are no stale locks (the file stays, the lock does not).
 *
 * <p>File locks belong to the whole JVM, so threads of one JVM are first serialised by an in-process
 * semaphore per cache; only its holder touches the lock file, which keeps a second thread from
 * hitting {@link OverlappingFileLockException} or releasing the lock by closing its own channel.
 * The holder writes its process id and start time into the file so that a waiter can name it.
 *
 * <p>Instances are not thread-safe; acquiring is. Close exactly once, from the acquiring thread's
 * point of view (closing twice does nothing).
 *
 * @since 0.1
 */
public final class CacheLock implements AutoCloseable {

    /** The lock file's name inside the cache directory. */
    public static final String FILE_NAME = "reposix.lock";

    private static final Duration DEFAULT_POLL = Duration.ofMillis(50);
    private static final ConcurrentMap<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path directory;
    private final Semaphore guard;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean released;

    private CacheLock(Path directory, Semaphore guard, FileChannel channel, FileLock lock) {
        this.directory = directory;
        this.guard = guard;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Acquires the lock, waiting at most {@code maxWait}.
     *
     * @param cacheDirectory the cache directory
     * @param maxWait how long to wait for another holder; zero tries once
     * @return the held lock
     * @throws ReposixException with {@link GitErrorCode#LOCK_TIMEOUT} naming the holder if the wait ends
     */
    public static CacheLock acquire(Path cacheDirectory, Duration maxWait) {
        return tryAcquire(cacheDirectory, maxWait, DEFAULT_POLL).orElseThrow(() -> timeout(cacheDirectory, maxWait));
    }

    /**
     * Tries to acquire the lock, waiting at most {@code maxWait}; a busy lock is an expected outcome.
     *
     * @param cacheDirectory the cache directory
     * @param maxWait how long to wait; zero tries once
     * @param pollInterval how often to retry the file lock
     * @return the held lock, or empty if another process or thread held it for the whole wait
     */
    public static Optional<CacheLock> tryAcquire(Path cacheDirectory, Duration maxWait, Duration pollInterval) {
        requireNonNull(cacheDirectory, "cacheDirectory is null");
        requireNonNull(maxWait, "maxWait is null");
        requireNonNull(pollInterval, "pollInterval is null");
        Path directory = realPath(cacheDirectory);
        long deadline = System.nanoTime() + maxWait.toNanos();
        Semaphore guard = IN_PROCESS.computeIfAbsent(directory, key -> new Semaphore(1, true));
        try {
            if (!guard.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        try {
            Optional<CacheLock> held = lockFile(directory, guard, deadline, pollInterval);
            if (held.isEmpty()) {
                guard.release();
            }
            return held;
        } catch (RuntimeException | Error e) {
            guard.release();
            throw e;
        }
    }

    private static Optional<CacheLock> lockFile(Path directory, Semaphore guard, long deadline, Duration poll) {
        Path file = directory.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    describeHolder(channel);
                    return Optional.of(new CacheLock(directory, guard, channel, lock));
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    channel.close();
                    return Optional.empty();
                }
                Thread.sleep(Math.max(1, Math.min(poll.toMillis(), TimeUnit.NANOSECONDS.toMillis(remaining) + 1)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(channel);
            return Optional.empty();
        } catch (IOException e) {
            closeQuietly(channel);
            throw new ReposixException(GitErrorCode.CACHE_IO, "cannot lock the cache " + directory + " through "
                    + file + ": " + e.getMessage() + "; check that the directory is writable", e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            // held by code of this JVM that bypassed the semaphore: wait for it like for another process
            return null;
        }
    }

    private static void describeHolder(FileChannel channel) throws IOException {
        String text = "pid " + ProcessHandle.current().pid() + "\nsince " + Instant.now() + "\n";
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
    }

    private static ReposixException timeout(Path cacheDirectory, Duration maxWait) {
        Path file = realPath(cacheDirectory).resolve(FILE_NAME);
        String holder;
        try {
            holder = Files.readString(file, StandardCharsets.UTF_8).strip().replace('\n', ' ');
        } catch (IOException e) {
            holder = "";
        }
        String who = holder.isEmpty() ? "another process or thread" : "another reposix process (" + holder + ")";
        return new ReposixException(GitErrorCode.LOCK_TIMEOUT,
                "the cache " + cacheDirectory + " is in use by " + who + "; waited " + maxWait.toMillis()
                        + " ms for " + file + ". Wait for it to finish and run the command again");
    }

    private static Path realPath(Path directory) {
        try {
            return directory.toRealPath();
        } catch (IOException e) {
            throw new ReposixException(GitErrorCode.CACHE_IO,
                    "cannot lock the cache " + directory + ": " + e.getMessage() + "; does the cache exist?", e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }

    /**
     * The locked cache directory.
     *
     * @return the real path of the directory
     */
    public Path directory() {
        return directory;
    }

    /**
     * Whether this lock is still held.
     *
     * @return true until closed
     */
    public boolean isHeld() {
        return !released && lock.isValid();
    }

    /** Releases the lock; the lock file stays. */
    @Override
    public void close() {
        if (released) {
            return;
        }
        released = true;
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases the lock as well
        } finally {
            closeQuietly(channel);
            guard.release();
        }
    }
}
