package dev.reposix.backend.confluence.internal;

import dev.reposix.backend.confluence.ConfluenceSpace;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reposix.api.RecordId;
import dev.reposix.api.ReposixException;
import dev.reposix.api.TransportResponse;
import java.util.Collection;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write side of the REST API for one space: create, read-for-update, update with a version
 * check, trash, and label changes (v1 endpoints, since v2 has no label writes). Creates and updates
 * report lost and refused answers as {@link WriteAnswer}s instead of failing, so that the caller can
 * check whether the write was applied after all. Thread-safe.
 */
final class PageWriter {

    private static final Logger LOG = LoggerFactory.getLogger(PageWriter.class);

    private final ConfluenceHttp http;
    private final ConfluenceSpace space;

    PageWriter(ConfluenceHttp http, ConfluenceSpace space) {
        this.http = http;
        this.space = space;
    }

    /**
     * Sends a create of a current page. The transport does not resend a POST whose answer was lost
     * (a second one could make a second page), so after {@link WriteAnswer.Lost} and
     * {@link WriteAnswer.Refused} the caller looks the page up by title; other failures throw.
     */
    WriteAnswer create(String title, Optional<RecordId> parent, String storage) {
        ObjectNode request = ConfluenceHttp.object();
        request.put("spaceId", space.id()).put("status", "current").put("title", title);
        parent.ifPresent(id -> request.put("parentId", id.value()));
        request.putObject("body").put("representation", "storage").put("value", storage);
        String purpose = "creating page \"" + title + "\"";
        TransportResponse response;
        try {
            response = http.exchange("POST", "/wiki/api/v2/pages", Optional.of(request));
        } catch (ReposixException lost) {
            return new WriteAnswer.Lost(lost);
        }
        if (response.status() == 400) {
            return new WriteAnswer.Refused(http.failure(response, purpose));
        }
        return new WriteAnswer.Saved(http.readOk(response, purpose));
    }

    /**
     * Cloud opens pages created through the API in the legacy editor unless this property says
     * otherwise; the page itself is already saved, so a failure here is only worth a warning.
     */
    void markForNewEditor(String pageId) {
        ObjectNode property = ConfluenceHttp.object().put("key", "editor").put("value", "v2");
        TransportResponse response = http.exchange("POST", "/wiki/api/v2/pages/" + Query.encode(pageId) + "/properties",
                Optional.of(property));
        if (!response.isSuccess()) {
            LOG.warn("page {} was created, but marking it for the new editor failed with HTTP {}", pageId,
                    response.status());
        }
    }

    /** The page with its storage body, or empty when it does not exist (or is not visible). */
    Optional<JsonNode> current(RecordId id) {
        TransportResponse response = http.exchange("GET", Query.of().with("body-format", "storage")
                .appendTo("/wiki/api/v2/pages/" + Query.encode(id.value())), Optional.empty());
        if (response.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(http.readOk(response, "reading page " + id + " before updating it"));
    }

    /** Sends an update with the version number it creates; see {@link WriteAnswer} for what may come back. */
    WriteAnswer update(RecordId id, long newVersion, String title, Optional<RecordId> parent, String status,
            String storage, String message) {
        ObjectNode request = ConfluenceHttp.object();
        request.put("id", id.value()).put("status", status).put("title", title);
        parent.ifPresent(parentId -> request.put("parentId", parentId.value()));
        request.putObject("body").put("representation", "storage").put("value", storage);
        request.putObject("version").put("number", newVersion).put("message", message);
        TransportResponse response;
        try {
            response = http.exchange("PUT", "/wiki/api/v2/pages/" + Query.encode(id.value()), Optional.of(request));
        } catch (ReposixException lost) {
            return new WriteAnswer.Lost(lost);
        }
        if (response.status() == 409) {
            return new WriteAnswer.VersionTaken();
        }
        return new WriteAnswer.Saved(http.readOk(response, "updating page " + id + " (\"" + title + "\")"));
    }

    /** Moves a page to the trash; {@code false} when it was already gone. */
    boolean trash(RecordId id) {
        TransportResponse response = http.exchange("DELETE", "/wiki/api/v2/pages/" + Query.encode(id.value()),
                Optional.empty());
        if (response.status() == 404) {
            return false;
        }
        http.readOk(response, "moving page " + id + " to the trash");
        return true;
    }

    /** Adds global labels to a page; adding a label it has is no change, so a lost answer may be resent. */
    void addLabels(RecordId id, Collection<String> names) {
        if (names.isEmpty()) {
            return;
        }
        ArrayNode labels = ConfluenceHttp.object().arrayNode();
        names.forEach(name -> labels.addObject().put("prefix", "global").put("name", name));
        http.repeatableWrite("POST", "/wiki/rest/api/content/" + Query.encode(id.value()) + "/label", labels,
                "adding labels " + names + " to page " + id);
    }

    /** Removes a global label from a page; removing an absent label is not an error. */
    void removeLabel(RecordId id, String name) {
        TransportResponse response = http.exchange("DELETE", "/wiki/rest/api/content/" + Query.encode(id.value())
                + "/label/" + Query.encode(name), Optional.empty());
        if (response.status() != 404) {
            http.readOk(response, "removing label " + name + " from page " + id);
        }
    }
}
