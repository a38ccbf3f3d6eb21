package dev.reposix.simulator.internal.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reposix.simulator.internal.http.ApiRequest;
import dev.reposix.simulator.internal.http.ApiResponse;
import dev.reposix.simulator.internal.http.Router;
import dev.reposix.simulator.internal.store.ApiFailure;
import dev.reposix.simulator.internal.store.PageSlice;
import dev.reposix.simulator.internal.store.PageTree;
import dev.reposix.simulator.internal.store.Pagination;
import dev.reposix.simulator.internal.store.StoredFolder;
import java.util.List;
import java.util.Optional;

/**
 * The content tree: {@code /pages/{id}/children} (child pages only),
 * {@code /pages/{id}/direct-children} and {@code /folders/{id}/direct-children} (pages and
 * folders), {@code /pages/{id}/ancestors}, {@code /folders/{id}/ancestors} (root first) and
 * {@code GET /folders/{id}}.
 *
 * <p>Thread-safe.
 */
public final class HierarchyEndpoints {
    private static final String API = "/wiki/api/v2";
    private final ApiContext context;

    /** Creates the endpoints. */
    public HierarchyEndpoints(ApiContext context) {
        this.context = context;
    }

    /** Registers the routes. */
    public void register(Router router) {
        router.add("GET", API + "/pages/{id}/children", request -> children(request, true))
            .add("GET", API + "/pages/{id}/direct-children", request -> children(request, false))
            .add("GET", API + "/folders/{id}/direct-children", this::folderChildren)
            .add("GET", API + "/pages/{id}/ancestors", this::ancestors)
            .add("GET", API + "/folders/{id}/ancestors", this::folderAncestors)
            .add("GET", API + "/folders/{id}", this::folder);
    }

    private ApiResponse children(ApiRequest request, boolean pagesOnly) {
        long id = context.store().requirePage(request.pathId("id")).id();
        List<PageTree.Child> children = context.tree().directChildren(id);
        if (pagesOnly) {
            children = children.stream().filter(child -> "page".equals(child.type())).toList();
        }
        return childList(request, children, !pagesOnly);
    }

    private ApiResponse folderChildren(ApiRequest request) {
        StoredFolder folder = requireFolder(request);
        return childList(request, context.tree().directChildren(folder.id()), true);
    }

    private ApiResponse childList(ApiRequest request, List<PageTree.Child> children, boolean withType) {
        PageSlice<PageTree.Child> slice = Pagination.sliceByOffset(children, request.query("cursor"),
            ListResponses.limit(request));
        ArrayNode results = Json.array();
        slice.items().forEach(child -> results.add(JsonViews.child(child, withType)));
        return ListResponses.of(results, slice.nextCursor(), request, context);
    }

    private ApiResponse ancestors(ApiRequest request) {
        ArrayNode results = Json.array();
        context.tree().ancestors(request.pathId("id")).forEach(ancestor -> results.add(JsonViews.ancestor(ancestor)));
        return ListResponses.of(results, Optional.empty(), request, context);
    }

    /** The document gives folder ancestors no {@code _links}, unlike page ancestors. */
    private ApiResponse folderAncestors(ApiRequest request) {
        requireFolder(request);
        ObjectNode body = Json.object();
        ArrayNode results = body.putArray("results");
        context.tree().ancestors(request.pathId("id")).forEach(ancestor -> results.add(JsonViews.ancestor(ancestor)));
        return ApiResponse.ok(body);
    }

    private ApiResponse folder(ApiRequest request) {
        StoredFolder folder = requireFolder(request);
        return ApiResponse.ok(JsonViews.folder(folder, context.spaceKey(folder.spaceId()), context));
    }

    private StoredFolder requireFolder(ApiRequest request) {
        long id = request.pathId("id");
        return context.store().folder(id).orElseThrow(() -> ApiFailure.notFound("Folder " + id + " was not found"));
    }
}
