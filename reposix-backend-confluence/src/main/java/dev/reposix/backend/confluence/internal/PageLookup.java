package dev.reposix.backend.confluence.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reposix.api.RecordId;
import dev.reposix.api.TransportResponse;
import dev.reposix.backend.confluence.ConfluenceSpace;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Targeted reads of a few pages or folders of one space, for work that must not list the whole
 * space: one page with its body (and labels), pages by id in bulk, a current page by its exact
 * title, a folder. Stateless apart from its client; thread-safe.
 */
final class PageLookup {

    private final ConfluenceHttp http;
    private final ConfluenceSpace space;

    PageLookup(ConfluenceHttp http, ConfluenceSpace space) {
        this.http = http;
        this.space = space;
    }

    /**
     * A current or archived page (the statuses a bulk body read returns) with its storage body and
     * its labels, or empty when there is none with this id.
     */
    Optional<JsonNode> pageWithLabels(RecordId id) {
        return orEmptyWhenAbsent(Query.of().with("body-format", "storage").with("include-labels", true)
                .with("status", "current").with("status", "archived")
                .appendTo("/wiki/api/v2/pages/" + Query.encode(id.value())), "reading page " + id);
    }

    /** A folder of this space, or empty when the space has none with this id. */
    Optional<JsonNode> folder(RecordId id) {
        return orEmptyWhenAbsent("/wiki/api/v2/folders/" + Query.encode(id.value()), "reading folder " + id)
                .filter(this::inSpace);
    }

    /** The current pages of this space among these ids, without bodies; up to 250 ids per request. */
    List<JsonNode> currentPages(Collection<RecordId> ids) {
        List<RecordId> all = List.copyOf(ids);
        List<JsonNode> found = new ArrayList<>();
        for (int start = 0; start < all.size(); start += BodyReader.BATCH) {
            List<String> batch = all.subList(start, Math.min(all.size(), start + BodyReader.BATCH)).stream()
                    .map(RecordId::value).toList();
            http.paginate(Query.of().withEach("id", batch).with("status", "current").with("limit", BodyReader.BATCH)
                    .appendTo("/wiki/api/v2/pages"), "looking up linked pages", page -> {
                        if (inSpace(page)) {
                            found.add(page);
                        }
                    });
        }
        return found;
    }

    /** The current page of the space with exactly this title, with its storage body when asked. */
    Optional<JsonNode> currentPageTitled(String title, boolean withBody) {
        Query query = Query.of().with("space-id", space.id()).with("title", title).with("status", "current");
        if (withBody) {
            query.with("body-format", "storage");
        }
        List<JsonNode> found = new ArrayList<>();
        http.paginate(query.appendTo("/wiki/api/v2/pages"), "looking up page \"" + title + "\"", page -> {
            if (title.equals(page.path("title").asText())) {
                found.add(page);
            }
        });
        return found.stream().findFirst();
    }

    private boolean inSpace(JsonNode item) {
        return space.id().equals(item.path("spaceId").asText());
    }

    private Optional<JsonNode> orEmptyWhenAbsent(String path, String purpose) {
        TransportResponse response = http.exchange("GET", path, Optional.empty());
        if (response.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(http.readOk(response, purpose));
    }
}
