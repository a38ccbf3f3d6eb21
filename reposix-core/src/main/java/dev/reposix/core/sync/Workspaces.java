package dev.reposix.core.sync;

import dev.reposix.api.ReposixException;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.core.CoreErrorCode;
import dev.reposix.core.RemoteSpec;
import dev.reposix.core.RemoteUrl;
import dev.reposix.core.layout.LayoutKind;
import dev.reposix.core.layout.TreeConfig;
import dev.reposix.git.Cache;
import dev.reposix.git.CheckoutAhead;
import dev.reposix.git.CacheLocation;
import dev.reposix.git.SyncTag;
import dev.reposix.git.CacheLock;
import dev.reposix.git.GitClone;
import dev.reposix.git.GitErrorCode;
import dev.reposix.git.MirrorRemote;
import dev.reposix.git.WorkingTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Caches and working trees on this machine: syncing a remote's cache, creating a working tree from
 * it, and bringing a working tree up to date. Stateless apart from its collaborators; thread-safe.
 *
 * @since 0.1
 */
public final class Workspaces {

    private final Map<String, String> environment;
    private final Function<RemoteSpec, SourceOfTruth> opener;
    private final SyncEngine engine;

    /**
     * Creates the service.
     *
     * @param environment the environment (for {@code REPOSIX_CACHE_DIR} and friends)
     * @param opener opens a remote's source of truth
     * @param engine the sync engine
     */
    public Workspaces(Map<String, String> environment, Function<RemoteSpec, SourceOfTruth> opener, SyncEngine engine) {
        this.environment = Map.copyOf(environment);
        this.opener = opener;
        this.engine = engine;
    }

    /**
     * Syncs a remote's cache.
     *
     * @param remote the remote
     * @param layout the layout for a new tree
     * @return what the sync did
     */
    public SyncReport sync(RemoteSpec remote, Optional<LayoutKind> layout) {
        try (SourceOfTruth source = opener.apply(remote); Cache cache = open(remote, source)) {
            return engine.sync(remote, source, cache, layout);
        }
    }

    /**
     * Opens a remote's cache to serve a fetch (the remote helper's {@code git-upload-pack}), first
     * syncing it from the source of truth unless it was synced less than {@code minInterval} ago or
     * another process holds its lock; neither of those asks the source of truth anything. A failed
     * sync is reported in the result when there is a cached state to serve, thrown otherwise.
     *
     * @param remote the remote
     * @param location the source of truth's base URL as the {@code reposix::} URL names it; the cache
     *     must serve this one, and so must the opened source of truth
     * @param minInterval the shortest time between two syncs ({@code REPOSIX_SYNC_MIN_INTERVAL})
     * @return the open cache and how fresh it is; close it when done
     * @throws ReposixException when the cache serves another source of truth, or it has nothing to
     *     serve and the sync failed
     */
    public ServedCache serve(RemoteSpec remote, String location, Duration minInterval) {
        Cache cache = Cache.open(cacheOf(remote), location);
        try {
            return refresh(remote, cache, minInterval);
        } catch (RuntimeException | Error failure) {
            cache.close();
            throw failure;
        }
    }

    private ServedCache refresh(RemoteSpec remote, Cache cache, Duration minInterval) {
        if (engine.isFresh(cache, minInterval)) {
            return new ServedCache(cache, ServedCache.Freshness.RECENT, Optional.empty(), Optional.empty());
        }
        Optional<CacheLock> lock = engine.lockForServing(cache);
        if (lock.isEmpty()) {
            return new ServedCache(cache, ServedCache.Freshness.BUSY, Optional.empty(), Optional.empty());
        }
        try (CacheLock held = lock.get()) {
            if (engine.isFresh(cache, minInterval)) {
                // another process synced while this one waited for the lock
                return new ServedCache(cache, ServedCache.Freshness.RECENT, Optional.empty(), Optional.empty());
            }
            try (SourceOfTruth source = opener.apply(remote)) {
                requireSameSource(cache, source);
                SyncReport report = engine.sync(remote, source, cache, held, Optional.empty());
                return new ServedCache(cache, ServedCache.Freshness.SYNCED, Optional.of(report), Optional.empty());
            } catch (ReposixException failure) {
                if (cache.main().isEmpty()) {
                    throw failure;
                }
                return new ServedCache(cache, ServedCache.Freshness.SYNC_FAILED, Optional.empty(), Optional.of(failure));
            }
        }
    }

