package dev.reposix.git.internal;

import static java.util.Objects.requireNonNull;

import dev.reposix.api.ReposixException;
import dev.reposix.git.GitErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;

/**
 * Applies path edits to a base tree and writes only the trees on the edited paths: untouched
 * subtrees keep their ids and are never read, so the cost is proportional to the edits times the
 * depth, not to the size of the tree. Names are kept as raw bytes (held in ISO-8859-1 strings, one
 * char per byte), so entries of the base tree round-trip exactly whatever their encoding. The last
 * edit of a path wins; deleting a missing path does nothing. Not thread-safe.
 */
public final class TreeEditor {

    /** An entry of a tree: mode and object id. */
    private record Entry(FileMode mode, ObjectId id) {
        boolean isTree() {
            return mode.getObjectType() == Constants.OBJ_TREE;
        }
    }

    /** The edits below one directory: files put or deleted (empty) and subdirectories edited. */
    private static final class Node {
        private final Map<String, Optional<Entry>> files = new TreeMap<>();
        private final Map<String, Node> directories = new TreeMap<>();
    }

    private static final Comparator<Map.Entry<String, Entry>> GIT_ORDER = Comparator.comparing(
            entry -> entry.getValue().isTree() ? entry.getKey() + "/" : entry.getKey());

    private final ObjectReader reader;
    private final ObjectInserter inserter;
    private final Node root = new Node();
    private int treesWritten;

    /**
     * Creates an editor without edits.
     *
     * @param reader reads the base trees
     * @param inserter writes the new trees
     */
    public TreeEditor(ObjectReader reader, ObjectInserter inserter) {
        this.reader = requireNonNull(reader, "reader is null");
        this.inserter = requireNonNull(inserter, "inserter is null");
    }

    /**
     * Puts an entry (a blob, or a tree for callers building trees of trees) at a path.
     *
     * @param path a validated {@code /}-separated path in UTF-8
     * @param mode the mode
     * @param id the object
     */
    public void put(String path, FileMode mode, ObjectId id) {
        place(path, Optional.of(new Entry(mode, id.copy())));
    }

    /**
     * Deletes the file at a path; directories left empty disappear.
     *
     * @param path a validated {@code /}-separated path in UTF-8
     */
    public void delete(String path) {
        place(path, Optional.empty());
    }

    /**
     * Whether any edit was recorded.
     *
     * @return true if there are no edits
     */
    public boolean isEmpty() {
        return root.files.isEmpty() && root.directories.isEmpty();
    }

    /**
     * The number of trees written by {@link #apply} so far.
     *
     * @return the count
     */
    public int treesWritten() {
        return treesWritten;
    }

    /**
     * Applies the edits to a base tree and writes the changed trees.
     *
     * @param baseTree the base tree, or empty for an empty tree
     * @return the new root tree (the empty tree if nothing is left)
     * @throws IOException if reading or writing fails
     */
    public ObjectId apply(Optional<ObjectId> baseTree) throws IOException {
        ObjectId result = apply(root, baseTree.orElse(null), "");
        if (result == null) {
            treesWritten++;
            return inserter.insert(new TreeFormatter());
        }
        return result;
    }

    /**
     * The files put, as {@code git update-index -z --index-info} reads them: mode, id and path of
     * each (the last edit of a path counts; deleted paths are left out). Applied to no base tree,
     * these edits make a tree of exactly these entries.
     *
     * @return the entries, NUL-terminated
     */
    public byte[] indexInfo() {
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        appendIndexInfo(root, "", info);
        return info.toByteArray();
    }

    private static void appendIndexInfo(Node node, String where, ByteArrayOutputStream info) {
        node.files.forEach((name, edit) -> edit.ifPresent(entry -> info.writeBytes((Integer.toOctalString(
                entry.mode().getBits()) + " " + entry.id().name() + "\t" + where + name + "\0")
                .getBytes(StandardCharsets.ISO_8859_1))));
        node.directories.forEach((name, directory) -> appendIndexInfo(directory, where + name + "/", info));
    }

    private void place(String path, Optional<Entry> entry) {
        String raw = new String(path.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        String[] segments = raw.split("/", -1);
        Node node = root;
        for (int index = 0; index < segments.length - 1; index++) {
            node = node.directories.computeIfAbsent(segments[index], name -> new Node());
        }
        node.files.put(segments[segments.length - 1], entry);
    }

    private ObjectId apply(Node node, ObjectId baseTree, String where) throws IOException {
        Map<String, Entry> entries = read(baseTree);
        boolean changed = false;
        for (Map.Entry<String, Optional<Entry>> edit : node.files.entrySet()) {
            Entry existing = entries.get(edit.getKey());
            if (edit.getValue().isEmpty() && existing != null) {
                if (existing.isTree()) {
                    throw conflict(where + edit.getKey(), "it is a directory, not a file");
                }
                entries.remove(edit.getKey());
                changed = true;
            }
        }
        for (Map.Entry<String, Node> directory : node.directories.entrySet()) {
            String name = directory.getKey();
            Entry existing = entries.get(name);
            if (existing != null && !existing.isTree()) {
                throw conflict(where + name, "it is a file, and a path below it was added");
            }
            ObjectId subtree = apply(directory.getValue(), existing == null ? null : existing.id(),
                    where + name + "/");
            if (subtree == null) {
                changed |= entries.remove(name) != null;
            } else if (existing == null || !existing.id().equals(subtree)) {
                entries.put(name, new Entry(FileMode.TREE, subtree));
                changed = true;
            }
        }
        for (Map.Entry<String, Optional<Entry>> edit : node.files.entrySet()) {
            if (edit.getValue().isPresent()) {
                Entry wanted = edit.getValue().get();
                Entry existing = entries.get(edit.getKey());
                if (existing != null && existing.isTree() && !wanted.isTree()) {
                    throw conflict(where + edit.getKey(), "it is a directory, and a file was added at the same path");
                }
                if (!wanted.equals(existing)) {
                    entries.put(edit.getKey(), wanted);
                    changed = true;
                }
            }
        }
        if (!changed) {
            return baseTree;
        }
        return entries.isEmpty() ? null : write(entries);
    }

    private Map<String, Entry> read(ObjectId tree) throws IOException {
        Map<String, Entry> entries = new HashMap<>();
        if (tree == null) {
            return entries;
        }
        CanonicalTreeParser parser = new CanonicalTreeParser(null, reader, tree);
        while (!parser.eof()) {
            String name = new String(parser.getEntryPathBuffer(), 0, parser.getEntryPathLength(),
                    StandardCharsets.ISO_8859_1);
            entries.put(name, new Entry(parser.getEntryFileMode(), parser.getEntryObjectId()));
            parser.next();
        }
        return entries;
    }

    private ObjectId write(Map<String, Entry> entries) throws IOException {
        TreeFormatter formatter = new TreeFormatter();
        entries.entrySet().stream().sorted(GIT_ORDER).forEach(entry -> formatter.append(
                entry.getKey().getBytes(StandardCharsets.ISO_8859_1), entry.getValue().mode(),
                entry.getValue().id()));
        treesWritten++;
        return inserter.insert(formatter);
    }

    private static ReposixException conflict(String rawPath, String why) {
        String path = new String(rawPath.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        return new ReposixException(GitErrorCode.PATH_CONFLICT,
                "cannot change '" + path + "': " + why + "; delete one of the two in the same change");
    }
}
