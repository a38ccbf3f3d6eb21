package dev.reposix.backend.confluence.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reposix.api.Author;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Display names for account ids, looked up in bulk ({@code POST /users-bulk}) and cached for the
 * life of one opened space, because v2 page answers carry only {@code authorId}. Thread-safe.
 */
final class UserDirectory {

    private static final int BATCH = 100;

    private final ConfluenceHttp http;
    private final Map<String, Author> known = new ConcurrentHashMap<>();

    UserDirectory(ConfluenceHttp http) {
        this.http = http;
    }

    /** Looks up every account id not yet known, in batches. */
    void resolve(Collection<String> accountIds) {
        List<String> unknown = accountIds.stream().distinct().filter(id -> !known.containsKey(id)).toList();
        for (int start = 0; start < unknown.size(); start += BATCH) {
            List<String> batch = unknown.subList(start, Math.min(unknown.size(), start + BATCH));
            ObjectNode request = ConfluenceHttp.object();
            ArrayNode ids = request.putArray("accountIds");
            batch.forEach(ids::add);
            JsonNode answer = http.repeatableWrite("POST", "/wiki/api/v2/users-bulk", request, "looking up page authors");
            for (JsonNode user : answer.path("results")) {
                String accountId = user.path("accountId").asText("");
                if (!accountId.isEmpty()) {
                    known.put(accountId, new Author(accountId, text(user, "displayName").or(() -> text(user, "publicName")),
                            text(user, "email")));
                }
            }
            batch.forEach(id -> known.putIfAbsent(id, Author.ofAccount(id)));
        }
    }

    /** The author for an account id: with a display name when resolved, else the bare id. */
    Author author(String accountId) {
        return known.getOrDefault(accountId, Author.ofAccount(accountId));
    }

    private static Optional<String> text(JsonNode user, String field) {
        String value = user.path(field).asText("");
        return value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
