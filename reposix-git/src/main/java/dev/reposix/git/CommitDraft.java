package dev.reposix.git;

import static java.util.Objects.requireNonNull;

import dev.reposix.git.internal.GitFailures;
import dev.reposix.git.internal.SpillingInserter;
import dev.reposix.git.internal.TreeEditor;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * One commit being built without a work tree: a parent commit (or none) plus changes — a path gets
 * new content, a path is deleted. Content is streamed into blobs as soon as it is put, so nothing
 * but object ids is held in memory; unchanged subtrees and blobs of the parent are reused as they
 * are, so the cost is proportional to what changed. A rename or move is a delete of the old path
 * plus a put of the same content (or {@link #putBlob} of the same blob) at the new one. Directories
 * left empty disappear. The last change of a path wins; deleting a missing path does nothing.
 *
 * <p>Objects are written at once and become reachable only when a ref points at the commit (see
 * {@link SyncTransaction}); an abandoned draft leaves unreachable objects that {@code git gc}
 * removes. The first objects are written loose, the rest of a large draft (a first import) into
 * one pack, finished with the commit. Single use and not thread-safe.
 *
 * @since 0.1
 */
public final class CommitDraft implements AutoCloseable {

    private final Repository repository;
    private final Optional<ObjectId> parent;
    private final ObjectInserter inserter;
    private final ObjectReader reader;
    private final TreeEditor editor;
    private Optional<CheckoutAhead> ahead = Optional.empty();
    private int blobsWritten;
    private boolean committed;

    /**
     * Starts a draft on top of a parent commit, or a root commit if the parent is empty.
     *
     * @param repository the repository to write to; stays open and owned by the caller
     * @param parent the parent commit, if any
     */
    public CommitDraft(Repository repository, Optional<ObjectId> parent) {
        this.repository = requireNonNull(repository, "repository is null");
        this.parent = requireNonNull(parent, "parent is null").map(ObjectId::copy);
        this.inserter = SpillingInserter.of(repository);
        this.reader = inserter.newReader();
        this.editor = new TreeEditor(reader, inserter);
    }

    /**
     * The parent commit this draft builds on.
     *
     * @return the parent, empty for a root commit
     */
    public Optional<ObjectId> parent() {
        return parent;
    }

    /**
     * Also hands every file this draft puts from now on to a working tree being written ahead
     * (regular files given as bytes are written; for any other change of a path its file is removed,
     * to be checked out from the commit later), and has git index them ({@code CheckoutAhead.indexAhead}):
     * for a draft without a parent against the entries of its tree while the trees are written,
     * otherwise against the commit once it is written.
     *
     * @param files the working tree written ahead
     * @return this draft
     */
    public CommitDraft writingAhead(CheckoutAhead files) {
        checkOpen();
        this.ahead = Optional.of(requireNonNull(files, "files is null"));
        return this;
    }

    /**
     * Puts a regular file.
     *
     * @param path the file's path
     * @param content the bytes
     * @return this draft
     */
    public CommitDraft put(String path, byte[] content) {
        return put(path, content, FileKind.REGULAR);
    }

    /**
     * Puts a file of the given kind.
     *
     * @param path the file's path
     * @param content the bytes
     * @param kind regular or executable
     * @return this draft
     */
    public CommitDraft put(String path, byte[] content, FileKind kind) {
        requireNonNull(content, "content is null");
        GitPath checked = GitPath.of(path);
        ObjectId blob = insert(() -> inserter.insert(Constants.OBJ_BLOB, content));
        blobsWritten++;
        place(checked.value(), blob, kind);
        if (kind == FileKind.REGULAR) {
            ahead.ifPresent(files -> files.put(checked.value(), content));
        } else {
            ahead.ifPresent(files -> files.forget(checked.value()));
        }
        return this;
    }

    /**
     * Puts a file whose content is streamed; the stream is read to its declared length and not closed.
     *
     * @param path the file's path
     * @param length the exact number of bytes the stream yields
     * @param content the stream
     * @param kind regular or executable
     * @return this draft
     */
    public CommitDraft put(String path, long length, InputStream content, FileKind kind) {
        requireNonNull(content, "content is null");
        GitPath checked = GitPath.of(path);
        ObjectId blob = insert(() -> inserter.insert(Constants.OBJ_BLOB, length, content));
        blobsWritten++;
        return putBlob(checked.value(), blob, kind);
    }

    /**
     * Puts a blob that is already in the repository, e.g. the old blob of a renamed file.
     *
     * @param path the file's path
     * @param blob the blob's id
     * @param kind regular or executable
     * @return this draft
     */
    public CommitDraft putBlob(String path, ObjectId blob, FileKind kind) {
        String checked = GitPath.of(path).value();
        place(checked, blob, kind);
        ahead.ifPresent(files -> files.forget(checked));
        return this;
    }

    private void place(String path, ObjectId blob, FileKind kind) {
        requireNonNull(blob, "blob is null");
        requireNonNull(kind, "kind is null");
        checkOpen();
        editor.put(path, kind.mode(), blob);
    }

    /**
     * Deletes a file; directories left empty disappear.
     *
     * @param path the file's path
     * @return this draft
     */
    public CommitDraft delete(String path) {
        checkOpen();
        String checked = GitPath.of(path).value();
        editor.delete(checked);
        ahead.ifPresent(files -> files.forget(checked));
        return this;
    }

    /**
     * Writes the tree of the parent with the changes applied, without a commit.
     *
     * @return the tree's id
     */
    public ObjectId writeTree() {
        checkOpen();
        return insert(() -> editor.apply(parentTree()));
    }

    /**
     * Writes the commit, even if its tree equals the parent's.
     *
     * @param author who made the change and when
     * @param committer who recorded it and when
     * @param message the commit message
     * @return the commit's id
     */
    public ObjectId commit(Signature author, Signature committer, String message) {
        if (parent.isEmpty()) {
            // The tree will hold exactly what was put: git indexes the files written ahead against
            // those entries while the trees and the pack are written, and checks out the rest once
            // the commit is there.
            ahead.ifPresent(files -> files.indexAhead(repository.getDirectory().toPath(), editor.indexInfo()));
        }
        return write(writeTree(), author, committer, message);
    }

    /**
     * Writes the commit only if its tree differs from the parent's.
     *
     * @param author who made the change and when
     * @param committer who recorded it and when
     * @param message the commit message
     * @return the commit's id, or empty if the changes changed nothing
     */
    public Optional<ObjectId> commitIfChanged(Signature author, Signature committer, String message) {
        ObjectId tree = writeTree();
        if (parentTree().filter(tree::equals).isPresent()) {
            committed = true;
            return Optional.empty();
        }
        return Optional.of(write(tree, author, committer, message));
    }

    /**
     * The number of blobs and trees this draft inserted so far (objects already present are counted too).
     *
     * @return the count
     */
    public int objectsInserted() {
        return blobsWritten + editor.treesWritten();
    }

    @Override
    public void close() {
        reader.close();
        inserter.close();
    }

    private ObjectId write(ObjectId tree, Signature author, Signature committer, String message) {
        requireNonNull(author, "author is null");
        requireNonNull(committer, "committer is null");
        requireNonNull(message, "message is null");
        CommitBuilder builder = new CommitBuilder();
        builder.setTreeId(tree);
        parent.ifPresent(builder::setParentId);
        builder.setAuthor(author.toPersonIdent());
        builder.setCommitter(committer.toPersonIdent());
        builder.setMessage(message.endsWith("\n") ? message : message + "\n");
        ObjectId commit = insert(() -> {
            ObjectId id = inserter.insert(builder);
            inserter.flush();
            return id;
        });
        committed = true;
        // git can read the commit now: the files written ahead are indexed while the caller goes on
        ahead.ifPresent(files -> files.indexAhead(repository.getDirectory().toPath(), commit));
        return commit;
    }

    private Optional<ObjectId> parentTree() {
        if (parent.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(insert(() -> {
            try (RevWalk walk = new RevWalk(reader)) {
                RevCommit commit = walk.parseCommit(parent.get());
                return commit.getTree().copy();
            }
        }));
    }

    private void checkOpen() {
        if (committed) {
            throw new IllegalStateException("this draft was committed already; start a new one on the new commit");
        }
    }

    private ObjectId insert(IoSupplier action) {
        try {
            return action.get();
        } catch (IOException e) {
            throw GitFailures.wrap(e, "writing objects", repository.getDirectory());
        }
    }

    /** An action that may fail with an I/O error. */
    @FunctionalInterface
    private interface IoSupplier {
        ObjectId get() throws IOException;
    }
}
