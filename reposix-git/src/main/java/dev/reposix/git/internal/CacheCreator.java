package dev.reposix.git.internal;

import dev.reposix.api.ReposixException;
import dev.reposix.git.CacheLocation;
import dev.reposix.git.GitErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Opens a cache's bare repository, creating it first if needed. Creation happens in a temporary
 * directory beside the cache ({@code .<name>.init-<pid>-<random>}) that is renamed into place only
 * once it is complete, so a crash never leaves a half-initialised cache at the cache path; temporary
 * directories of dead processes are removed by the next creation. Two processes creating the same
 * cache at once both end up opening the winner's. Stateless and thread-safe.
 */
public final class CacheCreator {

    /** The config section of reposix settings in the cache. */
    public static final String SECTION = "reposix";
    /** The config key naming the source of truth the cache serves. */
    public static final String SOT_KEY = "sot";

    private CacheCreator() {
    }

    /**
     * Opens the cache, creating it if it does not exist.
     *
     * @param location the cache location
     * @param sourceOfTruth the SoT base URL, without credentials
     * @param beforePublish called with the complete temporary directory just before it is renamed
     *     into place (a seam for crash tests; pass a no-op)
     * @return the open repository; the caller closes it
     */
    public static Repository openOrCreate(CacheLocation location, String sourceOfTruth, Consumer<Path> beforePublish) {
        Path target = location.directory();
        if (!Files.exists(target)) {
            create(location, sourceOfTruth, beforePublish);
        }
        return openExisting(location, sourceOfTruth);
    }

    private static void create(CacheLocation location, String sourceOfTruth, Consumer<Path> beforePublish) {
        Path target = location.directory();
        Path parent = target.getParent();
        String prefix = "." + target.getFileName() + ".init-";
        Path temporary = parent.resolve(prefix + ProcessHandle.current().pid() + "-" + UUID.randomUUID());
        try {
            Files.createDirectories(parent);
            removeAbandoned(parent, prefix);
            try (Git git = Git.init().setBare(true).setDirectory(temporary.toFile()).setInitialBranch("main").call()) {
                StoredConfig config = git.getRepository().getConfig();
                config.setString(SECTION, null, SOT_KEY, sourceOfTruth);
                config.setString(SECTION, null, "scheme", location.scheme());
                config.setString(SECTION, null, "project", location.project());
                config.setInt(SECTION, null, "cacheVersion", 1);
                config.save();
            }
            beforePublish.accept(temporary);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException lostRace) {
                deleteRecursively(temporary);
            }
        } catch (IOException | UncheckedIOException e) {
            deleteQuietly(temporary);
            throw new ReposixException(GitErrorCode.CACHE_IO,
                    "cannot create the cache " + target + ": " + e.getMessage()
                            + "; check that the directory is writable or set " + CacheLocation.CACHE_DIR_VARIABLE, e);
        } catch (GitAPIException e) {
            deleteQuietly(temporary);
            throw new ReposixException(GitErrorCode.GIT_FAILURE, "cannot create the cache " + target + ": "
                    + e.getMessage(), e);
        }
    }

    private static Repository openExisting(CacheLocation location, String sourceOfTruth) {
        Path target = location.directory();
        Repository repository;
        try {
            repository = new FileRepositoryBuilder().setGitDir(target.toFile()).setMustExist(true).build();
        } catch (IOException | IllegalArgumentException e) {
            throw invalid(target, "it is not a git repository");
        }
        String recorded = repository.getConfig().getString(SECTION, null, SOT_KEY);
        boolean bare = repository.isBare();
        if (!bare || recorded == null) {
            repository.close();
            throw invalid(target, bare ? "it has no reposix.sot setting" : "it is not a bare repository");
        }
        if (!normalise(recorded).equals(normalise(sourceOfTruth))) {
            repository.close();
            throw new ReposixException(GitErrorCode.CACHE_OTHER_SOT,
                    "the cache " + target + " serves " + recorded + ", not " + sourceOfTruth
                            + "; set " + CacheLocation.CACHE_DIR_VARIABLE
                            + " to another directory for this source of truth, or remove the old cache");
        }
        return repository;
    }

    private static ReposixException invalid(Path target, String why) {
        return new ReposixException(GitErrorCode.CACHE_INVALID,
                "the directory " + target + " is not a reposix cache (" + why + "); move it away or set "
                        + CacheLocation.CACHE_DIR_VARIABLE + " to another directory");
    }

    private static String normalise(String url) {
        String trimmed = url.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    private static void removeAbandoned(Path parent, String prefix) throws IOException {
        try (DirectoryStream<Path> candidates = Files.newDirectoryStream(parent, path ->
                path.getFileName().toString().startsWith(prefix))) {
            for (Path candidate : candidates) {
                String rest = candidate.getFileName().toString().substring(prefix.length());
                int dash = rest.indexOf('-');
                if (dash > 0 && isDead(rest.substring(0, dash))) {
                    deleteQuietly(candidate);
                }
            }
        }
    }

    private static boolean isDead(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(handle -> !handle.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path directory) {
        try {
            deleteRecursively(directory);
        } catch (IOException | UncheckedIOException ignored) {
            // best effort: a leftover temporary directory never looks like a cache
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
