package dev.reposix.cli;

import dev.reposix.git.CacheLock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Run in a second JVM by {@link ConcurrentSyncE2ETest}: takes a cache's lock as a sync would, says
 * {@code LOCKED} and holds it until killed, the way a sync killed with SIGKILL leaves its lock.
 */
public final class CacheLockHolderMain {

    private CacheLockHolderMain() {
    }

    /**
     * Entry point.
     *
     * @param arguments the cache directory
     * @throws IOException if stdin fails
     */
    public static void main(String[] arguments) throws IOException {
        try (CacheLock lock = CacheLock.acquire(Path.of(arguments[0]), Duration.ofSeconds(30))) {
            System.out.println("LOCKED");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold until killed (or until the parent closes stdin)
            }
        }
    }
}
