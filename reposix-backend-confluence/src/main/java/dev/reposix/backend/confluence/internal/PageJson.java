package dev.reposix.backend.confluence.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reposix.api.Author;
import dev.reposix.api.ManifestEntry;
import dev.reposix.api.RecordId;
import dev.reposix.api.RecordKind;
import dev.reposix.api.RecordStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads the fields reposix needs from a v2 page or folder object. Stateless.
 */
final class PageJson {

    private PageJson() {
    }

    /** The manifest entry of a page or folder object, or empty for a status reposix does not map. */
    static Optional<ManifestEntry> entry(JsonNode item, RecordKind kind, UserDirectory users) {
        String authorId = authorId(item);
        return entry(item, kind, authorId.isEmpty() ? Optional.empty() : Optional.of(users.author(authorId)));
    }

    /** The manifest entry of a page or folder object with this author, or empty for a status reposix does not map. */
    static Optional<ManifestEntry> entry(JsonNode item, RecordKind kind, Optional<Author> author) {
        Optional<RecordStatus> status = PageStatus.toRecordStatus(item.path("status").asText("current"));
        if (status.isEmpty()) {
            return Optional.empty();
        }
        JsonNode version = item.path("version");
        return Optional.of(new ManifestEntry(RecordId.of(requiredText(item, "id")), kind, requiredText(item, "title"),
                parent(item), Math.max(1, version.path("number").asLong(1)), status.get(),
                time(version.path("createdAt").asText(item.path("createdAt").asText(""))), author));
    }

    /** The account id of whoever made the current version, or an empty string when the object names none. */
    static String authorId(JsonNode item) {
        return item.path("version").path("authorId").asText(item.path("authorId").asText(""));
    }

    /** The parent id, page or folder alike. */
    static Optional<RecordId> parent(JsonNode item) {
        String parentId = item.path("parentId").asText("");
        return parentId.isEmpty() ? Optional.empty() : Optional.of(RecordId.of(parentId));
    }

    /** Whether the parent is a Confluence folder rather than a page. */
    static boolean parentIsFolder(JsonNode item) {
        return "folder".equals(item.path("parentType").asText(""));
    }

    /** The storage body, or empty when the answer carries none. */
    static Optional<String> storage(JsonNode item) {
        JsonNode value = item.path("body").path("storage").path("value");
        return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    static String requiredText(JsonNode item, String field) {
        JsonNode value = item.path(field);
        if (!value.isTextual() && !value.isNumber() || value.asText().isEmpty()) {
            throw new IllegalArgumentException("a page in Confluence's answer has no '" + field + "'");
        }
        return value.asText();
    }

    private static Instant time(String text) {
        try {
            return text.isEmpty() ? Instant.EPOCH : Instant.parse(text);
        } catch (DateTimeParseException unreadable) {
            return Instant.EPOCH;
        }
    }
}
