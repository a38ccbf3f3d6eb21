package dev.reposix.git;

import dev.reposix.api.ReposixException;
import dev.reposix.git.internal.GitBinary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.transport.RefSpec;

/**
 * Working trees made from a cache: a normal git checkout with a local {@code main} that tracks
 * {@code origin}, and fast-forwarding it after a sync. Stateless and thread-safe (each call works
 * on its own repository handle).
 *
 * @since 0.1
 */
public final class WorkingTree {

    private static final String ORIGIN = "origin";

    /** How a fast-forward of a working tree ended. */
    public enum Update {
        /** The working tree already had the cache's {@code main}. */
        UP_TO_DATE,
        /** The working tree moved forward to the cache's {@code main}. */
        FAST_FORWARDED,
        /** The working tree has commits of its own on top of the cache's {@code main}; nothing to update. */
        AHEAD,
        /**
         * The working tree has uncommitted changes, or an untracked file where the update brings one;
         * nothing was touched.
         */
        NOT_CLEAN,
        /** The working tree has commits the cache does not have; nothing was touched. */
        DIVERGED,
        /** Another branch than {@code main} (or a detached {@code HEAD}) is checked out; nothing was touched. */
        OTHER_BRANCH
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
        try (CheckoutAhead nothingAhead = CheckoutAhead.into(directory)) {
            create(cache, nothingAhead, originUrl);
        }
    }

    /**
     * Makes a working tree of a directory whose files were written ahead while the cache's
     * {@code main} was being committed: the cache is cloned without a checkout, and git then checks
     * out only the files that are missing or differ from that commit (none, when everything was
     * written ahead), comparing each file's content, so the result is exactly what
     * {@link #create(Cache, Path, String)} makes. If git already indexed the files against the
     * clone's {@code HEAD} while the sync went on, that index is taken as it is. When nothing was
     * written ahead (the cache existed already), this is that method.
     *
     * @param cache the cache
     * @param files the files written ahead into the new working tree; kept on success
     * @param originUrl the URL {@code origin} should have
     */
    public static void create(Cache cache, CheckoutAhead files, String originUrl) {
        Path directory = files.directory();
        try {
            if (!files.awaitWritten()) {
                // The git binary clones a local repository with hard links and no pack building, which
                // JGit would do with full delta compression: for a large space most of the time of init.
                GitBinary.check(directory, "clone", "--quiet", "--branch", "main", cache.location().directory().toString(), ".");
                GitBinary.check(directory, "remote", "set-url", "origin", originUrl);
                files.keep();
                return;
            }
            // git clones only into an empty directory: clone beside the files, then move its .git over.
            Path scratch = Files.createTempDirectory(directory, ".reposix-clone-");
            GitBinary.check(scratch, "clone", "--quiet", "--no-checkout", "--branch", "main",
                    cache.location().directory().toString(), ".");
            Files.move(scratch.resolve(".git"), directory.resolve(".git"));
            Files.delete(scratch);
            GitBinary.check(directory, "remote", "set-url", "origin", originUrl);
            ObjectId head = ObjectId.fromString(GitBinary.check(directory, "rev-parse", "--verify", "HEAD^{commit}"));
            Optional<Path> indexedAhead = files.indexedAhead(head);
            if (indexedAhead.isPresent()) {
                // made by git against this very commit while the sync went on
                Files.move(indexedAhead.get(), directory.resolve(".git").resolve("index"),
                        StandardCopyOption.REPLACE_EXISTING);
            } else {
                indexFiles(directory, Map.of(), List.of(), "HEAD");
            }
            files.keep();
        } catch (IOException | ReposixException failed) {
            // Closing the files removes everything, the clone included, since the tree was not kept:
            // git removes a failed clone itself, but not when it is killed (a full disk or a file size
            // limit can end it with SIGXFSZ), and a half-written tree would make the next init refuse.
            throw cannotWrite(directory, failed);
        }
    }

