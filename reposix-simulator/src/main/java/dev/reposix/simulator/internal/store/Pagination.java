package dev.reposix.simulator.internal.store;

import dev.reposix.simulator.CursorMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Cuts a sorted list into cursor pages. Keyset cursors name the last item served
 * ({@code k|sort|key|id}); offset cursors ({@code o|sort|offset}) exist to simulate servers whose
 * pages shift under concurrent writes. Both are base64url so clients treat them as opaque.
 * Stateless, thread-safe.
 */
public final class Pagination {
    private Pagination() {
    }

    /** The page of {@code sorted} (already ordered by {@code sort}) that {@code cursor} asks for. */
    public static <T> PageSlice<T> slice(List<T> sorted, KeysetOrder<T> sort, Optional<String> cursor,
                                         int limit, CursorMode mode) {
        int start = 0;
        if (cursor.isPresent()) {
            String[] parts = decode(cursor.get());
            if (!sort.parameter().equals(parts[1])) {
                throw ApiFailure.badRequest("The cursor belongs to another sort order");
            }
            start = "o".equals(parts[0]) ? offset(parts[2]) : firstAfter(sorted, sort, parts);
        }
        int end = Math.min(sorted.size(), start + limit);
        List<T> items = start >= end ? List.of() : new ArrayList<>(sorted.subList(start, end));
        if (end >= sorted.size()) {
            return new PageSlice<>(items, Optional.empty());
        }
        T last = items.get(items.size() - 1);
        String next = mode == CursorMode.UNSTABLE_OFFSET
            ? encode("o|" + sort.parameter() + "|" + end)
            : encode("k|" + sort.parameter() + "|" + sort.sortKey(last) + "|" + sort.id(last));
        return new PageSlice<>(items, Optional.of(next));
    }

    /** Offset-only pagination for small lists that never change mid-iteration in tests. */
    public static <T> PageSlice<T> sliceByOffset(List<T> all, Optional<String> cursor, int limit) {
        int start = cursor.map(value -> offset(decode(value)[2])).orElse(0);
        int end = Math.min(all.size(), start + limit);
        List<T> items = start >= end ? List.of() : new ArrayList<>(all.subList(start, end));
        Optional<String> next = end < all.size() ? Optional.of(encode("o|list|" + end)) : Optional.empty();
        return new PageSlice<>(items, next);
    }

    private static <T> int firstAfter(List<T> sorted, KeysetOrder<T> sort, String[] parts) {
        // The title key may itself contain '|', so the id is the last field and the key the middle.
        String key = String.join("|", Arrays.copyOfRange(parts, 2, parts.length - 1));
        long id = number(parts[parts.length - 1]);
        int low = 0;
        int high = sorted.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sort.isAfter(sorted.get(middle), key, id)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    private static int offset(String text) {
        return (int) Math.min(Integer.MAX_VALUE, number(text));
    }

    private static long number(String text) {
        try {
            return Math.max(0L, Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw ApiFailure.badRequest("Invalid cursor");
        }
    }

    private static String encode(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", -1);
            if (parts.length < 3 || !("k".equals(parts[0]) || "o".equals(parts[0]))) {
                throw ApiFailure.badRequest("Invalid cursor");
            }
            return parts;
        } catch (IllegalArgumentException e) {
            throw ApiFailure.badRequest("Invalid cursor");
        }
    }
}
