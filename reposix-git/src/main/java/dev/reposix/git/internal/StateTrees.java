package dev.reposix.git.internal;

import dev.reposix.api.ReposixException;
import dev.reposix.git.GitErrorCode;
import dev.reposix.git.RecordState;
import dev.reposix.git.SyncState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Reads and writes sync-state trees and the index tree that maps sync commits to them.
 *
 * <p>A state tree holds {@code format} and {@code records/<shard>/<encoded id>}, one blob per
 * record. The index tree (the tree of each commit on {@code refs/reposix/state}) holds
 * {@code format}, {@code latest} (the state tree written last) and
 * {@code commits/<2 hex>/<38 hex>} → the state tree of that sync commit. Writing a state compares
 * blob ids computed in memory against the latest state tree and writes only the records that
 * changed, plus the trees on their paths. Stateless and thread-safe; the reader and inserter passed
 * in are not.
 */
public final class StateTrees {

    private static final String LATEST = "latest";

    private StateTrees() {
    }

    /**
     * Writes a state tree, reusing every unchanged blob and shard of a base state tree.
     *
     * @param reader reads the base
     * @param inserter writes new objects
     * @param baseStateTree the state tree to start from, if any
     * @param state the state to write
     * @param baseState the state read from {@code baseStateTree}, if the caller has it: then only the
     *     records that differ from it are encoded, instead of every record being encoded and hashed
     *     to find them
     * @return the new state tree and how many objects were inserted
     * @throws IOException if reading or writing fails
     */
    public static Written writeState(ObjectReader reader, ObjectInserter inserter, Optional<ObjectId> baseStateTree,
            SyncState state, Optional<SyncState> baseState) throws IOException {
        TreeEditor editor = new TreeEditor(reader, inserter);
        ObjectInserter.Formatter hasher = new ObjectInserter.Formatter();
        int blobs = 0;
        byte[] format = StateCodec.STATE_FORMAT.getBytes(StandardCharsets.UTF_8);
        editor.put("format", FileMode.REGULAR_FILE, hasher.idFor(Constants.OBJ_BLOB, format));
        if (baseStateTree.isEmpty()) {
            inserter.insert(Constants.OBJ_BLOB, format);
            blobs++;
        }
        if (baseState.isPresent()) {
            // the base tree holds exactly these records: only those that differ are encoded
            Map<String, RecordState> before = baseState.get().records();
            for (Map.Entry<String, RecordState> record : state.records().entrySet()) {
                if (!record.getValue().equals(before.get(record.getKey()))) {
                    editor.put(StateCodec.recordPath(record.getKey()), FileMode.REGULAR_FILE,
                            inserter.insert(Constants.OBJ_BLOB, StateCodec.encode(record.getValue())));
                    blobs++;
                }
            }
            for (String id : before.keySet()) {
                if (!state.records().containsKey(id)) {
                    editor.delete(StateCodec.recordPath(id));
                }
            }
        } else {
            Map<String, ObjectId> existing = baseStateTree.isPresent()
                    ? listRecordBlobs(reader, baseStateTree.get()) : new HashMap<>();
            for (Map.Entry<String, RecordState> record : state.records().entrySet()) {
                String path = StateCodec.recordPath(record.getKey());
                byte[] content = StateCodec.encode(record.getValue());
                ObjectId before = existing.remove(path);
                // a record new to the state is inserted at once: hashing it first only to compare would hash it twice
                if (before == null || !before.equals(hasher.idFor(Constants.OBJ_BLOB, content))) {
                    editor.put(path, FileMode.REGULAR_FILE, inserter.insert(Constants.OBJ_BLOB, content));
                    blobs++;
                }
            }
            for (String gone : existing.keySet()) {
                editor.delete(gone);
            }
        }
        ObjectId tree = editor.apply(baseStateTree);
        return new Written(tree, blobs + editor.treesWritten());
    }

