package dev.reposix.simulator.internal.store;

import java.time.Instant;
import java.util.Comparator;

/**
 * A {@code sort} value of a v2 list as a total order for keyset cursors: a primary key, kept as
 * text in the cursor, then the numeric id, so a cursor names exactly the last item served. A
 * {@code -} prefix on the parameter sorts descending. Implementations are immutable and
 * thread-safe.
 *
 * @param <T> the listed items
 */
public interface KeysetOrder<T> {

    /** The query parameter value, e.g. {@code -created-date}. */
    String parameter();

    /** The primary sort key of an item as text, stored in keyset cursors. */
    String sortKey(T item);

    /** The item's numeric id, the tie-breaker. */
    long id(T item);

    /** Whether primary keys compare as numbers (else as text). */
    default boolean numericKey() {
        return true;
    }

    /** The total order. */
    default Comparator<T> comparator() {
        Comparator<T> ascending = (left, right) -> {
            int primary = comparePrimary(sortKey(left), sortKey(right));
            return primary != 0 ? primary : Long.compare(id(left), id(right));
        };
        return parameter().startsWith("-") ? ascending.reversed() : ascending;
    }

    /** Whether {@code item} comes after the item a keyset cursor points at. */
    default boolean isAfter(T item, String cursorKey, long cursorId) {
        int primary = comparePrimary(sortKey(item), cursorKey);
        int order = primary != 0 ? primary : Long.compare(id(item), cursorId);
        return parameter().startsWith("-") ? order < 0 : order > 0;
    }

    private int comparePrimary(String left, String right) {
        return numericKey() ? Long.compare(Long.parseLong(left), Long.parseLong(right)) : left.compareTo(right);
    }

    /** An instant as a numeric sort key: nanoseconds since the epoch. */
    static String instantKey(Instant instant) {
        return Long.toString(instant.getEpochSecond() * 1_000_000_000L + instant.getNano());
    }
}
