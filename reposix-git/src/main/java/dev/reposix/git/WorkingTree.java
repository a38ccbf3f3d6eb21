package dev.reposix.git;

import dev.reposix.api.ReposixException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.transport.RefSpec;

/**
 * Working trees made from a cache: a normal git checkout with a local {@code main} that tracks
 * {@code origin}, and fast-forwarding it after a sync. Stateless and thread-safe (each call works
 * on its own repository handle).
 *
 * @since 0.1
 */
public final class WorkingTree {

    private static final String TRACKING = "refs/remotes/origin/main";

    /** How a fast-forward of a working tree ended. */
    public enum Update {
        /** The working tree already had the cache's {@code main}. */
        UP_TO_DATE,
        /** The working tree moved forward to the cache's {@code main}. */
        FAST_FORWARDED,
        /** The working tree has uncommitted changes; nothing was touched. */
        NOT_CLEAN,
        /** The working tree has commits the cache does not have; nothing was touched. */
        DIVERGED
    }

    private WorkingTree() {
    }

    /**
     * Clones the cache's {@code main} into a new directory and points {@code origin} at the given
     * URL (a {@code reposix::} URL, so that {@code git pull} goes through the remote helper).
     *
     * @param cache the cache
     * @param directory the new working tree; must not exist or be empty
     * @param originUrl the URL {@code origin} should have
     */
    public static void create(Cache cache, Path directory, String originUrl) {
        try (Git git = Git.cloneRepository().setURI(uriOf(cache)).setDirectory(directory.toFile())
                .setBranch("main").setRemote("origin").call()) {
            StoredConfig config = git.getRepository().getConfig();
            config.setString("remote", "origin", "url", originUrl);
            config.save();
        } catch (GitAPIException | IOException failure) {
            throw new ReposixException(GitErrorCode.GIT_FAILURE, "cannot create the working tree " + directory
                    + " from the cache: " + failure.getMessage(), failure);
        }
    }

    /**
     * Fast-forwards a working tree's checked-out branch to the cache's {@code main} when it has no
     * uncommitted changes and no commits of its own.
     *
     * @param cache the cache
     * @param directory the working tree
     * @return how it ended
     */
    public static Update fastForward(Cache cache, Path directory) {
        try (Git git = Git.open(directory.toFile())) {
            git.fetch().setRemote(uriOf(cache)).setRefSpecs(new RefSpec("+refs/heads/main:" + TRACKING)).call();
            ObjectId head = git.getRepository().resolve("HEAD");
            ObjectId target = git.getRepository().resolve(TRACKING);
            if (target == null || target.equals(head)) {
                return Update.UP_TO_DATE;
            }
            if (git.status().call().hasUncommittedChanges()) {
                return Update.NOT_CLEAN;
            }
            MergeResult result = git.merge().include(target).setFastForward(MergeCommand.FastForwardMode.FF_ONLY).call();
            return result.getMergeStatus().isSuccessful() ? Update.FAST_FORWARDED : Update.DIVERGED;
        } catch (GitAPIException | IOException failure) {
            throw new ReposixException(GitErrorCode.GIT_FAILURE, "cannot update the working tree " + directory
                    + " from the cache: " + failure.getMessage(), failure);
        }
    }

    /**
     * The URL of a working tree's {@code origin}.
     *
     * @param directory the working tree
     * @return the URL, or empty when it has no origin
     */
    public static Optional<String> originUrl(Path directory) {
        try (Git git = Git.open(directory.toFile())) {
            return Optional.ofNullable(git.getRepository().getConfig().getString("remote", "origin", "url"));
        } catch (IOException notARepository) {
            return Optional.empty();
        }
    }

    private static String uriOf(Cache cache) {
        File directory = cache.location().directory().toFile();
        return directory.toURI().toString();
    }
}
