package dev.reposix.core.sync;

import static java.util.Objects.requireNonNull;

import dev.reposix.api.Capability;
import dev.reposix.api.ManifestEntry;
import dev.reposix.api.Record;
import dev.reposix.api.RecordId;
import dev.reposix.api.RecordStatus;
import dev.reposix.api.ReposixException;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.core.AttachmentLimit;
import dev.reposix.core.CoreErrorCode;
import dev.reposix.core.RemoteSpec;
import dev.reposix.core.layout.Layout;
import dev.reposix.core.layout.LayoutKind;
import dev.reposix.core.layout.LayoutPlan;
import dev.reposix.core.layout.TreeConfig;
import dev.reposix.git.Cache;
import dev.reposix.git.CacheLock;
import dev.reposix.git.CheckoutAhead;
import dev.reposix.git.CommitDraft;
import dev.reposix.git.FileKind;
import dev.reposix.git.PathChange;
import dev.reposix.git.Signature;
import dev.reposix.git.SyncState;
import dev.reposix.git.SyncStateStore;
import dev.reposix.git.SyncTransaction;
import dev.reposix.git.TransactionOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.eclipse.jgit.lib.ObjectId;

/**
 * One sync of a cache from its source of truth: reads the manifest, diffs it against the sync state
 * of the cache's {@code main}, fetches bodies only for new and changed records (in bulk), confirms
 * vanished records before removing their files, writes the history (one import commit, then one
 * commit per changed record authored by its editor at its edit time, then one reposix commit for
 * moves and deletions), and moves every ref together at the end. A failure anywhere before that
 * leaves the cache as it was. Not thread-safe; the cache lock serialises syncs across processes.
 *
 * @since 0.1
 */
public final class SyncEngine {

    /** How many commits without a state (e.g. somebody's commits on a mirror) may sit on top of a sync. */
    private static final int MAX_STATE_STEPS = 1000;

    private final Clock clock;
    private final Duration lockWait;
    private final long maxAttachmentBytes;

    /**
     * Creates an engine.
     *
     * @param clock the clock for commit and tag times
     * @param lockWait how long to wait for another sync of the same cache to finish
     */
    public SyncEngine(Clock clock, Duration lockWait) {
        this(clock, lockWait, AttachmentLimit.DEFAULT_BYTES);
    }

    /**
     * Creates an engine with an attachment size limit.
     *
     * @param clock the clock for commit and tag times
     * @param lockWait how long to wait for another sync of the same cache to finish
     * @param maxAttachmentBytes the largest attachment to download ({@link AttachmentLimit})
     */
    public SyncEngine(Clock clock, Duration lockWait, long maxAttachmentBytes) {
        this.clock = requireNonNull(clock, "clock is null");
        this.lockWait = requireNonNull(lockWait, "lockWait is null");
        if (maxAttachmentBytes < 0) {
            throw new IllegalArgumentException("maxAttachmentBytes must be 0 or more: " + maxAttachmentBytes);
        }
        this.maxAttachmentBytes = maxAttachmentBytes;
    }

    /**
     * Syncs the cache from the source of truth.
     *
     * @param remote the remote being synced, for the tree's {@code .reposix/config} and messages
     * @param source the opened source of truth
     * @param cache the cache
     * @param requestedLayout the layout for a new tree; must match an existing tree's when given
     * @return what the sync did
     */
    public SyncReport sync(RemoteSpec remote, SourceOfTruth source, Cache cache, Optional<LayoutKind> requestedLayout) {
        try (CacheLock lock = cache.lock(lockWait)) {
            return sync(remote, source, cache, lock, requestedLayout);
        }
    }

    /**
     * Syncs the cache from the source of truth for a new working tree: when this is the cache's first
     * import, its files are also handed to the working tree while the import commit is written, so
     * that making the tree afterwards ({@link dev.reposix.git.WorkingTree#create(Cache, CheckoutAhead, String)})
     * has little or nothing left to check out.
     *
     * @param remote the remote being synced
     * @param source the opened source of truth
     * @param cache the cache
     * @param requestedLayout the layout for a new tree; must match an existing tree's when given
     * @param files the new working tree, written ahead
     * @return what the sync did
     */
    public SyncReport sync(RemoteSpec remote, SourceOfTruth source, Cache cache, Optional<LayoutKind> requestedLayout,
            CheckoutAhead files) {
        requireNonNull(files, "files is null");
        try (CacheLock lock = cache.lock(lockWait)) {
            return run(remote, source, cache, lock, requestedLayout, Optional.empty(), Optional.of(files));
        }
    }

