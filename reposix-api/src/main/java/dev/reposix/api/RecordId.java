package dev.reposix.api;

import static java.util.Objects.requireNonNull;

/**
 * The stable identifier of a record in its source of truth (a Confluence page id, an issue key).
 * It survives renames and moves; reposix writes it into the frontmatter as {@code id}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the backend's identifier: non-blank, no whitespace or control characters
 * @since 0.1
 */
public record RecordId(String value) {

    /**
     * Validates the identifier.
     *
     * @param value the backend's identifier
     */
    public RecordId {
        requireNonNull(value, "value is null");
        if (value.isEmpty() || value.length() > 255) {
            throw new IllegalArgumentException("record id must be 1..255 characters: '" + value + "'");
        }
        for (int index = 0; index < value.length(); index++) {
            char character = value.charAt(index);
            if (Character.isWhitespace(character) || Character.isISOControl(character)) {
                throw new IllegalArgumentException("record id must not contain whitespace: '" + value + "'");
            }
        }
    }

    /**
     * Shorthand for the constructor.
     *
     * @param value the backend's identifier
     * @return the id
     */
    public static RecordId of(String value) {
        return new RecordId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
