package dev.reposix.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Part (a) of the floor: every page of a space with its storage body, fetched with the JDK's HTTP
 * client and nothing else. It pages through {@code /spaces/{id}/pages?limit=250&body-format=storage}
 * reading only the {@code Link: <...>; rel="next"} header, which arrives before the body, so the
 * next request starts while the previous body is still streaming: at most {@code concurrency}
 * requests are in flight, as with reposix's body fetches. Bodies are counted, never parsed. Then
 * the site's attachments: the listing ({@code /attachments?limit=250}, read only for each
 * {@code downloadLink} and the next link) and every file downloaded, again {@code concurrency} at
 * a time. Not thread-safe.
 */
final class FetchFloor {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");
    private static final Pattern DOWNLOAD_LINK = Pattern.compile("\"downloadLink\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SPACE_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private final URI base;
    private final String authorization;
    private final int concurrency;

    FetchFloor(String baseUrl, String email, String token, int concurrency) {
        this.base = URI.create(baseUrl);
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((email + ":" + token).getBytes(StandardCharsets.UTF_8));
        this.concurrency = concurrency;
    }

    /** What one fetch of the whole space took. */
    record Fetch(long millis, int requests, long bytesReceived) {
    }

    Fetch fetchAll(String spaceKey) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long start = System.nanoTime();
        String spaceId = spaceId(client, spaceKey);
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicLong bytes = new AtomicLong();
        List<CompletableFuture<?>> responses = new ArrayList<>();
        Optional<URI> next = Optional.of(base.resolve("/wiki/api/v2/spaces/" + spaceId
                + "/pages?limit=250&body-format=storage"));
        while (next.isPresent()) {
            inFlight.acquire();
            CompletableFuture<Optional<URI>> nextLink = new CompletableFuture<>();
            CompletableFuture<HttpResponse<byte[]>> response = client.sendAsync(request(next.get()), info -> {
                nextLink.complete(info.headers().firstValue("link").flatMap(this::nextOf));
                return HttpResponse.BodySubscribers.ofByteArray();
            });
            responses.add(response.whenComplete((done, failure) -> {
                inFlight.release();
                if (failure != null) {
                    nextLink.completeExceptionally(failure);
                } else {
                    bytes.addAndGet(done.body().length);
                }
            }).thenAccept(FetchFloor::requireOk));
            next = await(nextLink);
        }
        int listings = downloadAttachments(client, inFlight, bytes, responses);
        for (CompletableFuture<?> response : responses) {
            await(response);
        }
        return new Fetch((System.nanoTime() - start) / 1_000_000, responses.size() + 1 + listings, bytes.get());
    }

    /** Lists the site's attachments and starts every download; returns the listing requests made. */
    private int downloadAttachments(HttpClient client, Semaphore inFlight, AtomicLong bytes,
            List<CompletableFuture<?>> responses) throws IOException, InterruptedException {
        int listings = 0;
        Optional<URI> next = Optional.of(base.resolve("/wiki/api/v2/attachments?limit=250"));
        while (next.isPresent()) {
            HttpResponse<String> listing = client.send(request(next.get()), HttpResponse.BodyHandlers.ofString());
            requireOk(listing);
            listings++;
            Matcher link = DOWNLOAD_LINK.matcher(listing.body());
            while (link.find()) {
                inFlight.acquire();
                responses.add(client.sendAsync(request(base.resolve("/wiki" + link.group(1))),
                        HttpResponse.BodyHandlers.ofByteArray()).whenComplete((done, failure) -> {
                            inFlight.release();
                            if (failure == null) {
                                bytes.addAndGet(done.body().length);
                            }
                        }).thenAccept(FetchFloor::requireOk));
            }
            next = listing.headers().firstValue("link").flatMap(this::nextOf);
        }
        return listings;
    }

    private String spaceId(HttpClient client, String spaceKey) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request(base.resolve("/wiki/api/v2/spaces?keys=" + spaceKey)),
                HttpResponse.BodyHandlers.ofString());
        requireOk(response);
        Matcher id = SPACE_ID.matcher(response.body());
        if (!id.find()) {
            throw new IllegalStateException("space " + spaceKey + " not found: " + response.body());
        }
        return id.group(1);
    }

    private HttpRequest request(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", authorization).header("Accept", "application/json")
                .GET().build();
    }

    private Optional<URI> nextOf(String linkHeader) {
        Matcher next = NEXT.matcher(linkHeader);
        return next.find() ? Optional.of(base.resolve(next.group(1))) : Optional.empty();
    }

    private static void requireOk(HttpResponse<?> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.uri() + " answered " + response.statusCode());
        }
    }

    private static <T> T await(CompletableFuture<T> future) throws IOException, InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(failed.getCause());
        }
    }
}
