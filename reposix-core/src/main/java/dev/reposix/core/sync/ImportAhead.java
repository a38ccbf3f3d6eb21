package dev.reposix.core.sync;

import static java.util.Objects.requireNonNull;

import dev.reposix.git.CommitDraft;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The import commit of a first import, started while the bodies still arrive: each file rendered
 * ahead is put into the commit's draft on a thread of its own, so that its blob (hashed and
 * compressed) is written while other bodies are fetched and converted, instead of after the last
 * one. {@link #finish} hands the draft to the history writer, which puts what is still missing (or
 * rendered again) and commits it; a path put again with other bytes simply takes the last ones.
 * Offers come from any thread; the draft is the import thread's until {@link #finish} returns.
 */
final class ImportAhead implements AutoCloseable {

    /** A rendered file waiting to be put. */
    private record Offer(String path, byte[] content) {
    }

    private final CommitDraft draft;
    private final Deque<Offer> queue = new ArrayDeque<>();
    /** The array put at each path so far; read only after {@link #finish}. */
    private final Map<String, byte[]> put = new HashMap<>();
    private final Thread thread;
    private boolean finishing;
    private RuntimeException failure;

    private ImportAhead(CommitDraft draft) {
        this.draft = draft;
        this.thread = new Thread(this::putAll, "reposix-import");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Starts putting offered files into the draft of a first import.
     *
     * @param draft the import commit's draft; closed by {@link #close}
     * @return the running import
     */
    static ImportAhead start(CommitDraft draft) {
        return new ImportAhead(requireNonNull(draft, "draft is null"));
    }

    /**
     * Offers a rendered file; after a failure, or once finishing, it is left to the history writer.
     *
     * @param path the file's path
     * @param content its bytes, not to be changed afterwards
     */
    synchronized void offer(String path, byte[] content) {
        if (!finishing && failure == null) {
            queue.addLast(new Offer(path, content));
            notifyAll();
        }
    }

    /**
     * Waits until every offered file is put and the import thread has ended, and hands over the draft.
     *
     * @return the draft, now the caller's to use (and still closed by {@link #close})
     * @throws RuntimeException the failure of a put, as it was thrown
     */
    CommitDraft finish() {
        synchronized (this) {
            finishing = true;
            notifyAll();
        }
        Beside.awaitEnd(thread);
        synchronized (this) {
            if (failure != null) {
                throw failure;
            }
        }
        return draft;
    }

    /**
     * Whether the draft holds exactly this array at the path (put ahead, not rendered again since).
     * Only after {@link #finish}.
     *
     * @param path the file's path
     * @param content the array the history writer would put
     * @return true if putting it again would change nothing
     */
    boolean holds(String path, byte[] content) {
        return put.get(path) == content;
    }

    /** Stops the import thread and closes the draft. */
    @Override
    public void close() {
        synchronized (this) {
            finishing = true;
            queue.clear();
            notifyAll();
        }
        Beside.awaitEnd(thread);
        draft.close();
    }

    private void putAll() {
        while (true) {
            Offer next;
            synchronized (this) {
                while (queue.isEmpty() && !finishing) {
                    try {
                        wait();
                    } catch (InterruptedException interrupted) {
                        return; // nobody interrupts it; close() ends it by flag
                    }
                }
                if (queue.isEmpty()) {
                    return; // finishing, closed, or a put failed (each empties the queue for good)
                }
                next = queue.pollFirst();
            }
            try {
                draft.put(next.path(), next.content());
                put.put(next.path(), next.content());
            } catch (RuntimeException failed) {
                synchronized (this) {
                    failure = failed;
                    queue.clear();
                }
            }
        }
    }
}
