package dev.reposix.core.sync;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Work that runs on a thread of its own while the thread that started it does something else, e.g.
 * writing the sync state of a first import while its commit is written. Closing waits for the work
 * to end, so nothing of it outlives the caller's block (it may write into a repository the caller
 * closes next). Not thread-safe: one owner starts, joins and closes it.
 *
 * @param <T> what the work returns
 */
final class Beside<T> implements AutoCloseable {

    private final FutureTask<T> task;
    private final Thread thread;

    private Beside(String name, Supplier<T> work) {
        this.task = new FutureTask<>(work::get);
        this.thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Starts the work.
     *
     * @param name the thread's name
     * @param work the work
     * @param <T> what it returns
     * @return the running work; close it
     */
    static <T> Beside<T> start(String name, Supplier<T> work) {
        return new Beside<>(name, work);
    }

    /**
     * Waits for the work and returns its result; its exception is thrown as it was.
     *
     * @return the result
     */
    T join() {
        return resultOf(task, thread.getName());
    }

    /**
     * Waits for a task and returns its result; its exception is thrown as it was.
     *
     * @param task the task
     * @param name what it is, for the messages of an interrupt or a cancellation
     * @param <T> what it returns
     * @return the result
     */
    static <T> T resultOf(Future<T> task, String name) {
        try {
            return task.get();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, interrupted);
        } catch (CancellationException cancelled) {
            throw new IllegalStateException(name + " was cancelled", cancelled);
        }
    }

    /** Waits for the work to end, whatever its result; an interrupt is kept for the caller. */
    @Override
    public void close() {
        awaitEnd(thread);
    }

    /**
     * Waits for a thread to end, even when interrupted meanwhile (the interrupt is kept for the caller),
     * so that nothing it does outlives the caller's block.
     *
     * @param thread the thread
     */
    static void awaitEnd(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException again) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
