package dev.reposix.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

/** Shared fixtures of the reposix-git tests. */
final class TestRepos {

    static final String SOT = "https://acme.example/wiki";
    static final Instant T0 = Instant.parse("2026-11-24T06:15:00Z");
    static final Signature REPOSIX = Signature.utc("reposix", "reposix@reposix.invalid", T0);
    static final Signature JANE = Signature.utc("Jane Doe", "557058:jane@acme.example", T0);

    private TestRepos() {
    }

    static CacheLocation location(Path root) {
        return CacheLocation.resolve(Map.of("REPOSIX_CACHE_DIR", root.toString()), root, "confluence", "ENG");
    }

    static Cache cache(Path root) {
        return Cache.open(location(root), SOT);
    }

    static CacheLock lock(Cache cache) {
        return cache.lock(Duration.ofSeconds(5));
    }

    /** Counts the loose objects of a file repository: every object written since the last repack. */
    static long looseObjects(Path gitDir) {
        try (Stream<Path> files = Files.walk(gitDir.resolve("objects"))) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.getParent().getFileName().toString().matches("[0-9a-f]{2}"))
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
