package dev.reposix.git;

import static java.util.Objects.requireNonNull;

import dev.reposix.api.ReposixException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The files of a commit still being built, written into a new working tree on a thread of their
 * own while the commit is made, so that a first import does not wait for a checkout of ten thousand
 * files after its commit (writing many small files is mostly kernel time, one file after another,
 * and would otherwise leave the other core idle). A {@link CommitDraft} hands over what it puts
 * ({@link CommitDraft#writingAhead}), and git indexes the files against the commit's entries while
 * the draft writes its trees, or against the commit once it is written ({@code indexAhead}), while
 * the caller goes on. {@link WorkingTree#create(Cache,
 * CheckoutAhead, String)} then turns the directory into a clone and checks out whatever was not
 * written ahead or differs, so the files written here are only ever a head start, never the authority.
 *
 * <p>Until a working tree is made of it, the directory is this object's: closing it before that
 * removes every file and folder it wrote (and the directory, if it made it), so a failed import
 * leaves nothing behind. Memory is bounded: a producer waits while more than {@link #MAX_QUEUED_BYTES}
 * wait to be written. Thread-safe.
 *
 * @since 0.1
 */
public final class CheckoutAhead implements AutoCloseable {

    /** How many bytes may wait to be written before {@link CommitDraft#put} waits for the writer. */
    static final long MAX_QUEUED_BYTES = 64L << 20;

    /** The index made ahead, inside the directory until the clone takes it as {@code .git/index}. */
    static final String INDEX_AHEAD = ".reposix-index-ahead";

    private final Path directory;
    private final boolean createdDirectory;
    private final Deque<Write> queue = new ArrayDeque<>();
    private final Set<Path> madeFolders = new HashSet<>();
    private final Thread writer;
    private long queuedBytes;
    private boolean closed;
    private boolean kept;
    private boolean wroteAny;
    private int inFlight;
    private IOException failure;
    private Thread indexer;
    /** The commit the files are indexed against, once it is written. */
    private ObjectId committed;
    private ObjectId indexedAhead;

    /** A file to write, or to remove when {@code content} is null. */
    private record Write(String path, byte[] content) {
        long size() {
            return content == null ? 0 : content.length;
        }
    }

    private CheckoutAhead(Path directory, boolean createdDirectory) {
        this.directory = directory;
        this.createdDirectory = createdDirectory;
        this.writer = new Thread(this::writeAll, "reposix-checkout-ahead");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Starts writing ahead into a directory that does not exist or is empty; it is created now.
     *
     * @param directory the new working tree
     * @return the writer; the caller closes it
     * @throws IllegalArgumentException if the directory exists and is not empty
     */
    public static CheckoutAhead into(Path directory) {
        requireNonNull(directory, "directory is null");
        Path absolute = directory.toAbsolutePath().normalize();
        boolean existed = Files.exists(absolute, LinkOption.NOFOLLOW_LINKS);
        try {
            if (existed && !isEmptyDirectory(absolute)) {
                // closing removes what is in the directory: it must hold nothing of anybody else's
                throw new IllegalArgumentException(absolute + " is not an empty directory");
            }
            Files.createDirectories(absolute);
        } catch (IOException cannotCreate) {
            throw new ReposixException(GitErrorCode.TREE_IO, "cannot create the working tree " + absolute
                    + " (check that its parent is writable): " + cannotCreate.getMessage(), cannotCreate);
        }
        return new CheckoutAhead(absolute, !existed);
    }

    /**
     * The working tree being written.
     *
     * @return its absolute path
     */
    public Path directory() {
        return directory;
    }

    /** Queues a file a draft put; waits while too much is queued. */
    void put(String path, byte[] content) {
        submit(path, requireNonNull(content, "content is null"));
    }

    /** Queues the removal of a path's file, if it was written: the draft changed that path otherwise. */
    void forget(String path) {
        submit(path, null);
    }

    /** Queues a write (or, without content, a removal) after waiting for room. */
    private synchronized void submit(String path, byte[] content) {
        long size = content == null ? 0 : content.length;
        // A file larger than the whole budget is let through alone rather than never.
        while (!closed && failure == null && queuedBytes > 0 && queuedBytes + size > MAX_QUEUED_BYTES) {
            waitForChange();
        }
        if (closed || failure != null) {
            return; // what is missing or stale is checked out later, or the failure is reported then
        }
        queue.addLast(new Write(path, content));
        queuedBytes += size;
        notifyAll();
    }

    /**
     * Waits until everything queued is written.
     *
     * @return whether any file was written
     * @throws IOException the first failure to write a file, as it was
     */
    synchronized boolean awaitWritten() throws IOException {
        while (failure == null && (!queue.isEmpty() || inFlight > 0)) {
            waitForChange();
        }
        if (failure != null) {
            throw failure;
        }
        return wroteAny;
    }

    /** The directory became a working tree: closing no longer removes anything. */
    synchronized void keep() {
        kept = true;
    }

    /**
     * Starts indexing the files against a commit git can read in a repository, on a thread of its
     * own, once everything queued is written: git reads the commit's tree into an index of its own,
     * hashes every file and checks out whatever is missing or differs, as
     * {@link WorkingTree#create(Cache, CheckoutAhead, String)} would after the sync, which then only
     * takes that index if its clone's {@code HEAD} is that commit. A draft calls this once its commit
     * is written, so git works while the sync still writes its state; if indexing already started from
     * the commit's entries ({@link #indexAhead(Path, byte[])}), this names their commit. Only the first
     * call counts; any failure here leaves the work to {@code create}.
     *
     * @param repository the repository holding the commit (its git directory)
     * @param commit the commit whose files were written ahead
     */
    void indexAhead(Path repository, ObjectId commit) {
        ObjectId id = commit.copy();
        synchronized (this) {
            if (indexer != null) {
                // indexing started from the commit's entries: this is its commit (a later call is ignored)
                if (committed == null) {
                    committed = id;
                    notifyAll();
                }
                return;
            }
            committed = id;
        }
        start(() -> indexFiles(repository, id));
    }

    /**
     * Starts indexing the files before their commit is written, from the entries its tree will hold
     * (git needs no object for that): git makes an index of them and hashes every file against it on
     * a thread of its own, while the commit's trees and pack are still being written; once the
     * commit is given ({@link #indexAhead(Path, ObjectId)}), git checks out whatever is missing or
     * differs. The index is then the one {@code read-tree} of that commit and the same refresh would
     * make. Any failure here leaves the work to {@code create}.
     *
     * @param repository the repository the commit will be in (its git directory)
     * @param entries every entry of the commit's tree, as {@code git update-index -z --index-info} reads them
     */
    void indexAhead(Path repository, byte[] entries) {
        start(() -> indexEntries(repository, entries));
    }

    private void start(Runnable indexing) {
        Thread thread = new Thread(indexing, "reposix-index-ahead");
        thread.setDaemon(true);
        synchronized (this) {
            if (closed || indexer != null) {
                return;
            }
            indexer = thread;
        }
        thread.start();
    }

    private void indexFiles(Path repository, ObjectId commit) {
        try {
            if (awaitWrittenOpen()) {
                WorkingTree.indexFiles(directory, indexEnvironment(), gitOptions(repository), commit.name());
                synchronized (this) {
                    indexedAhead = commit;
                }
            }
        } catch (IOException | RuntimeException failed) {
            // create() indexes the files itself and reports what fails then
            deleteIndexAhead();
        }
    }

    private void indexEntries(Path repository, byte[] entries) {
        try {
            if (!awaitWrittenOpen()) {
                return;
            }
            List<String> options = gitOptions(repository);
            WorkingTree.indexEntries(directory, indexEnvironment(), options, entries);
            boolean allMatch = WorkingTree.refreshIndex(directory, indexEnvironment(), options);
            ObjectId commit = awaitCommitted();
            if (commit == null) {
                deleteIndexAhead();
                return;
            }
            if (!allMatch) {
                // git can read the commit's objects now
                WorkingTree.checkOutOthers(directory, indexEnvironment(), options);
            }
            synchronized (this) {
                indexedAhead = commit;
            }
        } catch (IOException | InterruptedException | RuntimeException failed) {
            // create() indexes the files itself and reports what fails then
            deleteIndexAhead();
        }
    }

    /** Waits until everything queued is written; whether any file was and nobody closed this meanwhile. */
    private boolean awaitWrittenOpen() throws IOException {
        boolean wrote = awaitWritten();
        synchronized (this) {
            return wrote && !closed;
        }
    }

    /** The commit the entries are of, once given; null if this was closed first. */
    private synchronized ObjectId awaitCommitted() throws InterruptedException {
        while (committed == null && !closed) {
            wait();
        }
        return closed ? null : committed;
    }

    private Map<String, String> indexEnvironment() {
        return Map.of("GIT_INDEX_FILE", directory.resolve(INDEX_AHEAD).toString());
    }

    private List<String> gitOptions(Path repository) {
        return List.of("--git-dir=" + repository, "--work-tree=" + directory);
    }

    /**
     * The index made ahead, if it is complete and of this commit; waits for it first. Any other
     * index ahead is removed.
     *
     * @param head the commit the working tree's {@code HEAD} is
     * @return the index file, for the clone to take as its own
     */
    Optional<Path> indexedAhead(ObjectId head) {
        awaitIndexer();
        synchronized (this) {
            if (head.equals(indexedAhead)) {
                return Optional.of(directory.resolve(INDEX_AHEAD));
            }
        }
        deleteIndexAhead();
        return Optional.empty();
    }

    private void deleteIndexAhead() {
        try {
            Files.deleteIfExists(directory.resolve(INDEX_AHEAD));
            // left by a git that was killed
            Files.deleteIfExists(directory.resolve(INDEX_AHEAD + ".lock"));
        } catch (IOException cannotDelete) {
            // the caller's error names the directory; closing without a tree removes everything anyway
        }
    }

    private void awaitIndexer() {
        try {
            joinIndexer();
        } catch (InterruptedException interrupted) {
            throw interrupted("indexing");
        }
    }

    private void joinIndexer() throws InterruptedException {
        Thread thread;
        synchronized (this) {
            thread = indexer;
        }
        if (thread != null) {
            thread.join();
        }
    }

    /**
     * Stops writing; unless a working tree was made of the directory, removes everything written
     * into it (and the directory itself if this made it).
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.clear();
            notifyAll();
        }
        try {
            writer.join();
            // git may be running in the directory
            joinIndexer();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        if (!kept) {
            removeWritten();
        }
    }

    private void writeAll() {
        while (true) {
            Write write;
            synchronized (this) {
                while (!closed && queue.isEmpty()) {
                    try {
                        wait();
                    } catch (InterruptedException interrupted) {
                        return; // only close() stops the writer; nobody else interrupts it
                    }
                }
                if (closed) {
                    return;
                }
                write = queue.pollFirst();
                inFlight++;
            }
            try {
                apply(write);
            } catch (IOException | RuntimeException failed) {
                synchronized (this) {
                    failure = failed instanceof IOException io ? io : new IOException(failed.getMessage(), failed);
                    queue.clear();
                }
            } finally {
                synchronized (this) {
                    inFlight--;
                    queuedBytes -= write.size();
                    notifyAll();
                }
            }
        }
    }

    private void apply(Write write) throws IOException {
        Optional<Path> target = resolve(write.path());
        if (target.isEmpty()) {
            return;
        }
        Path file = target.get();
        if (write.content() == null) {
            Files.deleteIfExists(file);
            return;
        }
        Path folder = file.getParent();
        if (madeFolders.add(folder)) {
            Files.createDirectories(folder);
        }
        Files.write(file, write.content());
        synchronized (this) {
            wroteAny = true;
        }
    }

    /** The file for a path of the commit, only if it stays inside the directory and out of {@code .git}. */
    private Optional<Path> resolve(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.equals(".git") || path.startsWith(".git/")) {
            return Optional.empty();
        }
        Path file = directory.resolve(path).normalize();
        return file.startsWith(directory) && !file.equals(directory) ? Optional.of(file) : Optional.empty();
    }

    private void removeWritten() {
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (createdDirectory || !path.equals(directory)) {
                    Files.deleteIfExists(path);
                }
            }
        } catch (IOException | UncheckedIOException cannotClean) {
            // the caller's error names the directory; what is left there is the user's to remove
        }
    }

    private static boolean isEmptyDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }

    /** Waits for a change of the queue; an interrupted caller gets an error, the import stops. */
    private void waitForChange() {
        try {
            wait();
        } catch (InterruptedException interrupted) {
            throw interrupted("writing");
        }
    }

    /** The error for a caller interrupted while waiting; the interrupt is kept for it. */
    private ReposixException interrupted(String doing) {
        Thread.currentThread().interrupt();
        return new ReposixException(GitErrorCode.GIT_FAILURE, "interrupted while " + doing + " the working tree "
                + directory);
    }
}
