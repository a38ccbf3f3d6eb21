package dev.reposix.backend.confluence.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reposix.api.RecordId;
import dev.reposix.api.ReposixException;
import dev.reposix.backend.confluence.codec.StorageCanonicalizer;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/**
 * What a write meant a page to become, so that a page found after a lost or refused answer can be
 * recognised as this write's result: the same title, parent (as records see it, the homepage
 * hidden), status, body after {@link StorageCanonicalizer} (Confluence may reformat what it
 * stores) and, for an update, exactly the version the write asked for. Immutable.
 *
 * @param version the version an update wrote, empty for a create (any version)
 */
record WriteIntent(String title, Optional<RecordId> parent, String status, String storage, OptionalLong version) {

    private static final StorageCanonicalizer CANONICALIZER = new StorageCanonicalizer();

    /**
     * Whether the page is what this write meant.
     *
     * @param page a page object with its storage body
     * @param recordParent the parent as records see it (the homepage hidden)
     */
    boolean isMetBy(JsonNode page, UnaryOperator<Optional<RecordId>> recordParent) {
        if (version.isPresent() && page.path("version").path("number").asLong() != version.getAsLong()) {
            return false;
        }
        Optional<String> stored = PageJson.storage(page);
        return title.equals(page.path("title").asText()) && status.equals(page.path("status").asText())
                && parent.equals(recordParent.apply(PageJson.parent(page))) && stored.isPresent()
                && sameBody(stored.get());
    }

    private boolean sameBody(String stored) {
        try {
            return CANONICALIZER.canonicalize(stored).equals(CANONICALIZER.canonicalize(storage));
        } catch (ReposixException malformed) {
            return false;
        }
    }
}
