package dev.reposix.simulator.internal.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.reposix.simulator.internal.http.ApiRequest;
import dev.reposix.simulator.internal.http.ApiResponse;
import dev.reposix.simulator.internal.store.ApiFailure;
import dev.reposix.simulator.internal.store.PageQuery;
import dev.reposix.simulator.internal.store.PageSlice;
import dev.reposix.simulator.internal.store.PageSort;
import dev.reposix.simulator.internal.store.Pagination;
import dev.reposix.simulator.internal.store.StoredPage;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The shared logic of every page list ({@code /pages}, {@code /spaces/{id}/pages},
 * {@code /labels/{id}/pages}): filters, {@code sort} (default {@code id}), {@code body-format},
 * {@code limit} and cursor pagination. Statuses default to {@code current} and {@code archived},
 * as on Cloud.
 */
final class PageListing {
    private static final Set<String> DEFAULT_STATUSES = Set.of("current", "archived");
    private static final Set<String> ALL_STATUSES =
        Set.of("current", "draft", "archived", "historical", "trashed", "deleted");

    private PageListing() {
    }

    static ApiResponse list(ApiRequest request, Set<Long> spaceIds, Optional<String> label, boolean rootOnly,
                            ApiContext context) {
        Set<Long> ids = new HashSet<>();
        for (String id : request.queryAll("id")) {
            ids.add(parseId(id));
        }
        PageQuery query = new PageQuery(ids, spaceIds, statuses(request), request.query("title"), label);
        PageSort sort = PageSort.parse(request.query("sort").orElse("id"));
        List<StoredPage> matching = context.store().pages(query);
        if (rootOnly) {
            matching.removeIf(page -> page.parentId() != null);
        }
        matching.sort(sort.comparator());
        PageSlice<StoredPage> slice = Pagination.slice(matching, sort, request.query("cursor"),
            ListResponses.limit(request), context.cursorMode());
        PageViewOptions options = new PageViewOptions(storageBody(request), true, false, false);
        Map<Long, String> spaceKeys = new HashMap<>();
        ArrayNode results = Json.array();
        for (StoredPage page : slice.items()) {
            String spaceKey = spaceKeys.computeIfAbsent(page.spaceId(), context::spaceKey);
            results.add(JsonViews.page(page, spaceKey, options, context));
        }
        return ListResponses.of(results, slice.nextCursor(), request, context);
    }

    /** Whether {@code body-format} asks for storage; other formats are not simulated. */
    static boolean storageBody(ApiRequest request) {
        Optional<String> format = request.query("body-format");
        if (format.isEmpty()) {
            return false;
        }
        if (!"storage".equals(format.get())) {
            throw ApiFailure.badRequest("The simulator serves only body-format=storage, not " + format.get());
        }
        return true;
    }

    private static Set<String> statuses(ApiRequest request) {
        if (request.queryAll("status").contains("any")) {
            return ALL_STATUSES;
        }
        return ListResponses.statuses(request, DEFAULT_STATUSES, ALL_STATUSES);
    }

    static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ApiFailure.badRequest("Not a valid id: " + id);
        }
    }
}
