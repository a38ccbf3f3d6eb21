package dev.reposix.git;

import static java.util.Objects.requireNonNull;

import dev.reposix.api.ReposixException;
import dev.reposix.git.internal.GitFailures;
import dev.reposix.git.internal.SpillingInserter;
import dev.reposix.git.internal.StateTrees;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.BatchRefUpdate;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefDatabase;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TagBuilder;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.ReceiveCommand;

/**
 * The ref updates of one sync, collected while the sync works and applied at the end as one atomic
 * batch ({@link BatchRefUpdate} with {@code atomic=true}), each update checking the id the ref had
 * when the transaction started. If any ref moved meanwhile, nothing moves and the outcome says so.
 *
 * <p>On {@link #apply}: {@code main} moves to the last commit passed to {@link #advanceMain} (if
 * any) and then a sync tag {@code refs/reposix/sync/<time>} (with {@code -2}, {@code -3}, ... on a
 * collision) is created at it; the state ref moves to one new state commit holding every state
 * passed to {@link #recordState}; and, always — also for a sync that changed nothing —
 * {@code refs/mirrors/<scheme>-head} moves to the current {@code main} and
 * {@code refs/mirrors/<scheme>-synced-at} to a new annotated tag on it whose message is
 * {@code mirror synced at <time>}. Objects are written before the batch, so a failure at any point
 * leaves every ref as it was.
 *
 * <p>Start one with {@link Cache#beginSync} while holding the cache lock. Single use and not
 * thread-safe.
 *
 * @since 0.1
 */
public final class SyncTransaction {

    private final Repository repository;
    private final String scheme;
    private final CacheLock lock;
    private final Map<String, ObjectId> startIds = new LinkedHashMap<>();
    private Optional<ObjectId> main;
    private Optional<ObjectId> stateIndex;
    private final List<ObjectId> stateCommits = new ArrayList<>();
    private boolean finished;
    private boolean started;

    SyncTransaction(Repository repository, String scheme, CacheLock lock) {
        this.repository = repository;
        this.scheme = scheme;
        this.lock = lock;
        checkLock();
        for (String name : List.of(ReposixRefs.MAIN, ReposixRefs.STATE, ReposixRefs.mirrorHead(scheme),
                ReposixRefs.mirrorSyncedAt(scheme))) {
            startIds.put(name, current(name).orElse(ObjectId.zeroId()));
        }
        this.main = startId(ReposixRefs.MAIN);
        this.stateIndex = startId(ReposixRefs.STATE).map(this::treeOf);
    }

    /**
     * The commit {@code main} pointed at when the transaction started.
     *
     * @return the commit, empty before the first sync
     */
    public Optional<ObjectId> baseMain() {
        return startId(ReposixRefs.MAIN);
    }

    /**
     * The commit {@code main} will point at: the last commit passed to {@link #advanceMain}, or the base.
     *
     * @return the commit, empty before the first sync
     */
    public Optional<ObjectId> main() {
        return main;
    }

    /**
     * A draft of the next commit on top of {@link #main()}; the caller closes it.
     *
     * @return the draft
     */
    public CommitDraft newCommit() {
        checkOpen();
        started = true;
        return new CommitDraft(repository, main);
    }

    /**
     * Stages {@code main} to move to a commit that descends from the current {@link #main()}.
     *
     * @param commit the new tip
     */
    public void advanceMain(ObjectId commit) {
        requireNonNull(commit, "commit is null");
        checkOpen();
        started = true;
        if (main.isPresent() && !isAncestor(main.get(), commit)) {
            throw new ReposixException(GitErrorCode.TRANSACTION_MISUSE,
                    "commit " + commit.name() + " does not descend from " + main.get().name()
                            + "; main only fast-forwards");
        }
        main = Optional.of(commit.copy());
    }

