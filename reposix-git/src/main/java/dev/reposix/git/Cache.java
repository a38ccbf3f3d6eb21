package dev.reposix.git;

import static java.util.Objects.requireNonNull;

import dev.reposix.api.ReposixException;
import dev.reposix.git.internal.CacheCreator;
import dev.reposix.git.internal.GitFailures;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;

/**
 * The local cache of one project: a bare git repository whose history records the source of truth
 * as of each sync. Opening creates it if needed (atomically: a crash never leaves a half-made cache
 * that looks valid), records the source of truth's base URL in its config ({@code reposix.sot}) and
 * refuses a cache that serves another source of truth.
 *
 * <p>Thread-safe for reading; writing goes through a {@link SyncTransaction} under the
 * {@link CacheLock}. Close it to release the repository.
 *
 * @since 0.1
 */
public final class Cache implements AutoCloseable {

    private static final String SYNC_REQUESTED = "sync-requested";

    private final CacheLocation location;
    private final String sourceOfTruth;
    private final Repository repository;

    private Cache(CacheLocation location, String sourceOfTruth, Repository repository) {
        this.location = location;
        this.sourceOfTruth = sourceOfTruth;
        this.repository = repository;
    }

    /**
     * Opens the cache at a location, creating it if it does not exist.
     *
     * @param location where the cache lives
     * @param sourceOfTruth the base URL of the source of truth, e.g. {@code https://acme.atlassian.net/wiki};
     *     never with credentials
     * @return the open cache
     * @throws ReposixException {@link GitErrorCode#CACHE_OTHER_SOT} if the cache serves another source of
     *     truth, {@link GitErrorCode#CACHE_INVALID} if the directory is not a reposix cache
     */
    public static Cache open(CacheLocation location, String sourceOfTruth) {
        requireNonNull(location, "location is null");
        checkNoCredentials(requireNonNull(sourceOfTruth, "sourceOfTruth is null"));
        Repository repository = CacheCreator.openOrCreate(location, sourceOfTruth, temporary -> { });
        return new Cache(location, sourceOfTruth, repository);
    }

    /**
     * Where the cache lives.
     *
     * @return the location
     */
    public CacheLocation location() {
        return location;
    }

    /**
     * The base URL of the source of truth this cache serves.
     *
     * @return the URL as recorded
     */
    public String sourceOfTruth() {
        return sourceOfTruth;
    }

    /**
     * The underlying JGit repository, e.g. for {@code UploadPack}; owned by the cache, do not close it.
     *
     * @return the repository
     */
    public Repository repository() {
        return repository;
    }

    /**
     * Acquires the cache's writer lock, waiting at most {@code maxWait}.
     *
     * @param maxWait the longest wait
     * @return the held lock; close it to release
     */
    public CacheLock lock(Duration maxWait) {
        return CacheLock.acquire(location.directory(), maxWait);
    }

    /**
     * Tries to acquire the writer lock; a busy cache is an expected outcome (e.g. serve the cached state).
     *
     * @param maxWait the longest wait
     * @return the held lock, or empty
     */
    public Optional<CacheLock> tryLock(Duration maxWait) {
        return CacheLock.tryAcquire(location.directory(), maxWait, Duration.ofMillis(50));
    }

    /**
     * Starts the ref updates of one sync; the lock must stay held until {@link SyncTransaction#apply}.
     *
     * @param lock this cache's held lock
     * @return the transaction
     */
    public SyncTransaction beginSync(CacheLock lock) {
        requireNonNull(lock, "lock is null");
        Path locked = lock.directory();
        try {
            if (!locked.equals(location.directory().toRealPath())) {
                throw new ReposixException(GitErrorCode.TRANSACTION_MISUSE,
                        "the lock of " + locked + " does not guard the cache " + location.directory());
            }
        } catch (IOException e) {
            throw GitFailures.wrap(e, "resolving the cache path", location.directory());
        }
        return new SyncTransaction(repository, location.scheme(), lock);
    }

    /**
     * The commit {@code main} points at.
     *
     * @return the commit, empty before the first sync
     */
    public Optional<ObjectId> main() {
        return ref(ReposixRefs.MAIN);
    }

    /**
     * The object a ref of the cache points at.
     *
     * @param name the full ref name, e.g. {@code refs/reposix/state}
     * @return the object, empty if the ref does not exist
     */
    public Optional<ObjectId> ref(String name) {
        try {
            Ref ref = repository.exactRef(requireNonNull(name, "name is null"));
            return ref == null ? Optional.empty() : Optional.ofNullable(ref.getObjectId()).map(ObjectId::copy);
        } catch (IOException e) {
            throw GitFailures.wrap(e, "reading " + name, location.directory());
        }
    }

    /**
     * Asks for the next fetch to sync from the source of truth whatever the sync interval says, e.g.
     * after a push was rejected because a page changed there: the pusher's {@code git pull} must
     * bring that change, or the recovery would loop. A successful sync clears the request.
     *
     * @param requested true to request a sync, false to clear the request
     */
    public void requestSync(boolean requested) {
        Path marker = location.directory().resolve(SYNC_REQUESTED);
        try {
            if (requested) {
                Files.writeString(marker, "a push was rejected because the source of truth changed\n");
            } else {
                Files.deleteIfExists(marker);
            }
        } catch (IOException e) {
            throw GitFailures.wrap(e, "marking the cache for a sync", location.directory());
        }
    }

