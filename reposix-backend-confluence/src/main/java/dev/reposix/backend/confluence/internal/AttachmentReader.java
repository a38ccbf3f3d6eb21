package dev.reposix.backend.confluence.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reposix.api.Attachment;
import dev.reposix.api.RecordId;
import dev.reposix.api.ReposixException;
import dev.reposix.api.StandardErrorCode;
import dev.reposix.api.TransportResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Lists and downloads attachments. A handful of pages (a push) is listed page by page; more (a
 * sync) costs one site-wide listing, {@code GET /wiki/api/v2/attachments}, at 250 per request, kept
 * to the asked pages, so a sync of 10,000 pages costs the site's attachments divided by 250, not a
 * request per page. Downloads go through the host transport, which follows the redirect Cloud
 * answers with (to its media service) only to allowed origins and without the credentials.
 * Several files are downloaded at once on the fetch threads, as many as the configured concurrency.
 * Thread-safe.
 */
final class AttachmentReader {

    /** Up to this many pages, asking each page is cheaper than listing the whole site. */
    static final int PER_PAGE_THRESHOLD = 8;

    private static final String CURRENT_ONLY = Query.of().with("limit", 250).with("status", "current")
            .appendTo("");

    private final ConfluenceHttp http;
    private final ExecutorService fetchers;
    private final int concurrency;

    AttachmentReader(ConfluenceHttp http, ExecutorService fetchers, int concurrency) {
        this.http = http;
        this.fetchers = fetchers;
        this.concurrency = concurrency;
    }

    /** The current attachments of the given pages; pages without attachments are absent. */
    Map<RecordId, List<Attachment>> list(Collection<RecordId> records) {
        Set<RecordId> wanted = new LinkedHashSet<>(records);
        Map<RecordId, List<Attachment>> byPage = new LinkedHashMap<>();
        Consumer<Attachment> keep = attachment -> {
            if (wanted.contains(attachment.record())) {
                byPage.computeIfAbsent(attachment.record(), page -> new ArrayList<>()).add(attachment);
            }
        };
        if (wanted.size() > PER_PAGE_THRESHOLD) {
            listing("/wiki/api/v2/attachments" + CURRENT_ONLY, "listing the site's attachments", keep);
            return byPage;
        }
        for (RecordId page : wanted) {
            try {
                listing("/wiki/api/v2/pages/" + Query.encode(page.value()) + "/attachments" + CURRENT_ONLY,
                        "listing the attachments of page " + page, keep);
            } catch (ReposixException missing) {
                // A page that is gone has no attachments, as in the site-wide listing.
                if (missing.errorCode() != StandardErrorCode.RECORD_NOT_FOUND) {
                    throw missing;
                }
            }
        }
        return byPage;
    }

    private void listing(String firstPath, String purpose, Consumer<Attachment> consumer) {
        http.paginate(firstPath, purpose, item -> {
            // Attachments of blog posts and other content have no pageId; reposix only knows pages.
            if (item.path("pageId").asText("").isEmpty()) {
                return;
            }
            consumer.accept(parse(item, purpose));
        });
    }

    private Attachment parse(JsonNode item, String purpose) {
        try {
            return AttachmentJson.fromV2(item, http.site());
        } catch (IllegalArgumentException malformed) {
            throw AttachmentJson.malformed(purpose, malformed);
        }
    }

    /**
     * The bytes of an attachment's current version, refused before the request when the listed size
     * is already too large, and after it when the answer's {@code Content-Length} or body is.
     */
    byte[] read(Attachment attachment, long maxBytes) {
        String what = "attachment \"" + attachment.fileName() + "\" of page " + attachment.record();
        if (attachment.size() > maxBytes) {
            throw tooLarge(what, attachment.size(), maxBytes);
        }
        TransportResponse response = http.exchange("GET", AttachmentJson.downloadPath(attachment.record(),
                attachment.fileName()), "*/*", "", new byte[0]);
        if (!response.isSuccess()) {
            throw http.failure(response, "downloading " + what);
        }
        OptionalLong announced = contentLength(response);
        if (announced.isPresent() && announced.getAsLong() > maxBytes) {
            throw tooLarge(what, announced.getAsLong(), maxBytes);
        }
        byte[] body = response.body();
        if (body.length > maxBytes) {
            throw tooLarge(what, body.length, maxBytes);
        }
        return body;
    }

    /**
     * Downloads attachments on the fetch threads, {@code concurrency} at a time, and hands each file
     * to the consumer on the calling thread in the order given; at most {@code concurrency} files
     * wait. A file that is gone is handed over as empty; any other failure stops the rest.
     */
    void readAll(List<Attachment> attachments, long maxBytes, BiConsumer<Attachment, Optional<byte[]>> consumer) {
        Deque<Future<Optional<byte[]>>> downloading = new ArrayDeque<>();
        int started = 0;
        try {
            for (Attachment attachment : attachments) {
                while (started < attachments.size() && downloading.size() < concurrency) {
                    Attachment next = attachments.get(started++);
                    downloading.add(fetchers.submit(() -> readUnlessGone(next, maxBytes)));
                }
                consumer.accept(attachment, BodyReader.resultOf(downloading.remove(), "downloading attachments"));
            }
        } finally {
            // after a failure the downloads still running are of no use; after success none is left
            downloading.forEach(download -> download.cancel(true));
        }
    }

    private Optional<byte[]> readUnlessGone(Attachment attachment, long maxBytes) {
        try {
            return Optional.of(read(attachment, maxBytes));
        } catch (ReposixException failure) {
            if (failure.errorCode() != StandardErrorCode.RECORD_NOT_FOUND) {
                throw failure;
            }
            return Optional.empty();
        }
    }

    private static OptionalLong contentLength(TransportResponse response) {
        try {
            return response.header("Content-Length").map(value -> OptionalLong.of(Long.parseLong(value.trim())))
                    .orElse(OptionalLong.empty());
        } catch (NumberFormatException unreadable) {
            return OptionalLong.empty();
        }
    }

    private static ReposixException tooLarge(String what, long size, long maxBytes) {
        return new ReposixException(StandardErrorCode.REJECTED_BY_SOURCE, what + " has " + size + " bytes, more than"
                + " the " + maxBytes + " reposix accepts; raise REPOSIX_ATTACHMENT_MAX_BYTES to take it, or remove"
                + " the file from the page in Confluence");
    }
}