    /**
     * Builds this sync on top of a commit that came from elsewhere — the {@code main} of a mirror,
     * fetched into this cache — so that the commits of the sync descend from it and the mirror only
     * ever fast-forwards. Call it before the first {@link #newCommit}/{@link #advanceMain}.
     *
     * <p>The choice, in order: no {@code main} yet, or {@code main} is an ancestor of the commit (the
     * mirror has commits of its own on top, e.g. a workflow file, or another machine synced it):
     * the commit becomes the base ({@link Adoption#ADOPTED}). The same commit: nothing to do
     * ({@link Adoption#SAME}). The commit is an ancestor of {@code main} (this cache synced further
     * than the mirror got, e.g. a push that did not reach it): {@code main} stays, the mirror will
     * fast-forward to it ({@link Adoption#KEPT}). Neither descends from the other (the cache was
     * made independently of the mirror): the mirror wins, because its history is the one people
     * cloned and it must never be rewritten, while the cache is only a local copy
     * ({@link Adoption#REPLACED}; {@code main} of the cache then moves without a fast-forward).
     * The sync state of the new base is looked up by the caller (nearest ancestor with a state).
     *
     * @param commit the commit to build on; its objects must be in this repository
     * @return which of the cases applied
     */
    public Adoption adoptBase(ObjectId commit) {
        requireNonNull(commit, "commit is null");
        checkOpen();
        if (started) {
            throw new ReposixException(GitErrorCode.TRANSACTION_MISUSE,
                    "a base can only be adopted before the first commit of a sync");
        }
        Adoption adoption;
        if (main.isEmpty() || isAncestor(main.get(), commit)) {
            adoption = main.filter(commit::equals).isPresent() ? Adoption.SAME : Adoption.ADOPTED;
        } else if (isAncestor(commit, main.get())) {
            return Adoption.KEPT;
        } else {
            adoption = Adoption.REPLACED;
        }
        main = Optional.of(commit.copy());
        return adoption;
    }

    /** How {@link #adoptBase} treated the offered commit. */
    public enum Adoption {
        /** The offered commit is {@code main} already. */
        SAME,
        /** {@code main} was absent or an ancestor of the offered commit, which became the base. */
        ADOPTED,
        /** The offered commit is an ancestor of {@code main}, which stays the base. */
        KEPT,
        /** Neither descended from the other; the offered commit replaced {@code main} as the base. */
        REPLACED
    }

    /**
     * Stages the sync state behind a sync commit, written incrementally from the latest recorded state.
     *
     * @param commit the sync commit the state belongs to
     * @param state the state
     * @return how many objects were inserted for it (a measure of the incremental cost)
     */
    public int recordState(ObjectId commit, SyncState state) {
        return recordState(commit, writeState(state));
    }

    /**
     * Writes the objects of a sync state, incrementally from the latest state recorded so far, to be
     * staged for a commit with {@link #recordState(ObjectId, WrittenState)}. Unlike the rest of the
     * transaction, this may run on another thread while commits are written (it only adds objects
     * and reads what the transaction recorded before), so a sync that knows its state before its
     * commit can write both at once; it must not overlap a {@code recordState}.
     *
     * @param state the state
     * @return the written state
     */
    public WrittenState writeState(SyncState state) {
        return writeState(state, Optional.empty());
    }

    /**
     * Writes the objects of a sync state like {@link #writeState(SyncState)}, knowing the state it was
     * built on: when that is the latest state recorded, only the records that differ from it are
     * encoded and written, so the cost follows the changes, not the number of records.
     *
     * @param state the state
     * @param builtOn the state it was built on, as read from this cache, if any
     * @return the written state
     */
    public WrittenState writeState(SyncState state, Optional<SyncStateStore.Found> builtOn) {
        requireNonNull(state, "state is null");
        requireNonNull(builtOn, "builtOn is null");
        checkOpen();
        Optional<ObjectId> index = stateIndex;
        try (ObjectInserter inserter = SpillingInserter.of(repository); ObjectReader reader = inserter.newReader()) {
            Optional<ObjectId> latest = index.isEmpty() ? Optional.empty() : StateTrees.latest(reader, index.get());
            Optional<SyncState> latestState = builtOn.filter(found -> latest.filter(found.tree()::equals).isPresent())
                    .map(SyncStateStore.Found::state);
            StateTrees.Written stateTree = StateTrees.writeState(reader, inserter, latest, state, latestState);
            inserter.flush();
            return new WrittenState(stateTree.tree(), stateTree.objectsInserted());
        } catch (IOException e) {
            throw GitFailures.wrap(e, "writing the sync state", repository.getDirectory());
        }
    }

