package dev.reposix.backend.confluence.internal;

import dev.reposix.backend.confluence.ConfluenceSpace;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reposix.api.RecordId;
import dev.reposix.api.ReposixException;
import dev.reposix.api.StandardErrorCode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Reads global labels without a request per page: for many pages, the space's label list plus the
 * pages of each label (O(labels + pages/250) requests); for a handful of pages, each page's own
 * labels. Stateless apart from its client; thread-safe.
 */
final class LabelIndex {

    /** Up to this many pages, asking each page is cheaper than listing the whole space's labels. */
    static final int PER_PAGE_THRESHOLD = 8;

    private static final String GLOBAL = "global";

    private final ConfluenceHttp http;

    LabelIndex(ConfluenceHttp http) {
        this.http = http;
    }

    /** Labels of the given pages; pages without labels map to an empty set. */
    Map<RecordId, Set<String>> labelsOf(ConfluenceSpace space, Collection<RecordId> pages) {
        if (pages.size() > PER_PAGE_THRESHOLD) {
            Map<RecordId, Set<String>> everyLabelled = spaceWide(space, Optional.empty());
            Map<RecordId, Set<String>> labels = new HashMap<>();
            pages.forEach(page -> labels.put(page, everyLabelled.getOrDefault(page, new TreeSet<>())));
            return labels;
        }
        Map<RecordId, Set<String>> labels = new HashMap<>();
        for (RecordId page : pages) {
            Set<String> names = new TreeSet<>();
            labels.put(page, names);
            try {
                http.paginate(Query.of().with("prefix", GLOBAL).with("limit", 250)
                        .appendTo("/wiki/api/v2/pages/" + Query.encode(page.value()) + "/labels"),
                        "reading labels of page " + page, label -> addIfGlobal(names, label));
            } catch (ReposixException missing) {
                // An id that does not exist has no labels; the body read skips it the same way.
                if (missing.errorCode() != StandardErrorCode.RECORD_NOT_FOUND) {
                    throw missing;
                }
            }
        }
        return labels;
    }

    /**
     * The global labels of every labelled page of the space: the label list, then each label's pages,
     * those listings on the given threads (as many at once as they are) or, without, one after the
     * other.
     */
    Map<RecordId, Set<String>> spaceWide(ConfluenceSpace space, Optional<ExecutorService> listers) {
        List<JsonNode> spaceLabels = new ArrayList<>();
        http.paginate(Query.of().with("prefix", GLOBAL).with("limit", 250)
                .appendTo("/wiki/api/v2/spaces/" + Query.encode(space.id()) + "/content/labels"),
                "listing labels of space " + space.key(), spaceLabels::add);
        List<JsonNode> global = spaceLabels.stream().filter(LabelIndex::isGlobal).toList();
        List<Future<List<RecordId>>> listed = new ArrayList<>();
        try {
            for (JsonNode label : global) {
                listed.add(listers.isPresent() ? listers.get().submit(() -> pagesLabelled(space, label))
                        : CompletableFuture.completedFuture(pagesLabelled(space, label)));
            }
            Map<RecordId, Set<String>> labels = new HashMap<>();
            for (int index = 0; index < global.size(); index++) {
                String name = global.get(index).path("name").asText();
                BodyReader.resultOf(listed.get(index), "listing pages labelled " + name)
                        .forEach(page -> labels.computeIfAbsent(page, id -> new TreeSet<>()).add(name));
            }
            return labels;
        } finally {
            // after a failure, the listings still running are of no use; after success none is left
            listed.forEach(listing -> listing.cancel(true));
        }
    }

    private List<RecordId> pagesLabelled(ConfluenceSpace space, JsonNode label) {
        List<RecordId> pages = new ArrayList<>();
        http.paginate(Query.of().with("space-id", space.id()).with("limit", 250)
                .appendTo("/wiki/api/v2/labels/" + Query.encode(PageJson.requiredText(label, "id")) + "/pages"),
                "listing pages labelled " + label.path("name").asText(),
                page -> pages.add(RecordId.of(PageJson.requiredText(page, "id"))));
        return pages;
    }

    /**
     * The global labels a page object carries ({@code include-labels=true}), or empty when it carries
     * none or only the first of them ({@code meta.hasMore}).
     */
    static Optional<Set<String>> included(JsonNode page) {
        JsonNode labels = page.path("labels");
        if (!labels.path("results").isArray() || labels.path("meta").path("hasMore").asBoolean(false)) {
            return Optional.empty();
        }
        Set<String> names = new TreeSet<>();
        labels.path("results").forEach(label -> addIfGlobal(names, label));
        return Optional.of(names);
    }

    private static void addIfGlobal(Set<String> labels, JsonNode label) {
        if (isGlobal(label)) {
            labels.add(label.path("name").asText());
        }
    }

    private static boolean isGlobal(JsonNode label) {
        return GLOBAL.equals(label.path("prefix").asText(GLOBAL)) && !label.path("name").asText("").isEmpty();
    }
}
