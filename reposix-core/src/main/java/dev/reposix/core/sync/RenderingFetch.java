package dev.reposix.core.sync;

import dev.reposix.api.ManifestEntry;
import dev.reposix.api.Record;
import dev.reposix.api.RecordId;
import dev.reposix.api.RecordKind;
import dev.reposix.api.RecordStatus;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.core.layout.LayoutPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fetches the bodies of records in bulk and renders each record's file and content hash as soon as
 * it arrives, on a small pool beside the backend's fetch threads, so that a first import of a large
 * space does not render ten thousand files on one thread after the last body came in. What was
 * rendered ahead is served by the {@link RecordRenderer}; a record that fails to render is rendered
 * (and fails) again where the history is written, exactly as without rendering ahead. A first import
 * also hands each file to its import commit at once ({@link ImportAhead}), so its blob (and, for a
 * new working tree, its file) is written while the rest arrives. Stateless.
 */
final class RenderingFetch {

    /** Rendering is cheap next to converting bodies; two threads keep up with any fetch on two cores. */
    private static final int THREADS = 2;

    private RenderingFetch() {
    }

    /**
     * A layout plan and the renderer for it.
     *
     * @param plan where each record's file goes
     * @param renderer renders ahead for the history and the state
     */
    record Planned(LayoutPlan plan, RecordRenderer renderer) {
    }

    /**
     * The current documents among the records read for the entries, in arrival order. The plan may
     * still be in the making: records arriving before it is made are rendered once it is, and a plan
     * that fails stops the reading with its failure.
     *
     * @param source the source of truth
     * @param entries the records to read
     * @param planned the plan and its renderer, made or being made
     * @param importAhead the import commit of a first import, to put each rendered file into at once
     * @return the records by id
     */
    static Map<RecordId, Record> fetch(SourceOfTruth source, List<ManifestEntry> entries,
            CompletableFuture<Planned> planned, Optional<ImportAhead> importAhead) {
        Map<RecordId, Record> fetched = new LinkedHashMap<>();
        if (entries.isEmpty()) {
            return fetched;
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, daemonThreads());
        List<Future<?>> rendering = new ArrayList<>();
        try {
            source.readRecords(entries.stream().map(ManifestEntry::id).toList(), record -> {
                if (record.entry().status() == RecordStatus.CURRENT && record.entry().kind() == RecordKind.DOCUMENT) {
                    if (planned.isCompletedExceptionally()) {
                        planOf(planned);
                    }
                    synchronized (fetched) {
                        fetched.put(record.id(), record);
                        rendering.add(planned.thenAcceptAsync(made -> made.plan().pathOf(record.id()).ifPresent(file ->
                                made.renderer().renderAhead(record, file).ifPresent(bytes ->
                                        importAhead.ifPresent(commit -> commit.offer(file, bytes)))), pool));
                    }
                }
            });
            planOf(planned);
            for (Future<?> task : rendering) {
                if (!await(task)) {
                    break;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return fetched;
    }

    /**
     * The plan once it is made; its failure is thrown as it was.
     *
     * @param planned the plan being made
     * @return the plan and its renderer
     */
    static Planned planOf(CompletableFuture<Planned> planned) {
        return Beside.resultOf(planned, "the layout plan");
    }

    /**
     * Waits for one render. A render never fails (renderAhead leaves failures for later); an
     * interrupted wait stops waiting and keeps the interrupt, and what is missing is rendered later.
     *
     * @return false if interrupted
     */
    private static boolean await(Future<?> task) {
        try {
            task.get();
            return true;
        } catch (ExecutionException cannotHappen) {
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "reposix-render-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