    /**
     * Stages a sync state written by {@link #writeState} behind a sync commit.
     *
     * @param commit the sync commit the state belongs to
     * @param state the written state
     * @return how many objects were inserted for the state (a measure of the incremental cost)
     */
    public int recordState(ObjectId commit, WrittenState state) {
        requireNonNull(commit, "commit is null");
        requireNonNull(state, "state is null");
        checkOpen();
        try (ObjectInserter inserter = SpillingInserter.of(repository); ObjectReader reader = inserter.newReader()) {
            StateTrees.Written index = StateTrees.addToIndex(reader, inserter, stateIndex, commit, state.tree());
            inserter.flush();
            stateIndex = Optional.of(index.tree());
            stateCommits.add(commit.copy());
            return state.objectsInserted() + index.objectsInserted();
        } catch (IOException e) {
            throw GitFailures.wrap(e, "writing the sync state", repository.getDirectory());
        }
    }

    /**
     * A sync state whose objects are written, not yet staged for a commit.
     *
     * @param tree the state tree
     * @param objectsInserted how many objects were inserted for it
     */
    public record WrittenState(ObjectId tree, int objectsInserted) {

        /**
         * Checks the tree.
         *
         * @param tree the state tree
         * @param objectsInserted how many objects were inserted for it
         */
        public WrittenState {
            requireNonNull(tree, "tree is null");
        }
    }

    /**
     * Writes the state commit and tags, then moves every staged ref in one atomic batch.
     *
     * @param syncedAt the sync time, for the sync tag and the synced-at tag (seconds precision, UTC)
     * @param tagger who writes the tags and the state commit (its instant is replaced by {@code syncedAt})
     * @return applied, or rejected with nothing moved
     */
    public TransactionOutcome apply(Instant syncedAt, Signature tagger) {
        return apply(syncedAt, tagger, true);
    }

    /**
     * Writes the state commit, then moves {@code main} and the state ref in one atomic batch, and
     * nothing else: a push brings only the pages it wrote up to date, so it is not a sync (no sync
     * tag, and the mirror refs keep saying when the cache was last synced as a whole).
     *
     * @param pushedAt the time of the push, for the state commit
     * @param writer who writes the state commit (its instant is replaced by {@code pushedAt})
     * @return applied, or rejected with nothing moved
     */
    public TransactionOutcome applyPush(Instant pushedAt, Signature writer) {
        return apply(pushedAt, writer, false);
    }

