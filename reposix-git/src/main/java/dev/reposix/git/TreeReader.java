package dev.reposix.git;

import static java.util.Objects.requireNonNull;

import dev.reposix.git.internal.GitFailures;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Reads what commits hold, for diffing in the layer above: a commit's files as path → blob id, one
 * blob, and the files that differ between two commits. Works on any repository (the cache, or a
 * clone of the mirror). Paths are decoded as UTF-8. Thread-safe: every call uses its own reader.
 *
 * @since 0.1
 */
public final class TreeReader {

    private final Repository repository;

    /**
     * Creates a reader of a repository.
     *
     * @param repository the repository; stays open and owned by the caller
     */
    public TreeReader(Repository repository) {
        this.repository = requireNonNull(repository, "repository is null");
    }

    /**
     * Every file of a commit's tree with its blob id (symbolic links and submodules are included by
     * their object id).
     *
     * @param commit the commit
     * @return the files, sorted by path
     */
    public SortedMap<String, ObjectId> files(ObjectId commit) {
        requireNonNull(commit, "commit is null");
        try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader);
                TreeWalk treeWalk = new TreeWalk(reader)) {
            treeWalk.addTree(walk.parseCommit(commit).getTree());
            treeWalk.setRecursive(true);
            SortedMap<String, ObjectId> files = new TreeMap<>();
            while (treeWalk.next()) {
                files.put(treeWalk.getPathString(), treeWalk.getObjectId(0));
            }
            return files;
        } catch (IOException e) {
            throw GitFailures.wrap(e, "reading the tree of " + commit.name(), repository.getDirectory());
        }
    }

    /**
     * The blob at a path of a commit.
     *
     * @param commit the commit
     * @param path the file's path
     * @return the blob id, or empty when there is no file at that path
     */
    public Optional<ObjectId> blobAt(ObjectId commit, String path) {
        requireNonNull(commit, "commit is null");
        GitPath checked = GitPath.of(path);
        try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader);
                TreeWalk treeWalk = TreeWalk.forPath(reader, checked.value(), walk.parseCommit(commit).getTree())) {
            if (treeWalk == null || (treeWalk.getRawMode(0) & FileMode.TYPE_MASK) == FileMode.TYPE_TREE) {
                return Optional.empty();
            }
            return Optional.of(treeWalk.getObjectId(0));
        } catch (IOException e) {
            throw GitFailures.wrap(e, "reading " + path + " of " + commit.name(), repository.getDirectory());
        }
    }

    /**
     * A whole blob.
     *
     * @param blob the blob id
     * @return its bytes
     */
    public byte[] readBlob(ObjectId blob) {
        requireNonNull(blob, "blob is null");
        try (ObjectReader reader = repository.newObjectReader()) {
            return reader.open(blob, Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE);
        } catch (IOException e) {
            throw GitFailures.wrap(e, "reading blob " + blob.name(), repository.getDirectory());
        }
    }

    /**
     * A blob as a stream, for large content.
     *
     * @param blob the blob id
     * @return the stream; the caller closes it
     */
    public InputStream openBlob(ObjectId blob) {
        requireNonNull(blob, "blob is null");
        try (ObjectReader reader = repository.newObjectReader()) {
            return reader.open(blob, Constants.OBJ_BLOB).openStream();
        } catch (IOException e) {
            throw GitFailures.wrap(e, "reading blob " + blob.name(), repository.getDirectory());
        }
    }

    /**
     * The files that differ between two commits; identical subtrees are skipped without being read.
     *
     * @param from the old commit, or empty to compare against an empty tree
     * @param to the new commit
     * @return the changes, sorted by path
     */
    public List<PathChange> diff(Optional<ObjectId> from, ObjectId to) {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader);
                TreeWalk treeWalk = new TreeWalk(reader)) {
            if (from.isPresent()) {
                treeWalk.addTree(walk.parseCommit(from.get()).getTree());
            } else {
                treeWalk.addTree(new EmptyTreeIterator());
            }
            treeWalk.addTree(walk.parseCommit(to).getTree());
            treeWalk.setRecursive(true);
            treeWalk.setFilter(TreeFilter.ANY_DIFF);
            List<PathChange> changes = new ArrayList<>();
            while (treeWalk.next()) {
                changes.add(change(treeWalk));
            }
            return changes;
        } catch (IOException e) {
            throw GitFailures.wrap(e, "comparing commits", repository.getDirectory());
        }
    }

    private static PathChange change(TreeWalk treeWalk) {
        boolean before = treeWalk.getRawMode(0) != 0;
        boolean after = treeWalk.getRawMode(1) != 0;
        Optional<ObjectId> oldBlob = before ? Optional.of(treeWalk.getObjectId(0)) : Optional.empty();
        Optional<ObjectId> newBlob = after ? Optional.of(treeWalk.getObjectId(1)) : Optional.empty();
        PathChange.Kind kind = !before ? PathChange.Kind.ADDED
                : !after ? PathChange.Kind.DELETED : PathChange.Kind.MODIFIED;
        Optional<FileKind> newKind = after ? Optional.of(FileKind.of(treeWalk.getRawMode(1))) : Optional.empty();
        return new PathChange(kind, treeWalk.getPathString(), oldBlob, newBlob, newKind);
    }
}
