package dev.reposix.simulator.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.reposix.simulator.internal.http.ApiRequest;
import dev.reposix.simulator.internal.http.ApiResponse;
import dev.reposix.simulator.internal.http.Router;
import dev.reposix.simulator.internal.store.ApiFailure;
import dev.reposix.simulator.internal.store.PageSlice;
import dev.reposix.simulator.internal.store.Pagination;
import dev.reposix.simulator.internal.store.StoredProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Content properties ({@code GET/POST /pages/{page-id}/properties}) and
 * {@code POST /users-bulk} (unknown account ids are left out of {@code results}).
 *
 * <p>Thread-safe.
 */
public final class PropertyAndUserEndpoints {
    private final ApiContext context;

    /** Creates the endpoints. */
    public PropertyAndUserEndpoints(ApiContext context) {
        this.context = context;
    }

    /** Registers the routes. */
    public void register(Router router) {
        router.add("GET", "/wiki/api/v2/pages/{page-id}/properties", this::properties)
            .add("POST", "/wiki/api/v2/pages/{page-id}/properties", this::createProperty)
            .add("POST", "/wiki/api/v2/users-bulk", this::users);
    }

    private ApiResponse properties(ApiRequest request) {
        List<StoredProperty> properties = new ArrayList<>(context.content().properties(request.pathId("page-id")));
        Optional<String> key = request.query("key");
        key.ifPresent(wanted -> properties.removeIf(property -> !property.key().equals(wanted)));
        PageSlice<StoredProperty> slice = Pagination.sliceByOffset(properties, request.query("cursor"),
            ListResponses.limit(request));
        ArrayNode results = Json.array();
        slice.items().forEach(property -> results.add(JsonViews.property(property)));
        return ListResponses.of(results, slice.nextCursor(), request, context);
    }

    private ApiResponse createProperty(ApiRequest request) {
        JsonNode json = request.json();
        String key = json.path("key").asText("");
        if (key.isBlank() || !json.has("value")) {
            throw ApiFailure.badRequest("key and value are required");
        }
        StoredProperty property = context.content().create(request.pathId("page-id"), key, json.get("value"),
            context.apiAccountId());
        return ApiResponse.ok(JsonViews.property(property));
    }

    private ApiResponse users(ApiRequest request) {
        JsonNode accountIds = request.json().path("accountIds");
        if (!accountIds.isArray() || accountIds.isEmpty() || accountIds.size() > 250) {
            throw ApiFailure.badRequest("accountIds must hold 1 to 250 account ids");
        }
        List<String> ids = new ArrayList<>();
        accountIds.forEach(id -> ids.add(id.asText()));
        ArrayNode results = Json.array();
        context.store().users(ids).forEach(user -> results.add(JsonViews.user(user)));
        return ListResponses.of(results, Optional.empty(), request, context);
    }
}