    private TransactionOutcome apply(Instant syncedAt, Signature tagger, boolean sync) {
        requireNonNull(syncedAt, "syncedAt is null");
        requireNonNull(tagger, "tagger is null");
        checkOpen();
        checkLock();
        finished = true;
        ObjectId tip = main.orElseThrow(() -> new ReposixException(GitErrorCode.TRANSACTION_MISUSE,
                "a sync must leave a commit on main before the mirror refs can be marked"));
        Signature stamp = tagger.at(syncedAt);
        Map<String, ObjectId> updates = new LinkedHashMap<>();
        Optional<String> syncTag = Optional.empty();
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            if (!main.equals(baseMain())) {
                updates.put(ReposixRefs.MAIN, tip);
                if (sync) {
                    syncTag = Optional.of(freeSyncTag(syncedAt));
                    updates.put(syncTag.get(), tip);
                }
            }
            if (!stateCommits.isEmpty()) {
                updates.put(ReposixRefs.STATE, stateCommit(inserter, stamp, sync ? "sync" : "push"));
            }
            if (sync) {
                updates.put(ReposixRefs.mirrorHead(scheme), tip);
                updates.put(ReposixRefs.mirrorSyncedAt(scheme), syncedAtTag(inserter, tip, syncedAt, stamp));
            }
            inserter.flush();
            return execute(updates, syncTag);
        } catch (IOException e) {
            throw GitFailures.wrap(e, "updating the refs of the " + (sync ? "sync" : "push"), repository.getDirectory());
        }
    }

    private TransactionOutcome execute(Map<String, ObjectId> updates, Optional<String> syncTag) throws IOException {
        RefDatabase refs = repository.getRefDatabase();
        if (!refs.performsAtomicTransactions()) {
            throw new ReposixException(GitErrorCode.GIT_FAILURE,
                    "the ref storage of " + repository.getDirectory() + " cannot update refs atomically");
        }
        BatchRefUpdate batch = refs.newBatchUpdate().setAtomic(true).setAllowNonFastForwards(true)
                .setRefLogMessage("reposix sync", false);
        List<ReceiveCommand> commands = new ArrayList<>();
        updates.forEach((name, id) -> commands.add(new ReceiveCommand(
                startIds.getOrDefault(name, ObjectId.zeroId()), id, name)));
        batch.addCommand(commands);
        try (RevWalk walk = new RevWalk(repository)) {
            batch.execute(walk, NullProgressMonitor.INSTANCE);
        }
        List<String> rejections = new ArrayList<>();
        for (ReceiveCommand command : commands) {
            if (command.getResult() != ReceiveCommand.Result.OK) {
                String message = command.getMessage() == null ? "" : " (" + command.getMessage() + ")";
                rejections.add(command.getRefName() + ": " + command.getResult() + message);
            }
        }
        if (rejections.isEmpty()) {
            return new TransactionOutcome(TransactionOutcome.Status.APPLIED, updates, syncTag, List.of());
        }
        return new TransactionOutcome(TransactionOutcome.Status.REJECTED, updates, Optional.empty(), rejections);
    }

    private String freeSyncTag(Instant syncedAt) throws IOException {
        for (int attempt = 1; ; attempt++) {
            String name = ReposixRefs.syncTag(syncedAt, attempt);
            if (repository.exactRef(name) == null) {
                return name;
            }
        }
    }

    private ObjectId stateCommit(ObjectInserter inserter, Signature stamp, String operation) throws IOException {
        CommitBuilder builder = new CommitBuilder();
        builder.setTreeId(stateIndex.orElseThrow());
        startId(ReposixRefs.STATE).ifPresent(builder::setParentId);
        builder.setAuthor(stamp.toPersonIdent());
        builder.setCommitter(stamp.toPersonIdent());
        StringBuilder message = new StringBuilder("reposix " + operation + " state\n\n");
        for (ObjectId commit : stateCommits) {
            message.append("Sync-Commit: ").append(commit.name()).append('\n');
        }
        builder.setMessage(message.toString());
        return inserter.insert(builder);
    }

    private ObjectId syncedAtTag(ObjectInserter inserter, ObjectId tip, Instant syncedAt, Signature stamp)
            throws IOException {
        TagBuilder tag = new TagBuilder();
        tag.setObjectId(tip, Constants.OBJ_COMMIT);
        tag.setTag(scheme + "-synced-at");
        tag.setTagger(stamp.toPersonIdent());
        tag.setMessage(ReposixRefs.syncedAtMessage(syncedAt) + "\n");
        return inserter.insert(tag);
    }

    private Optional<ObjectId> startId(String name) {
        ObjectId id = startIds.get(name);
        return id == null || id.equals(ObjectId.zeroId()) ? Optional.empty() : Optional.of(id);
    }

    private Optional<ObjectId> current(String name) {
        try {
            Ref ref = repository.exactRef(name);
            return ref == null || ref.getObjectId() == null ? Optional.empty() : Optional.of(ref.getObjectId().copy());
        } catch (IOException e) {
            throw GitFailures.wrap(e, "reading " + name, repository.getDirectory());
        }
    }

    private ObjectId treeOf(ObjectId commit) {
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.parseCommit(commit).getTree().copy();
        } catch (IOException e) {
            throw GitFailures.wrap(e, "reading the state ref", repository.getDirectory());
        }
    }

    private boolean isAncestor(ObjectId ancestor, ObjectId commit) {
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit base = walk.parseCommit(ancestor);
            return walk.isMergedInto(base, walk.parseCommit(commit));
        } catch (IOException e) {
            throw GitFailures.wrap(e, "checking ancestry", repository.getDirectory());
        }
    }

    private void checkOpen() {
        if (finished) {
            throw new ReposixException(GitErrorCode.TRANSACTION_MISUSE,
                    "this sync transaction was applied already; begin a new one");
        }
    }

    private void checkLock() {
        if (lock == null || !lock.isHeld()) {
            throw new ReposixException(GitErrorCode.TRANSACTION_MISUSE,
                    "a sync transaction needs the cache lock held from start to ref update");
        }
    }
}
