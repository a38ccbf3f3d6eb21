package dev.reposix.simulator.internal.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.reposix.simulator.internal.http.ApiRequest;
import dev.reposix.simulator.internal.http.ApiResponse;
import dev.reposix.simulator.internal.store.AttachmentSort;
import dev.reposix.simulator.internal.store.PageSlice;
import dev.reposix.simulator.internal.store.Pagination;
import dev.reposix.simulator.internal.store.StoredAttachment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The shared logic of both v2 attachment lists ({@code /attachments} for the whole site and
 * {@code /pages/{id}/attachments}): {@code status} (repeatable; default {@code current} and
 * {@code archived}, as on Cloud), {@code mediaType} and {@code filename} filters, {@code sort}
 * ({@code AttachmentSortOrder}; default {@code created-date}), {@code limit} (default 50, at most
 * 250) and keyset cursors. Stateless, thread-safe.
 */
final class AttachmentListing {
    private static final int DEFAULT_LIMIT = 50;
    private static final Set<String> DEFAULT_STATUSES = Set.of("current", "archived");
    private static final Set<String> ALL_STATUSES = Set.of("current", "archived", "trashed");

    private AttachmentListing() {
    }

    /** The statuses a request asks for. */
    static Set<String> statuses(ApiRequest request) {
        return ListResponses.statuses(request, DEFAULT_STATUSES, ALL_STATUSES);
    }

    /** One cursor page of {@code candidates} (already filtered by status) as a v2 list response. */
    static ApiResponse list(List<StoredAttachment> candidates, ApiRequest request, ApiContext context) {
        Optional<String> fileName = request.query("filename");
        Optional<String> mediaType = request.query("mediaType");
        AttachmentSort sort = AttachmentSort.parse(request.query("sort").orElse(AttachmentSort.CREATED.parameter()));
        List<StoredAttachment> matching = new ArrayList<>(candidates.stream()
            .filter(attachment -> fileName.isEmpty() || attachment.title().equals(fileName.get()))
            .filter(attachment -> mediaType.isEmpty() || attachment.latest().mediaType().equals(mediaType.get()))
            .toList());
        matching.sort(sort.comparator());
        PageSlice<StoredAttachment> slice = Pagination.slice(matching, sort, request.query("cursor"),
            ListResponses.limit(request, DEFAULT_LIMIT), context.cursorMode());
        ArrayNode results = Json.array();
        slice.items().forEach(attachment -> results.add(AttachmentViews.v2(attachment)));
        return ListResponses.of(results, slice.nextCursor(), request, context);
    }
}
