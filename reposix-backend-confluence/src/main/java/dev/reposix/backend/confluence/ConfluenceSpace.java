package dev.reposix.backend.confluence;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A Confluence space as reposix needs it. Immutable.
 *
 * @since 0.1
 *
 * @param id the space id
 * @param key the space key, e.g. {@code ENG} or {@code ~jane}
 * @param name the display name
 * @param homepageId the homepage's page id, if the space has one
 */
public record ConfluenceSpace(String id, String key, String name, Optional<String> homepageId) {

    /**
     * Validates.
     *
     * @param id the id
     * @param key the key
     * @param name the name
     * @param homepageId the homepage
     */
    public ConfluenceSpace {
        requireNonNull(id, "id is null");
        requireNonNull(key, "key is null");
        requireNonNull(name, "name is null");
        requireNonNull(homepageId, "homepageId is null");
    }
}
