package dev.reposix.backend.confluence.codec;

import dev.reposix.api.RecordId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves Confluence page links for the {@link StorageCodec}: storage names a linked page by its
 * title within the space, Markdown names it by its record id (the neutral
 * {@code reposix:record/<id>} form), so the codec asks the backend to translate.
 *
 * <p>Implementations must be thread-safe if the codec that uses them is shared between threads.
 */
public interface PageDirectory {

    /**
     * The page of the current space with this title.
     *
     * @param title an exact page title
     * @return its id, or empty when the space has no page with that title
     */
    Optional<RecordId> idOfTitle(String title);

    /**
     * The current title of a page.
     *
     * @param id a page id
     * @return its title, or empty when the page is unknown
     */
    Optional<String> titleOf(RecordId id);

    /**
     * A directory of known pages, e.g. for converting files outside a sync or in a test.
     *
     * @param titles the title of each page; titles are unique within a space
     * @return an immutable directory of those pages
     */
    static PageDirectory of(Map<RecordId, String> titles) {
        Map<RecordId, String> titlesById = Map.copyOf(titles);
        Map<String, RecordId> idsByTitle = new HashMap<>();
        titlesById.forEach((id, title) -> idsByTitle.put(title, id));
        return new PageDirectory() {
            @Override
            public Optional<RecordId> idOfTitle(String title) {
                return Optional.ofNullable(idsByTitle.get(title));
            }

            @Override
            public Optional<String> titleOf(RecordId id) {
                return Optional.ofNullable(titlesById.get(id));
            }
        };
    }

    /**
     * A directory that knows no page, so every page link is kept verbatim.
     *
     * @return an empty directory
     */
    static PageDirectory empty() {
        return new PageDirectory() {
            @Override
            public Optional<RecordId> idOfTitle(String title) {
                return Optional.empty();
            }

            @Override
            public Optional<String> titleOf(RecordId id) {
                return Optional.empty();
            }
        };
    }
}
