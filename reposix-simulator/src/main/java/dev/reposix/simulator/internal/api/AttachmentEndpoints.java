package dev.reposix.simulator.internal.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reposix.simulator.internal.http.ApiRequest;
import dev.reposix.simulator.internal.http.ApiResponse;
import dev.reposix.simulator.internal.http.Multipart;
import dev.reposix.simulator.internal.http.Router;
import dev.reposix.simulator.internal.store.ApiFailure;
import dev.reposix.simulator.internal.store.Attachments;
import dev.reposix.simulator.internal.store.StoredAttachment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Attachments: v2 reads {@code GET /attachments} (every readable page's) and
 * {@code GET /pages/{id}/attachments}, both through {@link AttachmentListing} (keyset cursors,
 * {@code status}, {@code sort}, {@code filename} and {@code mediaType}), and
 * {@code GET /attachments/{id}}; v2 {@code DELETE /attachments/{id}}
 * (to the trash; {@code purge=true} on a trashed one removes it); v1 uploads, as Cloud has no v2
 * upload: {@code POST /wiki/rest/api/content/{id}/child/attachment} adds files and refuses a name
 * the page already has (400), {@code PUT} on the same path adds or creates a new version. Uploads
 * are {@code multipart/form-data} with one or more {@code file} parts and optional
 * {@code comment}/{@code minorEdit} parts, and need {@code X-Atlassian-Token: nocheck} (else 403,
 * Cloud's XSRF check). {@code GET /wiki/download/attachments/{pageId}/{file}} serves the bytes of
 * the current version, or of {@code ?version=N}, with the attachment's media type.
 *
 * <p>Thread-safe.
 */
public final class AttachmentEndpoints {
    private static final String DOWNLOAD = "/wiki/download/attachments/{pageId}/{fileName}";
    private final ApiContext context;
    private final Attachments attachments;

    /** Creates the endpoints. */
    public AttachmentEndpoints(ApiContext context) {
        this.context = context;
        this.attachments = new Attachments(context.store());
    }

    /** Registers the routes. */
    public void register(Router router) {
        router.add("GET", "/wiki/api/v2/attachments", this::listOfSite)
            .add("GET", "/wiki/api/v2/pages/{id}/attachments", this::listOfPage)
            .add("GET", "/wiki/api/v2/attachments/{id}", this::get)
            .add("DELETE", "/wiki/api/v2/attachments/{id}", this::delete)
            .add("POST", "/wiki/rest/api/content/{id}/child/attachment", request -> upload(request, false))
            .add("PUT", "/wiki/rest/api/content/{id}/child/attachment", request -> upload(request, true))
            .add("GET", DOWNLOAD, this::download);
    }

    private ApiResponse listOfPage(ApiRequest request) {
        return AttachmentListing.list(attachments.ofPage(request.pathId("id"), AttachmentListing.statuses(request)),
            request, context);
    }

    private ApiResponse listOfSite(ApiRequest request) {
        return AttachmentListing.list(attachments.all(AttachmentListing.statuses(request)), request, context);
    }

    private ApiResponse get(ApiRequest request) {
        return ApiResponse.ok(AttachmentViews.v2(attachments.require(request.pathText("id"))));
    }

    private ApiResponse delete(ApiRequest request) {
        attachments.delete(request.pathText("id"), request.flag("purge", false));
        return ApiResponse.noContent();
    }

    private ApiResponse upload(ApiRequest request, boolean replace) {
        String token = request.header("X-Atlassian-Token").orElse("");
        if (!"nocheck".equalsIgnoreCase(token) && !"no-check".equalsIgnoreCase(token)) {
            throw new ApiFailure(403, "FORBIDDEN", "XSRF check failed; send the header X-Atlassian-Token: nocheck");
        }
        long pageId = request.pathId("id");
        List<Multipart.Part> parts = Multipart.parse(request);
        String comment = text(parts, "comment").orElse("");
        boolean minorEdit = text(parts, "minorEdit").map(Boolean::parseBoolean).orElse(false);
        List<Multipart.Part> files = parts.stream().filter(part -> part.name().equals("file")).toList();
        if (files.isEmpty()) {
            throw ApiFailure.badRequest("The upload has no part named 'file'");
        }
        ObjectNode body = Json.object();
        ArrayNode results = body.putArray("results");
        List<StoredAttachment> stored = new ArrayList<>();
        for (Multipart.Part file : files) {
            String fileName = baseName(file.fileName()
                .orElseThrow(() -> ApiFailure.badRequest("The 'file' part has no filename")));
            Attachments.Upload upload = new Attachments.Upload(fileName, MediaTypes.of(fileName, file.contentType()),
                comment, minorEdit, file.data());
            stored.add(attachments.upload(pageId, upload, replace, context.apiAccountId()));
        }
        stored.forEach(attachment -> results.add(AttachmentViews.v1(attachment, context)));
        body.put("start", 0);
        body.put("limit", 50);
        body.put("size", stored.size());
        body.putObject("_links").put("base", context.siteBase()).put("context", "/wiki");
        return ApiResponse.ok(body);
    }

    private ApiResponse download(ApiRequest request) {
        long pageId = request.pathId("pageId");
        String fileName = request.pathText("fileName");
        StoredAttachment attachment = attachments.byName(pageId, fileName)
            .orElseThrow(() -> ApiFailure.notFound("Page " + pageId + " has no attachment " + fileName));
        StoredAttachment.FileVersion version = attachment.latest();
        Optional<String> asked = request.query("version");
        if (asked.isPresent()) {
            int number = (int) PageListing.parseId(asked.get());
            version = attachment.version(number).orElseThrow(() -> ApiFailure.notFound("Attachment " + fileName
                + " has no version " + number + " that the simulator kept"));
        }
        return new ApiResponse(200, Map.of("Content-Type", version.mediaType(),
            "Content-Disposition", "attachment; filename*=UTF-8''" + AttachmentViews.segment(fileName)),
            version.data());
    }

    private static Optional<String> text(List<Multipart.Part> parts, String name) {
        return parts.stream().filter(part -> part.name().equals(name)).findFirst().map(Multipart.Part::text);
    }

    /** Browsers of old sent the full client path; only the last segment names the file. */
    private static String baseName(String fileName) {
        int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        return fileName.substring(slash + 1).trim();
    }
}
