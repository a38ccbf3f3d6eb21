package dev.reposix.backend.confluence.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reposix.api.ProgressListener;
import dev.reposix.api.RecordId;
import dev.reposix.api.ReposixException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Fetches page bodies in bulk: up to 250 ids per {@code GET /pages?id=..&body-format=storage}
 * request, several requests at once (bounded by the configured concurrency). Each answer is
 * converted on a pool of its own, one thread per processor, so that a fetch thread asks for the
 * next batch at once instead of converting 250 bodies first: the requests in flight stay at the
 * configured concurrency while the conversion uses the processors. At most a few fetched batches
 * wait for conversion, so memory stays bounded when conversion is the slower side. Results reach
 * the consumer one at a time. Thread-safe.
 */
final class BodyReader {

    static final int BATCH = 250;

    /** Fetched batches waiting for a converter, at most; a fetch thread waits beyond that. */
    private static final int MAX_WAITING_BATCHES = 4;

    private final ConfluenceHttp http;
    private final ExecutorService fetchers;
    private final ExecutorService converters;
    private final ProgressListener progress;

    BodyReader(ConfluenceHttp http, ExecutorService fetchers, ExecutorService converters, ProgressListener progress) {
        this.http = http;
        this.fetchers = fetchers;
        this.converters = converters;
        this.progress = progress;
    }

    /**
     * Converts every page object (with storage body) found for the ids on the conversion threads
     * and hands each result to the consumer, one at a time.
     */
    <R> void read(List<RecordId> ids, Function<JsonNode, Optional<R>> convert, Consumer<? super R> consumer) {
        String task = "reading " + ids.size() + " page bodies";
        AtomicLong done = new AtomicLong();
        Semaphore waiting = new Semaphore(MAX_WAITING_BATCHES);
        List<Future<?>> fetches = new ArrayList<>();
        Queue<Future<?>> conversions = new ConcurrentLinkedQueue<>();
        for (int start = 0; start < ids.size(); start += BATCH) {
            List<RecordId> batch = ids.subList(start, Math.min(ids.size(), start + BATCH));
            fetches.add(fetchers.submit(() -> {
                List<String> values = batch.stream().map(RecordId::value).toList();
                String path = Query.of().withEach("id", values).with("body-format", "storage").with("limit", BATCH)
                        .appendTo("/wiki/api/v2/pages");
                List<JsonNode> pages = new ArrayList<>();
                http.paginate(path, "reading page bodies", pages::add);
                acquire(waiting);
                conversions.add(converters.submit(() -> {
                    try {
                        List<R> converted = new ArrayList<>();
                        pages.forEach(page -> convert.apply(page).ifPresent(converted::add));
                        synchronized (consumer) {
                            converted.forEach(consumer);
                        }
                        progress.progress(task, done.addAndGet(batch.size()), OptionalLong.of(ids.size()));
                    } finally {
                        waiting.release();
                    }
                }));
            }));
        }
        try {
            for (Future<?> fetch : fetches) {
                resultOf(fetch, "reading page bodies");
            }
            // every fetch has handed its conversion over by now
            for (Future<?> conversion : conversions) {
                resultOf(conversion, "reading page bodies");
            }
        } finally {
            // after a failure, the rest stops; after success, there is nothing left to cancel
            fetches.forEach(other -> other.cancel(true));
            conversions.forEach(other -> other.cancel(true));
        }
    }

    private static void acquire(Semaphore waiting) {
        try {
            waiting.acquire();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading page bodies", interrupted);
        }
    }

    /**
     * Waits for a task on a fetch or conversion thread and returns its result; its exception is
     * thrown as it was.
     *
     * @param task the task
     * @param doing what it does, for an interruption's message
     * @param <T> what it returns
     * @return the result
     */
    static <T> T resultOf(Future<T> task, String doing) {
        try {
            return task.get();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof ReposixException reposixFailure) {
                throw reposixFailure;
            }
            if (failed.getCause() instanceof RuntimeException runtimeFailure) {
                throw runtimeFailure;
            }
            throw new IllegalStateException(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + doing, interrupted);
        }
    }
}