    private static void requireSameSource(Cache cache, SourceOfTruth source) {
        String opened = trimSlashes(source.location().toString());
        if (!opened.equals(trimSlashes(cache.sourceOfTruth()))) {
            throw new ReposixException(GitErrorCode.CACHE_OTHER_SOT, "the remote URL names " + cache.sourceOfTruth()
                    + " but the settings open " + opened + "; make the remote URL (git remote set-url) and the"
                    + " backend's settings name the same site");
        }
    }

    private static String trimSlashes(String url) {
        return url.strip().replaceFirst("/+$", "");
    }

    /**
     * Keeps a plain-git mirror of a remote in sync: reads the mirror's {@code main} with the git
     * binary, fetches it into the cache and syncs on top of it (so the mirror only fast-forwards and
     * its files outside the records folder are carried forward), pushes {@code main} as a
     * fast-forward with a lease on the tip read first, and then pushes the {@code refs/mirrors/*}
     * refs and the sync state in a separate push. The mirror's URL must pass the egress policy
     * (see {@code MirrorEgress}; local paths are exempt). The cache lock is held throughout.
     *
     * @param remote the remote
     * @param mirror a remote name of the repository at {@code workingDirectory}, a URL or a path
     * @param workingDirectory where the command runs (a clone of the mirror, or anywhere for a URL)
     * @return what happened; a lost lease is an outcome, not an error
     */
    public MirrorReport mirrorSync(RemoteSpec remote, String mirror, Path workingDirectory) {
        try (SourceOfTruth source = opener.apply(remote); Cache cache = open(remote, source);
             CacheLock lock = cache.lock(engine.lockWait())) {
            MirrorRemote target = MirrorEgress.resolve(cache, mirror, workingDirectory, environment);
            Optional<ObjectId> before = target.readMain();
            Optional<ObjectId> base = before.map(target::fetchMain);
            SyncReport report = engine.sync(remote, source, cache, lock, Optional.empty(), base);
            MirrorRemote.MainPush pushed = target.pushMain(before);
            if (pushed == MirrorRemote.MainPush.LEASE_LOST) {
                return new MirrorReport(report, MirrorReport.Outcome.LEASE_LOST, before.map(ObjectId::name),
                        Optional.empty());
            }
            Optional<String> warning = target.pushAnnotations();
            MirrorReport.Outcome outcome = pushed == MirrorRemote.MainPush.PUSHED ? MirrorReport.Outcome.SYNCED
                    : MirrorReport.Outcome.NOTHING_TO_DO;
            return new MirrorReport(report, outcome, before.map(ObjectId::name), warning);
        }
    }

    /**
     * Attaches a clone of a mirror (made with vanilla git) to the mirror's source of truth, so that
     * it can push back: fetches the mirror's {@code refs/mirrors/*} and sync state into the clone
     * (and configures its remote to keep fetching them), syncs the cache on top of the mirror's
     * {@code main} (so the clone and the cache share one history and pull and push between them
     * fast-forward), reconciles the clone's record files with the pages by id, adds the remote for
     * the source of truth and makes it {@code remote.pushDefault} unless one is set, and
     * fast-forwards the clone's {@code main} when it is clean. Every refusal (not a clone of this
     * project's mirror, attached to another project, two files with one id, files of deleted pages
     * under {@link OrphanPolicy#ABORT}) happens before the clone is changed. Re-attaching to the same
     * project changes nothing but what the source of truth changed. The cache lock is held throughout.
     *
     * @param remote the project
     * @param directory the clone (or a directory inside its work tree)
     * @param options the remote names, the bus and the orphan policy
     * @return what happened
     */
    public AttachReport attach(RemoteSpec remote, Path directory, AttachOptions options) {
        return new Attacher(environment, opener, this::cacheOf, engine).attach(remote, directory, options);
    }