    /**
     * Adds a state tree for a sync commit to an index tree and makes it the latest.
     *
     * @param reader reads the base index
     * @param inserter writes new objects
     * @param baseIndexTree the index tree to start from, if any
     * @param commit the sync commit
     * @param stateTree its state tree
     * @return the new index tree and how many objects were inserted
     * @throws IOException if reading or writing fails
     */
    public static Written addToIndex(ObjectReader reader, ObjectInserter inserter, Optional<ObjectId> baseIndexTree,
            AnyObjectId commit, ObjectId stateTree) throws IOException {
        TreeEditor editor = new TreeEditor(reader, inserter);
        int blobs = 0;
        byte[] format = StateCodec.INDEX_FORMAT.getBytes(StandardCharsets.UTF_8);
        ObjectId formatBlob = new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, format);
        if (baseIndexTree.isEmpty()) {
            inserter.insert(Constants.OBJ_BLOB, format);
            blobs++;
        }
        editor.put("format", FileMode.REGULAR_FILE, formatBlob);
        editor.put(LATEST, FileMode.TREE, stateTree);
        editor.put(indexPath(commit), FileMode.TREE, stateTree);
        ObjectId tree = editor.apply(baseIndexTree);
        return new Written(tree, blobs + editor.treesWritten());
    }

    /**
     * The latest state tree recorded in an index tree.
     *
     * @param reader the reader
     * @param indexTree the index tree
     * @return the state tree, if any
     * @throws IOException if reading fails
     */
    public static Optional<ObjectId> latest(ObjectReader reader, ObjectId indexTree) throws IOException {
        return entry(reader, indexTree, LATEST);
    }

    /**
     * The state tree of a sync commit recorded in an index tree.
     *
     * @param reader the reader
     * @param indexTree the index tree
     * @param commit the sync commit
     * @return the state tree, if the commit has one
     * @throws IOException if reading fails
     */
    public static Optional<ObjectId> stateOf(ObjectReader reader, ObjectId indexTree, AnyObjectId commit)
            throws IOException {
        return entry(reader, indexTree, indexPath(commit));
    }

    /**
     * Reads a whole state tree.
     *
     * @param reader the reader
     * @param stateTree the state tree
     * @return the state
     * @throws IOException if reading fails
     */
    public static SyncState readState(ObjectReader reader, ObjectId stateTree) throws IOException {
        checkFormat(reader, stateTree);
        SortedMap<String, RecordState> records = new TreeMap<>();
        for (Map.Entry<String, ObjectId> blob : listRecordBlobs(reader, stateTree).entrySet()) {
            String name = blob.getKey().substring(blob.getKey().lastIndexOf('/') + 1);
            String id = StateCodec.decodeId(name);
            byte[] content = reader.open(blob.getValue(), Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE);
            records.put(id, StateCodec.decode(content, id));
        }
        return new SyncState(records);
    }

    private static void checkFormat(ObjectReader reader, ObjectId stateTree) throws IOException {
        Optional<ObjectId> format = entry(reader, stateTree, "format");
        String text = format.isEmpty() ? ""
                : new String(reader.open(format.get(), Constants.OBJ_BLOB).getCachedBytes(1024), StandardCharsets.UTF_8);
        if (!text.equals(StateCodec.STATE_FORMAT)) {
            throw new ReposixException(GitErrorCode.STATE_FORMAT_UNSUPPORTED,
                    "the sync state " + stateTree.name() + " has format '" + text.strip() + "', this reposix reads '"
                            + StateCodec.STATE_FORMAT.strip() + "'; upgrade reposix");
        }
    }

    private static Map<String, ObjectId> listRecordBlobs(ObjectReader reader, ObjectId stateTree) throws IOException {
        Map<String, ObjectId> blobs = new HashMap<>();
        try (TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(stateTree);
            walk.setRecursive(true);
            while (walk.next()) {
                String path = walk.getPathString();
                if (path.startsWith("records/")) {
                    blobs.put(path, walk.getObjectId(0));
                }
            }
        }
        return blobs;
    }

    private static Optional<ObjectId> entry(ObjectReader reader, ObjectId tree, String path) throws IOException {
        try (TreeWalk walk = TreeWalk.forPath(reader, path, tree)) {
            return walk == null ? Optional.empty() : Optional.of(walk.getObjectId(0));
        }
    }

    private static String indexPath(AnyObjectId commit) {
        String hex = commit.name();
        return "commits/" + hex.substring(0, 2) + "/" + hex.substring(2);
    }

    /**
     * A tree just written and the number of objects inserted for it.
     *
     * @param tree the tree
     * @param objectsInserted blobs and trees inserted
     */
    public record Written(ObjectId tree, int objectsInserted) {
    }
}
