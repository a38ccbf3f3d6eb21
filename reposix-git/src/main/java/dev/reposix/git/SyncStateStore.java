package dev.reposix.git;

import static java.util.Objects.requireNonNull;

import dev.reposix.git.internal.GitFailures;
import dev.reposix.git.internal.StateTrees;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Reads the {@link SyncState} behind sync commits from a state ref (by default
 * {@value ReposixRefs#STATE}), in the cache or in any clone that fetched that ref.
 *
 * <p><b>Storage and why.</b> The state lives on its own commit chain, not in git notes and not in
 * files users see. Each commit on the chain has an <em>index tree</em>: {@code commits/<2>/<38>}
 * maps a sync commit's id to that commit's <em>state tree</em>, which holds one small text blob per
 * record under {@code records/<shard>/<id>} (see {@code StateCodec} for the deterministic,
 * versioned format). Git notes were rejected because a note must be a blob: the whole state of
 * 10,000 records would be one blob rewritten on every sync, while here a sync that changes 3
 * records writes about a dozen objects (3 blobs, their shard trees, the small index trees and one
 * commit), and identical state trees are shared between commits for free. Being an ordinary
 * fast-forwarding branch-like ref, it travels with a plain {@code git push}/{@code git fetch} of
 * {@code refs/reposix/state} (the mirror sync pushes it beside {@code refs/mirrors/*}), and
 * {@code git fsck}/{@code git gc} treat it like any other history. Writing happens inside a
 * {@link SyncTransaction}, so the state ref moves atomically with {@code main}.
 *
 * <p>Thread-safe: every call uses its own reader.
 *
 * @since 0.1
 */
public final class SyncStateStore {

    private final Repository repository;
    private final String stateRef;
    private final List<String> fallbackRefs;

    /**
     * A store reading {@value ReposixRefs#STATE}.
     *
     * @param repository the repository; stays open and owned by the caller
     */
    public SyncStateStore(Repository repository) {
        this(repository, ReposixRefs.STATE);
    }

    /**
     * A store reading another ref, e.g. a remote-tracking copy of the state ref in a clone.
     *
     * @param repository the repository; stays open and owned by the caller
     * @param stateRef the full ref name
     */
    public SyncStateStore(Repository repository, String stateRef) {
        this(repository, stateRef, List.of());
    }

    /**
     * A store reading a ref and, for commits it has no state for, other refs in order: a cache reads
     * its own state, then the state last fetched from its mirror ({@value ReposixRefs#MIRROR_STATE}),
     * which knows the mirror's commits even when another machine's syncs made them.
     *
     * @param repository the repository; stays open and owned by the caller
     * @param stateRef the full ref name
     * @param fallbackRefs further refs to look in, in order
     */
    public SyncStateStore(Repository repository, String stateRef, List<String> fallbackRefs) {
        this.repository = requireNonNull(repository, "repository is null");
        this.stateRef = requireNonNull(stateRef, "stateRef is null");
        this.fallbackRefs = List.copyOf(fallbackRefs);
    }

    /**
     * The state behind a sync commit.
     *
     * @param commit the sync commit
     * @return the state, or empty if none was recorded for that commit
     */
    public Optional<SyncState> read(ObjectId commit) {
        requireNonNull(commit, "commit is null");
        try (ObjectReader reader = repository.newObjectReader()) {
            Optional<ObjectId> stateTree = stateOf(reader, indexTrees(reader), commit);
            return stateTree.isEmpty() ? Optional.empty() : Optional.of(StateTrees.readState(reader, stateTree.get()));
        } catch (IOException e) {
            throw GitFailures.wrap(e, "reading the sync state of " + commit.name(), repository.getDirectory());
        }
    }

    /**
     * The state behind a commit or, if it has none, behind its nearest first-parent ancestor that has one.
     *
     * @param commit the commit
     * @param maxSteps how many first parents to follow at most
     * @return the state and the commit it belongs to, or empty
     */
    public Optional<Found> findNearest(ObjectId commit, int maxSteps) {
        requireNonNull(commit, "commit is null");
        try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            List<ObjectId> indexes = indexTrees(reader);
            if (indexes.isEmpty()) {
                return Optional.empty();
            }
            ObjectId current = commit;
            for (int step = 0; step <= maxSteps && current != null; step++) {
                Optional<ObjectId> stateTree = stateOf(reader, indexes, current);
                if (stateTree.isPresent()) {
                    return Optional.of(new Found(current.copy(), StateTrees.readState(reader, stateTree.get()),
                            stateTree.get().copy()));
                }
                RevCommit parsed = walk.parseCommit(current);
                current = parsed.getParentCount() == 0 ? null : parsed.getParent(0);
            }
            return Optional.empty();
        } catch (IOException e) {
            throw GitFailures.wrap(e, "reading the sync state of " + commit.name(), repository.getDirectory());
        }
    }

    /**
     * The ref this store reads.
     *
     * @return the full ref name
     */
    public String stateRef() {
        return stateRef;
    }

    private static Optional<ObjectId> stateOf(ObjectReader reader, List<ObjectId> indexes, ObjectId commit)
            throws IOException {
        for (ObjectId index : indexes) {
            Optional<ObjectId> stateTree = StateTrees.stateOf(reader, index, commit);
            if (stateTree.isPresent()) {
                return stateTree;
            }
        }
        return Optional.empty();
    }

    /** The index trees of the state ref and the fallback refs that exist, in order. */
    private List<ObjectId> indexTrees(ObjectReader reader) throws IOException {
        List<ObjectId> trees = new ArrayList<>();
        List<String> refs = new ArrayList<>(List.of(stateRef));
        refs.addAll(fallbackRefs);
        try (RevWalk walk = new RevWalk(reader)) {
            for (String name : refs) {
                Ref ref = repository.exactRef(name);
                if (ref != null && ref.getObjectId() != null) {
                    trees.add(walk.parseCommit(ref.getObjectId()).getTree().copy());
                }
            }
        }
        return trees;
    }

    /**
     * A state found for a commit.
     *
     * @param commit the commit the state was recorded for
     * @param state the state
     * @param tree the state tree it was read from
     */
    public record Found(ObjectId commit, SyncState state, ObjectId tree) {

        /**
         * Validates.
         *
         * @param commit the commit
         * @param state the state
         * @param tree the state tree
         */
        public Found {
            requireNonNull(commit, "commit is null");
            requireNonNull(tree, "tree is null");
            requireNonNull(state, "state is null");
        }
    }
}
