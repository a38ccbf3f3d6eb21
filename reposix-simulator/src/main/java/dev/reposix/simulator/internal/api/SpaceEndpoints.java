package dev.reposix.simulator.internal.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.reposix.simulator.internal.http.ApiRequest;
import dev.reposix.simulator.internal.http.ApiResponse;
import dev.reposix.simulator.internal.http.Router;
import dev.reposix.simulator.internal.store.ApiFailure;
import dev.reposix.simulator.internal.store.PageSlice;
import dev.reposix.simulator.internal.store.Pagination;
import dev.reposix.simulator.internal.store.StoredSpace;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Spaces: {@code GET /spaces} (filters {@code keys}, {@code ids}), {@code GET /spaces/{id}},
 * {@code GET /spaces/{id}/pages} ({@code depth=root|all}), {@code GET /spaces/{id}/labels} (labels
 * of the space itself) and {@code GET /spaces/{id}/content/labels} (labels of its pages).
 * Unreadable spaces are absent and answer 404.
 *
 * <p>Thread-safe.
 */
public final class SpaceEndpoints {
    private static final String SPACES = "/wiki/api/v2/spaces";
    private final ApiContext context;

    /** Creates the endpoints. */
    public SpaceEndpoints(ApiContext context) {
        this.context = context;
    }

    /** Registers the routes. */
    public void register(Router router) {
        router.add("GET", SPACES, this::list)
            .add("GET", SPACES + "/{id}", this::get)
            .add("GET", SPACES + "/{id}/pages", this::pages)
            .add("GET", SPACES + "/{id}/labels", this::spaceLabels)
            .add("GET", SPACES + "/{id}/content/labels", this::contentLabels);
    }

    private ApiResponse list(ApiRequest request) {
        Set<Long> ids = new HashSet<>();
        request.queryAll("ids").forEach(id -> ids.add(PageListing.parseId(id)));
        List<StoredSpace> spaces = context.store().spaces(Set.copyOf(request.queryAll("keys")), ids);
        PageSlice<StoredSpace> slice = Pagination.sliceByOffset(spaces, request.query("cursor"),
            ListResponses.limit(request));
        ArrayNode results = Json.array();
        slice.items().forEach(space -> results.add(JsonViews.space(space, false, context)));
        return ListResponses.of(results, slice.nextCursor(), request, context);
    }

    private ApiResponse get(ApiRequest request) {
        return ApiResponse.ok(JsonViews.space(requireSpace(request), true, context));
    }

    private ApiResponse pages(ApiRequest request) {
        StoredSpace space = requireSpace(request);
        boolean rootOnly = "root".equals(request.query("depth").orElse("all"));
        return PageListing.list(request, Set.of(space.id()), Optional.empty(), rootOnly, context);
    }

    private ApiResponse spaceLabels(ApiRequest request) {
        return labels(request, requireSpace(request).labels());
    }

    private ApiResponse contentLabels(ApiRequest request) {
        return labels(request, context.content().contentLabels(requireSpace(request).id()));
    }

    private ApiResponse labels(ApiRequest request, List<String> names) {
        PageSlice<String> slice = Pagination.sliceByOffset(names, request.query("cursor"),
            ListResponses.limit(request));
        ArrayNode results = Json.array();
        slice.items().forEach(name -> results.add(JsonViews.label(context.labelId(name), name)));
        return ListResponses.of(results, slice.nextCursor(), request, context);
    }

    private StoredSpace requireSpace(ApiRequest request) {
        long id = request.pathId("id");
        return context.store().space(id).orElseThrow(() -> ApiFailure.notFound("Space " + id + " was not found"));
    }
}
