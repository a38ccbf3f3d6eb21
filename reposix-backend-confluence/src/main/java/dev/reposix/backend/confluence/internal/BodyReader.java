package dev.reposix.backend.confluence.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reposix.api.ProgressListener;
import dev.reposix.api.RecordId;
import dev.reposix.api.ReposixException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Fetches page bodies in bulk: up to 250 ids per {@code GET /pages?id=..&body-format=storage}
 * request, several requests at once (bounded by the configured concurrency), each converted on its
 * fetch thread. Results reach the consumer one at a time. Thread-safe.
 */
final class BodyReader {

    static final int BATCH = 250;

    private final ConfluenceHttp http;
    private final ExecutorService executor;
    private final ProgressListener progress;

    BodyReader(ConfluenceHttp http, ExecutorService executor, ProgressListener progress) {
        this.http = http;
        this.executor = executor;
        this.progress = progress;
    }

    /**
     * Converts every page object (with storage body) found for the ids on the fetch threads, so
     * conversion runs in parallel too, and hands each result to the consumer, one at a time.
     */
    <R> void read(List<RecordId> ids, Function<JsonNode, Optional<R>> convert, Consumer<? super R> consumer) {
        String task = "reading " + ids.size() + " page bodies";
        AtomicLong done = new AtomicLong();
        List<Future<?>> batches = new ArrayList<>();
        for (int start = 0; start < ids.size(); start += BATCH) {
            List<RecordId> batch = ids.subList(start, Math.min(ids.size(), start + BATCH));
            batches.add(executor.submit(() -> {
                List<String> values = batch.stream().map(RecordId::value).toList();
                String path = Query.of().withEach("id", values).with("body-format", "storage").with("limit", BATCH)
                        .appendTo("/wiki/api/v2/pages");
                List<R> converted = new ArrayList<>();
                http.paginate(path, "reading page bodies", page -> convert.apply(page).ifPresent(converted::add));
                synchronized (consumer) {
                    converted.forEach(consumer);
                }
                progress.progress(task, done.addAndGet(batch.size()), OptionalLong.of(ids.size()));
            }));
        }
        for (Future<?> batch : batches) {
            await(batch, batches);
        }
    }

    private static void await(Future<?> batch, List<Future<?>> all) {
        try {
            batch.get();
        } catch (ExecutionException failed) {
            all.forEach(other -> other.cancel(true));
            if (failed.getCause() instanceof ReposixException reposixFailure) {
                throw reposixFailure;
            }
            if (failed.getCause() instanceof RuntimeException runtimeFailure) {
                throw runtimeFailure;
            }
            throw new IllegalStateException(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            all.forEach(other -> other.cancel(true));
            throw new IllegalStateException("interrupted while reading page bodies", interrupted);
        }
    }
}