    /**
     * How long a sync waits for another sync of the same cache to finish.
     *
     * @return the wait
     */
    public Duration lockWait() {
        return lockWait;
    }

    /**
     * Whether the cache was synced successfully less than {@code minInterval} ago by this engine's
     * clock, so that a fetch may serve it without asking the source of truth. A sync time in the
     * future (a clock that went back), or a sync requested by a rejected push, does not count as fresh.
     *
     * @param cache the cache
     * @param minInterval the shortest time between two syncs; zero or negative means never fresh
     * @return true if a sync can be skipped
     */
    public boolean isFresh(Cache cache, Duration minInterval) {
        requireNonNull(minInterval, "minInterval is null");
        if (minInterval.isZero() || minInterval.isNegative()) {
            return false;
        }
        if (cache.syncRequested()) {
            return false;
        }
        Instant now = clock.instant();
        return cache.lastSynced().filter(synced -> !synced.isAfter(now))
                .map(synced -> Duration.between(synced, now).compareTo(minInterval) < 0).orElse(false);
    }

    /**
     * Locks the cache for a sync that serves a fetch: a cache that already has a state to serve is
     * tried once, without waiting (a busy cache is an expected outcome: serve what it has); an empty
     * one is waited for as long as any sync would, since there is nothing to serve yet.
     *
     * @param cache the cache
     * @return the held lock, or empty if another process or thread holds it
     */
    public Optional<CacheLock> lockForServing(Cache cache) {
        return cache.main().isPresent() ? cache.tryLock(Duration.ZERO) : Optional.of(cache.lock(lockWait));
    }

    /**
     * Syncs the cache from the source of truth under a lock the caller already holds (and releases).
     *
     * @param remote the remote being synced, for the tree's {@code .reposix/config} and messages
     * @param source the opened source of truth
     * @param cache the cache
     * @param lock the cache's held lock
     * @param requestedLayout the layout for a new tree; must match an existing tree's when given
     * @return what the sync did
     */
    public SyncReport sync(RemoteSpec remote, SourceOfTruth source, Cache cache, CacheLock lock,
            Optional<LayoutKind> requestedLayout) {
        return sync(remote, source, cache, lock, requestedLayout, Optional.empty());
    }

    /**
     * Syncs the cache on top of a commit from elsewhere, e.g. a mirror's {@code main} fetched into the
     * cache (see {@link SyncTransaction#adoptBase} for how it is adopted). The previous sync state is
     * the one of the base or of its nearest first-parent ancestor that has one, so commits somebody
     * added on top of a sync (a workflow file, a README) are carried forward; a base with no state
     * at all is treated as a first import on top of it, keeping its files outside the records.
     *
     * @param remote the remote being synced
     * @param source the opened source of truth
     * @param cache the cache
     * @param lock the cache's held lock
     * @param requestedLayout the layout for a new tree
     * @param adoptBase the commit to build on, or empty for the cache's own {@code main}
     * @return what the sync did
     */
    public SyncReport sync(RemoteSpec remote, SourceOfTruth source, Cache cache, CacheLock lock,
            Optional<LayoutKind> requestedLayout, Optional<ObjectId> adoptBase) {
        return run(remote, source, cache, lock, requestedLayout, adoptBase, Optional.empty());
    }

