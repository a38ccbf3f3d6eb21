package dev.reposix.git;

import dev.reposix.git.internal.CacheCreator;
import java.nio.file.Path;
import java.util.Map;

/** Test helper run in a second JVM: dies abruptly (no cleanup) just before a new cache would be renamed into place. */
public final class CrashDuringCreationMain {

    private CrashDuringCreationMain() {
    }

    /**
     * Entry point.
     *
     * @param arguments the cache root
     */
    public static void main(String[] arguments) {
        CacheLocation location = CacheLocation.resolve(Map.of("REPOSIX_CACHE_DIR", arguments[0]), Path.of(arguments[0]),
                "confluence", "ENG");
        CacheCreator.openOrCreate(location, TestRepos.SOT, temporary -> {
            System.out.println("CRASHING " + temporary);
            System.out.flush();
            Runtime.getRuntime().halt(42);
        });
    }
}