    /**
     * Whether {@link #requestSync} asked for a sync that has not happened yet.
     *
     * @return true if the next fetch must sync
     */
    public boolean syncRequested() {
        return Files.exists(location.directory().resolve(SYNC_REQUESTED));
    }

    /**
     * Whether a commit is another one or one of its ancestors; both must be in the cache.
     *
     * @param ancestor the possible ancestor
     * @param commit the commit
     * @return true if {@code commit} descends from (or is) {@code ancestor}
     */
    public boolean isAncestor(ObjectId ancestor, ObjectId commit) {
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.isMergedInto(walk.parseCommit(ancestor), walk.parseCommit(commit));
        } catch (IOException e) {
            throw GitFailures.wrap(e, "checking ancestry", location.directory());
        }
    }

    /**
     * Whether two commits of the cache have a common ancestor (they are not unrelated histories).
     *
     * @param one a commit
     * @param other another commit
     * @return true if they share history
     */
    public boolean shareHistory(ObjectId one, ObjectId other) {
        try (RevWalk walk = new RevWalk(repository)) {
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(walk.parseCommit(one));
            walk.markStart(walk.parseCommit(other));
            return walk.next() != null;
        } catch (IOException e) {
            throw GitFailures.wrap(e, "looking for a common ancestor", location.directory());
        }
    }

    /**
     * When the cache was last brought up to date, successfully, from its source of truth: the time of
     * the {@code refs/mirrors/<scheme>-synced-at} tag, which every successful sync moves (also one
     * that changed nothing). Reads no more than one tag object.
     *
     * @return the time (seconds precision), empty before the first sync
     */
    public Optional<Instant> lastSynced() {
        return lastSyncedIn(repository, location.scheme());
    }

    /**
     * When a repository that carries the mirror refs (a cache, or a clone of a mirror that fetched
     * {@code refs/mirrors/*}) was last synced from its source of truth, by its
     * {@code refs/mirrors/<scheme>-synced-at} tag.
     *
     * @param repository the repository
     * @param scheme the backend scheme, e.g. {@code confluence}
     * @return the time (seconds precision), empty when the repository has no such tag
     */
    public static Optional<Instant> lastSyncedIn(Repository repository, String scheme) {
        try {
            Ref ref = repository.exactRef(ReposixRefs.mirrorSyncedAt(scheme));
            if (ref == null || ref.getObjectId() == null) {
                return Optional.empty();
            }
            try (RevWalk walk = new RevWalk(repository)) {
                RevObject object = walk.parseAny(ref.getObjectId());
                if (object instanceof RevTag tag && tag.getTaggerIdent() != null) {
                    return Optional.of(tag.getTaggerIdent().getWhenAsInstant());
                }
                return Optional.empty();
            }
        } catch (IOException e) {
            throw GitFailures.wrap(e, "reading the last sync time", repository.getDirectory());
        }
    }

    /**
     * The sync tags, newest first (for {@code reposix history}).
     *
     * @return full ref names
     */
    public List<String> syncTags() {
        try {
            List<String> names = new ArrayList<>();
            for (Ref ref : repository.getRefDatabase().getRefsByPrefix(ReposixRefs.SYNC_TAG_PREFIX)) {
                names.add(ref.getName());
            }
            names.sort(ReposixRefs.SYNC_TAG_ORDER.reversed());
            return names;
        } catch (IOException e) {
            throw GitFailures.wrap(e, "listing sync tags", location.directory());
        }
    }

    /**
     * The syncs that changed something, newest first, with the commit each left {@code main} at.
     *
     * @return the sync history
     */
    public List<SyncTag> syncHistory() {
        List<SyncTag> history = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repository)) {
            for (String name : syncTags()) {
                RevCommit commit = walk.parseCommit(repository.exactRef(name).getObjectId());
                history.add(new SyncTag(name, commit.name(), Instant.ofEpochSecond(commit.getCommitTime()),
                        commit.getShortMessage()));
            }
            return history;
        } catch (IOException e) {
            throw GitFailures.wrap(e, "reading the sync history", location.directory());
        }
    }

    /**
     * Reads trees and blobs of this cache.
     *
     * @return a reader
     */
    public TreeReader trees() {
        return new TreeReader(repository);
    }

    /**
     * Reads the sync state behind sync commits of this cache and, for commits it did not make, the
     * state last fetched from the mirror (a commit another machine synced to the mirror).
     *
     * @return the store
     */
    public SyncStateStore syncStates() {
        return new SyncStateStore(repository, ReposixRefs.STATE, List.of(ReposixRefs.MIRROR_STATE));
    }

    @Override
    public void close() {
        repository.close();
    }

    private static void checkNoCredentials(String url) {
        try {
            if (new URI(url).getRawUserInfo() != null) {
                throw new IllegalArgumentException(
                        "the source-of-truth URL must not contain user info or credentials (host " + new URI(url).getHost()
                                + ")");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the source-of-truth URL is not a valid URI", e);
        }
    }
}