    /**
     * Makes an index of a commit's tree and the files already in a working tree: git reads the tree,
     * hashes every file (those that match the commit get their stat data; git exits with 1 when any
     * file is missing or differs) and then writes only what is missing or differs.
     *
     * @param directory the working tree
     * @param environment variables for git, e.g. {@code GIT_INDEX_FILE}
     * @param repository git options naming the repository, if not the directory's own
     * @param treeish the commit
     */
    static void indexFiles(Path directory, Map<String, String> environment, List<String> repository, String treeish) {
        GitBinary.check(directory, environment, withOptions(repository, "read-tree", treeish));
        if (!refreshIndex(directory, environment, repository)) {
            checkOutOthers(directory, environment, repository);
        }
    }

    /**
     * Makes an index of entries without reading any object (the commit they are of may not be written
     * yet); {@link #refreshIndex} then gives the files that match their stat data.
     *
     * @param entries mode, blob id and path of each, as {@code git update-index -z --index-info} reads them
     */
    static void indexEntries(Path directory, Map<String, String> environment, List<String> repository,
            byte[] entries) {
        GitBinary.Result made = GitBinary.run(directory, environment, entries,
                withOptions(repository, "update-index", "-z", "--index-info"));
        if (!made.ok()) {
            throw GitBinary.failure("update-index", made);
        }
    }

    /**
     * Has git hash every file of a working tree against its index and record the stat data of those
     * that match.
     *
     * @return true if every file matches; false if some are missing or differ
     */
    static boolean refreshIndex(Path directory, Map<String, String> environment, List<String> repository) {
        GitBinary.Result refreshed = GitBinary.run(directory, environment,
                withOptions(repository, "update-index", "--refresh"));
        if (refreshed.exitCode() > 128) {
            // a non-zero exit is an answer (files to check out); death by a signal is a failure
            throw GitBinary.failure("update-index", refreshed);
        }
        return refreshed.ok();
    }

    /** Has git write the files of an index that are missing or differ (those that match are left alone). */
    static void checkOutOthers(Path directory, Map<String, String> environment, List<String> repository) {
        GitBinary.check(directory, environment, withOptions(repository, "checkout-index", "--all", "--force", "-u"));
    }

    private static String[] withOptions(List<String> options, String... arguments) {
        List<String> all = new ArrayList<>(options);
        all.addAll(List.of(arguments));
        return all.toArray(String[]::new);
    }

    private static ReposixException cannotWrite(Path directory, Exception failed) {
        return new ReposixException(failed instanceof ReposixException known ? known.errorCode()
                : GitErrorCode.TREE_IO, "could not write the working tree " + directory
                + " (check that it is writable and the disk has free space; nothing was left there): "
                + failed.getMessage(), failed);
    }

    /**
     * Fast-forwards a working tree's {@code main}, checked out, to the cache's {@code main} when it has
     * no uncommitted changes and no commits of its own; the cache's {@code main} is first fetched into
     * {@code refs/remotes/<remote>/main}.
     *
     * @param cache the cache
     * @param directory the working tree's top level
     * @param remote the name of the working tree's remote that stands for the cache ({@code origin} in a
     *     tree made by {@link #create})
     * @return how it ended
     */
    public static Update fastForward(Cache cache, Path directory, String remote) {
        String tracking = "refs/remotes/" + remote + "/main";
        try {
            // git itself, not JGit: its status and checkout read the index's stat data where JGit walks
            // and re-reads a tree of 10,000 files, and they honour the user's git settings and filters
            GitBinary.check(directory, "fetch", "--quiet", "--no-tags",
                    cache.location().directory().toString(), "+" + ReposixRefs.MAIN + ":" + tracking);
            Optional<String> target = commitOf(directory, tracking);
            Optional<String> head = commitOf(directory, "HEAD");
            if (target.isEmpty() || target.equals(head)) {
                return Update.UP_TO_DATE;
            }
            GitBinary.Result branch = GitBinary.run(directory, "symbolic-ref", "--quiet", "HEAD");
            if (!branch.ok() || !ReposixRefs.MAIN.equals(branch.output())) {
                return Update.OTHER_BRANCH;
            }
            if (head.isPresent() && isAncestor(directory, target.get(), head.get())) {
                return Update.AHEAD;
            }
            if (!GitBinary.check(directory, "status", "--porcelain", "--untracked-files=no").isEmpty()) {
                return Update.NOT_CLEAN;
            }
            if (head.isPresent() && !isAncestor(directory, head.get(), target.get())) {
                return Update.DIVERGED;
            }
            GitBinary.Result merged = GitBinary.run(directory, "merge", "--ff-only", "--quiet", target.get());
            if (merged.ok()) {
                return Update.FAST_FORWARDED;
            }
            // git refuses, touching nothing, when an untracked file stands where the update brings one
            if (untrackedInTheWay(directory, head, target.get())) {
                return Update.NOT_CLEAN;
            }
            throw GitBinary.failure("merge", merged);
        } catch (ReposixException failure) {
            throw new ReposixException(GitErrorCode.GIT_FAILURE, "cannot update the working tree " + directory
                    + " from the cache: " + failure.getMessage(), failure);
        }
    }

