package dev.reposix.simulator.internal.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Content properties and labels of pages. Neither creates a page version, as on Confluence.
 *
 * <p>Thread-safe.
 */
public final class ContentProperties {
    private final SimulatorStore store;

    /** Creates the accessor over a store. */
    public ContentProperties(SimulatorStore store) {
        this.store = store;
    }

    static void putInitialEditorProperty(SimulatorStore store, long pageId, String authorId, Instant now) {
        StoredProperty editor = new StoredProperty(store.allocateId(), "editor", TextNode.valueOf("v2"),
            StoredVersion.first(authorId, now));
        store.properties.computeIfAbsent(pageId, ignored -> new LinkedHashMap<>()).put("editor", editor);
    }

    /** The properties of a readable page, in creation order. */
    public List<StoredProperty> properties(long pageId) {
        store.requirePage(pageId);
        return store.read(() -> List.copyOf(store.properties.getOrDefault(pageId, Map.of()).values()));
    }

    /** Adds a property; 400 if the key exists on the page. */
    public StoredProperty create(long pageId, String key, JsonNode value, String authorId) {
        store.requirePage(pageId);
        return store.write(() -> {
            Map<String, StoredProperty> pageProperties =
                store.properties.computeIfAbsent(pageId, ignored -> new LinkedHashMap<>());
            if (pageProperties.containsKey(key)) {
                throw ApiFailure.badRequest("A content property with key '" + key + "' already exists");
            }
            StoredProperty property = new StoredProperty(store.allocateId(), key, value,
                StoredVersion.first(authorId, store.now()));
            pageProperties.put(key, property);
            return property;
        });
    }

    /** Adds labels to a readable page; returns the page's labels afterwards. */
    public List<String> addLabels(long pageId, List<String> names) {
        store.requirePage(pageId);
        return store.write(() -> {
            StoredPage page = store.pages.get(pageId);
            List<String> labels = new ArrayList<>(page.labels());
            for (String name : names) {
                store.labelId(name);
                if (!labels.contains(name)) {
                    labels.add(name);
                }
            }
            store.pages.put(pageId, page.withLabels(labels));
            return List.copyOf(labels);
        });
    }

    /** Removes a label from a readable page; 404 if the page does not have it. */
    public void removeLabel(long pageId, String name) {
        store.requirePage(pageId);
        store.write(() -> {
            StoredPage page = store.pages.get(pageId);
            if (!page.labels().contains(name)) {
                throw ApiFailure.notFound("Label '" + name + "' is not on page " + pageId);
            }
            List<String> labels = new ArrayList<>(page.labels());
            labels.remove(name);
            store.pages.put(pageId, page.withLabels(labels));
            return null;
        });
    }

    /** The id of an existing label name (labels are allocated when first used). */
    public long labelId(String name) {
        return store.write(() -> store.labelId(name));
    }

    /** Names of all labels on readable, non-trashed pages of a space, sorted. */
    public List<String> contentLabels(long spaceId) {
        return store.read(() -> store.pages.values().stream()
            .filter(page -> page.spaceId() == spaceId && !page.isTrashed())
            .flatMap(page -> page.labels().stream())
            .distinct().sorted().toList());
    }
}
