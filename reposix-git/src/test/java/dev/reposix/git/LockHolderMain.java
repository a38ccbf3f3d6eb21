package dev.reposix.git;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** Test helper run in a second JVM: takes a cache lock, says LOCKED and holds it until killed or stdin closes. */
public final class LockHolderMain {

    private LockHolderMain() {
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
                // hold until the parent closes our stdin or kills us
            }
        }
    }
}