    /** The commit a revision names, or empty when it names none (e.g. {@code HEAD} of an unborn branch). */
    private static Optional<String> commitOf(Path directory, String revision) {
        GitBinary.Result result = GitBinary.run(directory, "rev-parse", "--verify", "--quiet", revision + "^{commit}");
        return result.ok() ? Optional.of(result.output()) : Optional.empty();
    }

    /** Whether a file the update adds already exists in the working tree, untracked. */
    private static boolean untrackedInTheWay(Path directory, Optional<String> head, String target) {
        String added = head.isPresent()
                ? GitBinary.check(directory, "diff", "--name-only", "-z", "--diff-filter=A", head.get(), target)
                : GitBinary.check(directory, "ls-tree", "-r", "--name-only", "-z", target);
        for (String path : added.split("\0")) {
            if (!path.isEmpty() && Files.exists(directory.resolve(path), LinkOption.NOFOLLOW_LINKS)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code ancestor} is {@code descendant} or one of its ancestors. */
    private static boolean isAncestor(Path directory, String ancestor, String descendant) {
        GitBinary.Result result = GitBinary.run(directory, "merge-base", "--is-ancestor", ancestor, descendant);
        if (result.exitCode() > 1) {
            throw GitBinary.failure("merge-base", result);
        }
        return result.ok();
    }

    /**
     * The URL of a working tree's {@code origin}.
     *
     * @param directory the working tree
     * @return the URL, or empty when it has no origin
     */
    public static Optional<String> originUrl(Path directory) {
        try (Git git = Git.open(directory.toFile())) {
            return Optional.ofNullable(git.getRepository().getConfig().getString("remote", ORIGIN, "url"));
        } catch (IOException notARepository) {
            return Optional.empty();
        }
    }

    /**
     * Copies the commits of a working tree's {@code HEAD} into the cache, objects only: a ref of its
     * own is moved for the copy and removed again, so nothing a fetch or push sees changes.
     *
     * @param cache the cache
     * @param directory the working tree
     * @return the working tree's {@code HEAD} commit
     */
    public static ObjectId copyHeadInto(Cache cache, Path directory) {
        String scratch = "refs/reposix/preview";
        try (Git git = Git.wrap(cache.repository())) {
            git.fetch().setRemote(directory.toUri().toString()).setRefSpecs(new RefSpec("+HEAD:" + scratch)).call();
            ObjectId head = cache.repository().resolve(scratch);
            RefUpdate remove = cache.repository().updateRef(scratch);
            remove.setForceUpdate(true);
            remove.delete();
            return head;
        } catch (GitAPIException | IOException failure) {
            throw new ReposixException(GitErrorCode.GIT_FAILURE, "cannot read the commits of " + directory + ": "
                    + failure.getMessage(), failure);
        }
    }
}