    /**
     * Syncs a remote's cache and creates a new working tree from it whose {@code origin} is the
     * remote's {@code reposix::} URL.
     *
     * @param remote the remote
     * @param directory the new working tree: absent or empty
     * @param layout the layout for a new tree
     * @return what the sync did
     */
    public SyncReport init(RemoteSpec remote, Path directory, Optional<LayoutKind> layout) {
        requireEmpty(directory);
        // The tree is made first, so an unwritable place fails before anything is fetched; its files
        // are written while the import is committed, and a failure removes them again.
        try (CheckoutAhead files = CheckoutAhead.into(directory); SourceOfTruth source = opener.apply(remote);
                Cache cache = open(remote, source)) {
            SyncReport report = engine.sync(remote, source, cache, layout, files);
            WorkingTree.create(cache, files, RemoteUrl.of(source.location().toString(), remote, Optional.empty()));
            return report;
        }
    }

    /**
     * Syncs the cache behind a working tree and fast-forwards the tree when it is clean. The cache's
     * {@code main} is fetched into the tracking ref of the tree's remote for the source of truth:
     * {@code origin} in a tree made by {@code init}, the attached remote in a clone of a mirror.
     *
     * @param directory the working tree (its {@code .reposix/config} names the remote)
     * @return what happened
     */
    public TreeUpdate update(Path directory) {
        RemoteSpec remote = remoteOf(directory);
        try (SourceOfTruth source = opener.apply(remote); Cache cache = open(remote, source)) {
            SyncReport report = engine.sync(remote, source, cache, Optional.empty());
            String url = RemoteUrl.of(source.location().toString(), remote, Optional.empty());
            String tracking = GitClone.open(directory).remoteUrls().entrySet().stream()
                    .filter(candidate -> candidate.getValue().startsWith(RemoteUrl.PREFIX)
                            && RemoteUrl.sameProject(candidate.getValue(), url))
                    .map(Map.Entry::getKey).findFirst().orElse("origin");
            return new TreeUpdate(directory, report, WorkingTree.fastForward(cache, directory, tracking));
        }
    }

    /**
     * The sync history of the cache behind a working tree, newest first; reads only local files.
     *
     * @param directory the working tree
     * @return the syncs that changed something
     */
    public List<SyncTag> history(Path directory) {
        RemoteSpec remote = remoteOf(directory);
        String url = WorkingTree.originUrl(directory).orElseThrow(() -> new ReposixException(CoreErrorCode.NOT_A_TREE,
                directory + " has no origin remote; it was not made by reposix init"));
        String suffix = "/" + remote.scheme() + "/projects/";
        int cut = url.lastIndexOf(suffix);
        if (!url.startsWith(RemoteUrl.PREFIX) || cut < 0) {
            throw new ReposixException(CoreErrorCode.NOT_A_TREE, "origin of " + directory + " is not a reposix:: URL");
        }
        try (Cache cache = Cache.open(cacheOf(remote), url.substring(RemoteUrl.PREFIX.length(), cut))) {
            return cache.syncHistory();
        }
    }

    /**
     * The cache location of a remote on this machine.
     *
     * @param remote the remote
     * @return the location
     */
    public CacheLocation cacheOf(RemoteSpec remote) {
        return CacheLocation.resolve(environment, remote.scheme(), remote.project());
    }

    /**
     * The remote a working tree belongs to, from its {@code .reposix/config}.
     *
     * @param directory the working tree
     * @return the remote
     */
    public static RemoteSpec remoteOf(Path directory) {
        Path config = directory.resolve(TreeConfig.PATH);
        if (!Files.isRegularFile(config)) {
            throw new ReposixException(CoreErrorCode.NOT_A_TREE, directory + " is not a reposix working tree (it has no "
                    + TreeConfig.PATH + "); run the command inside one, or create one with reposix init");
        }
        try {
            TreeConfig tree = TreeConfig.parse(Files.readAllBytes(config));
            return new RemoteSpec(tree.scheme(), tree.project());
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private Cache open(RemoteSpec remote, SourceOfTruth source) {
        return Cache.open(cacheOf(remote), source.location().toString());
    }

    private static void requireEmpty(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            if (entries.findAny().isPresent()) {
                throw new ReposixException(CoreErrorCode.DIRECTORY_NOT_EMPTY, directory
                        + " is not empty; reposix init needs a new or empty directory");
            }
        } catch (IOException unreadable) {
            throw new ReposixException(CoreErrorCode.DIRECTORY_NOT_EMPTY, directory + " cannot be used: "
                    + unreadable.getMessage());
        }
    }
}
