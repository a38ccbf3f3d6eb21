package dev.reposix.simulator.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reposix.simulator.internal.http.ApiRequest;
import dev.reposix.simulator.internal.http.ApiResponse;
import dev.reposix.simulator.internal.http.Router;
import dev.reposix.simulator.internal.store.ApiFailure;
import dev.reposix.simulator.internal.store.PageSlice;
import dev.reposix.simulator.internal.store.Pagination;
import dev.reposix.simulator.internal.store.StoredPage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Labels: v2 reads {@code GET /pages/{id}/labels} and {@code GET /labels/{id}/pages}; writes
 * through v1, as Cloud offers no v2 label writes: {@code POST /wiki/rest/api/content/{id}/label}
 * (a JSON array of {@code {prefix, name}}; answers the v1 label list) and
 * {@code DELETE /wiki/rest/api/content/{id}/label/{name}} (204). Label changes create no page
 * version.
 *
 * <p>Thread-safe.
 */
public final class LabelEndpoints {
    private final ApiContext context;

    /** Creates the endpoints. */
    public LabelEndpoints(ApiContext context) {
        this.context = context;
    }

    /** Registers the routes. */
    public void register(Router router) {
        router.add("GET", "/wiki/api/v2/pages/{id}/labels", this::pageLabels)
            .add("GET", "/wiki/api/v2/labels/{id}/pages", this::labelPages)
            .add("POST", "/wiki/rest/api/content/{id}/label", this::addLabels)
            .add("DELETE", "/wiki/rest/api/content/{id}/label/{name}", this::removeLabel);
    }

    private ApiResponse pageLabels(ApiRequest request) {
        StoredPage page = context.store().requirePage(request.pathId("id"));
        PageSlice<String> slice = Pagination.sliceByOffset(page.labels(), request.query("cursor"),
            ListResponses.limit(request));
        ArrayNode results = Json.array();
        slice.items().forEach(name -> results.add(JsonViews.label(context.labelId(name), name)));
        return ListResponses.of(results, slice.nextCursor(), request, context);
    }

    private ApiResponse labelPages(ApiRequest request) {
        long labelId = request.pathId("id");
        String name = context.store().labelName(labelId)
            .orElseThrow(() -> ApiFailure.notFound("Label " + labelId + " was not found"));
        Set<Long> spaceIds = new HashSet<>();
        request.queryAll("space-id").forEach(id -> spaceIds.add(PageListing.parseId(id)));
        return PageListing.list(request, spaceIds, Optional.of(name), false, context);
    }

    private ApiResponse addLabels(ApiRequest request) {
        long pageId = request.pathId("id");
        JsonNode json = request.json();
        List<String> names = new ArrayList<>();
        for (JsonNode label : json.isArray() ? json : Json.array().add(json)) {
            String prefix = label.path("prefix").asText("global");
            String name = label.path("name").asText("");
            if (!"global".equals(prefix) || name.isBlank() || name.contains(" ")) {
                throw ApiFailure.badRequest("Labels need prefix global and a name without spaces: " + label);
            }
            names.add(name.toLowerCase(Locale.ROOT));
        }
        List<String> labels = context.content().addLabels(pageId, names);
        ObjectNode body = Json.object();
        ArrayNode results = body.putArray("results");
        for (String name : labels) {
            ObjectNode label = results.addObject();
            label.put("prefix", "global");
            label.put("name", name);
            label.put("id", Long.toString(context.labelId(name)));
            label.put("label", name);
        }
        body.put("start", 0);
        body.put("limit", 200);
        body.put("size", labels.size());
        return ApiResponse.ok(body);
    }

    private ApiResponse removeLabel(ApiRequest request) {
        context.content().removeLabel(request.pathId("id"), request.pathText("name"));
        return ApiResponse.noContent();
    }
}