    private SyncReport run(RemoteSpec remote, SourceOfTruth source, Cache cache, CacheLock lock,
            Optional<LayoutKind> requestedLayout, Optional<ObjectId> adoptBase, Optional<CheckoutAhead> files) {
        SyncTransaction transaction = cache.beginSync(lock);
        adoptBase.ifPresent(transaction::adoptBase);
        Optional<ObjectId> base = transaction.main();
        TreeConfig config = configOf(cache, base).orElseGet(() ->
                TreeConfig.of(remote.scheme(), remote.project(), requestedLayout.orElse(LayoutKind.TREE)));
        if (requestedLayout.isPresent() && requestedLayout.get() != config.layout()) {
            throw new ReposixException(CoreErrorCode.LAYOUT_MISMATCH, "the cache of " + remote + " uses the "
                    + config.layout().name().toLowerCase() + " layout; run without --layout, or use another"
                    + " REPOSIX_CACHE_DIR for a tree with the other layout");
        }
        Layout layout = config.toLayout();
        List<ManifestEntry> manifest;
        Optional<SyncStateStore.Found> nearest;
        // The last sync's state (10,000 records for as many pages) is read from the cache while the
        // source lists its manifest: neither needs the other.
        try (Beside<Optional<SyncStateStore.Found>> reading = Beside.start("reposix-state-read",
                () -> base.flatMap(commit -> cache.syncStates().findNearest(commit, MAX_STATE_STEPS)))) {
            manifest = source.manifest().stream().filter(entry -> entry.status() == RecordStatus.CURRENT).toList();
            nearest = reading.join();
        }
        Optional<SyncState> found = nearest.map(SyncStateStore.Found::state);
        SyncState previous = found.orElse(SyncState.empty());
        List<String> restored = nearest.filter(state -> !state.commit().equals(base.get()))
                .map(state -> restoreRecords(transaction, cache, state.commit(), config, clock.instant()))
                .orElse(List.of());
        Optional<RecordId> home = source.homeRecord();
        Supplier<RenderingFetch.Planned> planning = () -> {
            LayoutPlan made = layout.plan(manifest, home);
            return new RenderingFetch.Planned(made, new RecordRenderer(layout, made));
        };
        // A first import reads every page whatever the plan, so its plan is made beside the first body
        // requests; a later sync needs the plan first, to know which records only moved.
        CompletableFuture<RenderingFetch.Planned> planned = found.isEmpty()
                ? CompletableFuture.supplyAsync(planning, SyncEngine::startPlanThread)
                : CompletableFuture.completedFuture(planning.get());
        Optional<SyncPlan> plannedFirst = found.map(state ->
                SyncPlan.of(previous, manifest, RenderingFetch.planOf(planned).plan()));
        // Labels first: a backend that reads all labels at once can then serve the fetch from that read.
        Map<RecordId, Set<String>> relabelled = plannedFirst.map(work -> relabelled(source, work, previous))
                .orElse(Map.of());
        // A first import's commit is started while the bodies arrive; only one made of the fetched files
        // alone is written into a new working tree ahead (any other tree is cloned as usual).
        ImportAhead importAhead = found.isEmpty() ? startImport(transaction, base.isEmpty() ? files : Optional.empty())
                : null;
        try (importAhead) {
            Map<RecordId, Record> fetched = RenderingFetch.fetch(source, SyncPlan.toFetch(previous, manifest),
                    planned, Optional.ofNullable(importAhead));
            RenderingFetch.Planned made = RenderingFetch.planOf(planned);
            LayoutPlan plan = made.plan();
            RecordRenderer renderer = made.renderer();
            SyncPlan work = plannedFirst.orElseGet(() -> SyncPlan.of(previous, manifest, plan));
            Set<RecordId> deleted = confirmVanished(source, work.vanished());
            AttachmentSync attachments = AttachmentSync.plan(source, previous, plan, manifest, deleted,
                    maxAttachmentBytes, cache.trees(), transaction.main());
            HistoryWriter history = new HistoryWriter(transaction, cache.trees(), new Authors(source.location()),
                    clock.instant(), attachments, source, renderer, Optional.ofNullable(importAhead));
            Supplier<SyncTransaction.WrittenState> state = () -> transaction.writeState(attachments.withAttachments(
                    StateBuilder.next(previous, manifest, plan, fetched, deleted, relabelled, renderer), previous),
                    nearest);
            SyncCounts counts;
            if (found.isEmpty()) {
                // A first import always commits, and its state does not depend on the commit: both are
                // written at once, unless an attachment vanished before its download (then again after).
                try (Beside<SyncTransaction.WrittenState> stateAhead = Beside.start("reposix-state", state)) {
                    counts = history.write(true, config, plan, previous, work, fetched, deleted, relabelled);
                    SyncTransaction.WrittenState ahead = stateAhead.join();
                    transaction.recordState(transaction.main().orElseThrow(),
                            attachments.anyVanished() ? state.get() : ahead);
                }
            } else {
                counts = history.write(false, config, plan, previous, work, fetched, deleted, relabelled);
                transaction.main().filter(tip -> !tip.equals(base.orElse(null)))
                        .ifPresent(tip -> transaction.recordState(tip, state.get()));
            }
            TransactionOutcome outcome = transaction.apply(clock.instant(), Authors.reposixAt(clock.instant()));
            if (!outcome.applied()) {
                throw new ReposixException(CoreErrorCode.CACHE_MOVED, "the cache of " + remote
                        + " changed while syncing (" + String.join("; ", outcome.rejections())
                        + "); nothing was changed, run the command again");
            }
            cache.requestSync(false);
            return new SyncReport(cache.location().directory(), transaction.main().map(ObjectId::name),
                    counts.created(), counts.updated(), counts.moved(), counts.deleted(),
                    counts.commits() + (restored.isEmpty() ? 0 : 1), outcome.syncTag(), restored,
                    attachments.report());
        }
    }

