package dev.reposix.simulator.internal.store;

import java.time.Instant;
import java.util.Comparator;

/**
 * The {@code sort} values of the v2 page lists. Every order ends with the page id, so the order
 * is total and a keyset cursor is exact. Immutable, thread-safe.
 */
public enum PageSort {
    ID("id"), ID_DESC("-id"), TITLE("title"), TITLE_DESC("-title"),
    CREATED("created-date"), CREATED_DESC("-created-date"),
    MODIFIED("modified-date"), MODIFIED_DESC("-modified-date");

    private final String parameter;

    PageSort(String parameter) {
        this.parameter = parameter;
    }

    /** The query parameter value. */
    public String parameter() {
        return parameter;
    }

    /** Parses a query parameter value; 400 for an unknown one. */
    public static PageSort parse(String value) {
        for (PageSort sort : values()) {
            if (sort.parameter.equals(value)) {
                return sort;
            }
        }
        throw ApiFailure.badRequest("Unsupported sort value: " + value);
    }

    private boolean descending() {
        return parameter.startsWith("-");
    }

    /** The total order of this sort. */
    public Comparator<StoredPage> comparator() {
        Comparator<StoredPage> ascending = (left, right) -> {
            int primary = comparePrimary(sortKey(left), sortKey(right));
            return primary != 0 ? primary : Long.compare(left.id(), right.id());
        };
        return descending() ? ascending.reversed() : ascending;
    }

    /** The primary sort key of a page as text, stored in keyset cursors. */
    public String sortKey(StoredPage page) {
        return switch (this) {
            case ID, ID_DESC -> Long.toString(page.id());
            case TITLE, TITLE_DESC -> page.title();
            case CREATED, CREATED_DESC -> nanos(page.createdAt());
            case MODIFIED, MODIFIED_DESC -> nanos(page.version().createdAt());
        };
    }

    /** Whether {@code page} comes after the item a keyset cursor points at. */
    public boolean isAfter(StoredPage page, String cursorKey, long cursorId) {
        int primary = comparePrimary(sortKey(page), cursorKey);
        int order = primary != 0 ? primary : Long.compare(page.id(), cursorId);
        return descending() ? order < 0 : order > 0;
    }

    private int comparePrimary(String left, String right) {
        return switch (this) {
            case TITLE, TITLE_DESC -> left.compareTo(right);
            default -> Long.compare(Long.parseLong(left), Long.parseLong(right));
        };
    }

    private static String nanos(Instant instant) {
        return Long.toString(instant.getEpochSecond() * 1_000_000_000L + instant.getNano());
    }
}
