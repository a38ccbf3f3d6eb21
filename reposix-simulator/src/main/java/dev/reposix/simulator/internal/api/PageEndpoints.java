package dev.reposix.simulator.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reposix.simulator.internal.http.ApiRequest;
import dev.reposix.simulator.internal.http.ApiResponse;
import dev.reposix.simulator.internal.http.Router;
import dev.reposix.simulator.internal.store.ApiFailure;
import dev.reposix.simulator.internal.store.NewPage;
import dev.reposix.simulator.internal.store.PageUpdate;
import dev.reposix.simulator.internal.store.StoredPage;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Page reads and writes: {@code GET/POST /pages}, {@code GET/PUT/DELETE /pages/{id}}. Create and
 * update answer 200 with the page including its storage body, as Cloud does.
 *
 * <p>Thread-safe.
 */
public final class PageEndpoints {
    private static final String PAGES = "/wiki/api/v2/pages";
    private final ApiContext context;

    /** Creates the endpoints. */
    public PageEndpoints(ApiContext context) {
        this.context = context;
    }

    /** Registers the routes. */
    public void register(Router router) {
        router.add("GET", PAGES, this::list)
            .add("POST", PAGES, this::create)
            .add("GET", PAGES + "/{id}", this::get)
            .add("PUT", PAGES + "/{id}", this::update)
            .add("DELETE", PAGES + "/{id}", this::delete);
    }

    private ApiResponse list(ApiRequest request) {
        Set<Long> spaceIds = new HashSet<>();
        request.queryAll("space-id").forEach(id -> spaceIds.add(PageListing.parseId(id)));
        return PageListing.list(request, spaceIds, Optional.empty(), false, context);
    }

    private ApiResponse get(ApiRequest request) {
        StoredPage page = context.store().requirePage(request.pathId("id"));
        Optional<String> status = request.query("status");
        if (status.isPresent() && !request.queryAll("status").contains(page.status())) {
            throw ApiFailure.notFound("Page " + page.id() + " has no version with that status");
        }
        PageViewOptions options = new PageViewOptions(PageListing.storageBody(request),
            request.flag("include-version", true), request.flag("include-labels", false), true);
        return ApiResponse.ok(JsonViews.page(page, context.spaceKey(page.spaceId()), options, context));
    }

    private ApiResponse create(ApiRequest request) {
        JsonNode json = request.json();
        long spaceId = PageListing.parseId(requiredText(json, "spaceId"));
        String status = json.path("status").asText("current");
        if (!"current".equals(status) && !"draft".equals(status)) {
            throw ApiFailure.badRequest("status must be current or draft");
        }
        NewPage newPage = new NewPage(spaceId, requiredText(json, "title"), optionalId(json, "parentId"),
            request.flag("root-level", false), status, storageBody(json).orElse(""));
        StoredPage page = context.writes().create(newPage, context.apiAccountId());
        return written(page);
    }

    private ApiResponse update(ApiRequest request) {
        long id = request.pathId("id");
        JsonNode json = request.json();
        JsonNode version = json.path("version");
        if (!version.path("number").canConvertToInt()) {
            throw ApiFailure.badRequest("version.number is required");
        }
        String status = json.path("status").asText("current");
        if (!"current".equals(status) && !"draft".equals(status) && !"archived".equals(status)) {
            throw ApiFailure.badRequest("status must be current, draft or archived");
        }
        PageUpdate update = new PageUpdate(requiredText(json, "title"), status, optionalId(json, "parentId"),
            storageBody(json), version.path("number").asInt(), version.path("message").asText(""),
            version.path("minorEdit").asBoolean(false));
        return written(context.writes().update(id, update, context.apiAccountId()));
    }

    private ApiResponse delete(ApiRequest request) {
        context.writes().delete(request.pathId("id"), request.flag("purge", false));
        return ApiResponse.noContent();
    }

    private ApiResponse written(StoredPage page) {
        PageViewOptions options = new PageViewOptions(true, true, false, true);
        return ApiResponse.ok(JsonViews.page(page, context.spaceKey(page.spaceId()), options, context));
    }

    /** Accepts both body shapes of the document: flat and nested under the representation. */
    private static Optional<String> storageBody(JsonNode json) {
        JsonNode body = json.path("body");
        if (body.isMissingNode() || body.isNull()) {
            return Optional.empty();
        }
        JsonNode flat = body.has("storage") ? body.get("storage") : body;
        String representation = flat.path("representation").asText("storage");
        if (!"storage".equals(representation)) {
            throw ApiFailure.badRequest("The simulator accepts only the storage representation");
        }
        return Optional.of(flat.path("value").asText(""));
    }

    private static String requiredText(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw ApiFailure.badRequest(field + " is required");
        }
        return value.asText();
    }

    private static Optional<Long> optionalId(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull() || value.asText().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(PageListing.parseId(value.asText()));
    }
}