    /** Runs the making of a first import's plan on a thread of its own; it only computes, so nothing waits for it. */
    private static void startPlanThread(Runnable making) {
        Thread thread = new Thread(making, "reposix-plan");
        thread.setDaemon(true);
        thread.start();
    }

    private static ImportAhead startImport(SyncTransaction transaction, Optional<CheckoutAhead> files) {
        CommitDraft draft = transaction.newCommit();
        files.ifPresent(draft::writingAhead);
        return ImportAhead.start(draft);
    }

    /**
     * The sync state behind a commit of the cache: its own, or that of its nearest first-parent
     * ancestor that has one (commits somebody added on top of a sync carry its state), as a sync on
     * top of that commit would take it.
     *
     * @param cache the cache
     * @param commit a commit of the cache
     * @return the state, empty if none is known
     */
    public SyncState stateAt(Cache cache, ObjectId commit) {
        return cache.syncStates().findNearest(commit, MAX_STATE_STEPS).map(SyncStateStore.Found::state)
                .orElse(SyncState.empty());
    }

    /**
     * Files in the records folder that changed after the last sync commit below the base without
     * reposix (a direct push or a merged pull request to a mirror) are put back as that sync left
     * them, in one reposix commit: the source of truth's content wins, and the sync then proceeds
     * from the state it recorded. Files outside the records folder are never touched.
     *
     * @return the restored paths, sorted; empty if none
     */
    private static List<String> restoreRecords(SyncTransaction transaction, Cache cache, ObjectId synced,
            TreeConfig config, Instant now) {
        String folder = config.recordsFolder().isEmpty() ? "" : config.recordsFolder() + "/";
        ObjectId base = transaction.main().orElseThrow();
        List<PathChange> changes = cache.trees().diff(Optional.of(synced), base).stream()
                .filter(change -> change.path().startsWith(folder)).toList();
        if (changes.isEmpty()) {
            return List.of();
        }
        try (CommitDraft draft = transaction.newCommit()) {
            for (PathChange change : changes) {
                if (change.oldBlob().isPresent()) {
                    draft.putBlob(change.path(), change.oldBlob().get(), FileKind.REGULAR);
                } else {
                    draft.delete(change.path());
                }
            }
            Signature reposix = Authors.reposixAt(now);
            draft.commitIfChanged(reposix, reposix, "Restore " + changes.size() + " file(s) in " + folder
                    + " changed without reposix: the source of truth wins").ifPresent(transaction::advanceMain);
        }
        return changes.stream().map(PathChange::path).toList();
    }

    private static Optional<TreeConfig> configOf(Cache cache, Optional<ObjectId> base) {
        return base.flatMap(commit -> cache.trees().blobAt(commit, TreeConfig.PATH))
                .map(blob -> TreeConfig.parse(cache.trees().readBlob(blob)));
    }

    /**
     * A record missing from one listing may still exist (a cursor can skip items while pages are
     * being edited): each is read once more, and only those that are really gone, or no longer
     * current, count as deleted. One that is still there keeps its file until the next sync.
     */
    private static Set<RecordId> confirmVanished(SourceOfTruth source, List<RecordId> vanished) {
        Set<RecordId> deleted = new HashSet<>(vanished);
        if (!vanished.isEmpty()) {
            source.readRecords(vanished, record -> {
                if (record.entry().status() == RecordStatus.CURRENT) {
                    deleted.remove(record.id());
                }
            });
        }
        return deleted;
    }

    /**
     * Label changes need not create a version, so the labels of unchanged records are read (without
     * bodies) and compared with the state; only the records whose labels differ are returned.
     */
    private static Map<RecordId, Set<String>> relabelled(SourceOfTruth source, SyncPlan work, SyncState previous) {
        if (!source.capabilities().supports(Capability.LABELS) || work.unchanged().isEmpty()) {
            return Map.of();
        }
        Map<RecordId, Set<String>> current = source.labels(work.unchanged().stream().map(ManifestEntry::id).toList());
        Map<RecordId, Set<String>> changed = new LinkedHashMap<>();
        current.forEach((id, labels) -> previous.get(id.value())
                .filter(state -> !state.labels().equals(new TreeSet<>(labels)))
                .ifPresent(state -> changed.put(id, labels)));
        return changed;
    }

}
