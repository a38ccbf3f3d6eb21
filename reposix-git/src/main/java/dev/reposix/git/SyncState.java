package dev.reposix.git;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The state of the source of truth behind one sync commit: record id → {@link RecordState}, sorted
 * by id. Stored in git by {@link SyncStateStore}. Immutable and thread-safe.
 *
 * @param records the records by id; ids are non-empty
 * @since 0.1
 */
public record SyncState(SortedMap<String, RecordState> records) {

    private static final SyncState EMPTY = new SyncState(new TreeMap<>());

    /**
     * Validates and copies.
     *
     * @param records the records
     */
    public SyncState {
        records = Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(records, "records is null")));
        records.forEach((id, state) -> {
            if (id.isEmpty()) {
                throw new IllegalArgumentException("record ids must not be empty");
            }
            requireNonNull(state, "state of " + id + " is null");
        });
    }

    /**
     * The state without records (before the first sync).
     *
     * @return the empty state
     */
    public static SyncState empty() {
        return EMPTY;
    }

    /**
     * One record's state.
     *
     * @param id the record id
     * @return its state, if the record is known
     */
    public Optional<RecordState> get(String id) {
        return Optional.ofNullable(records.get(id));
    }

    /**
     * A copy with one record added or replaced.
     *
     * @param id the record id
     * @param state its state
     * @return the new state
     */
    public SyncState with(String id, RecordState state) {
        SortedMap<String, RecordState> copy = new TreeMap<>(records);
        copy.put(requireNonNull(id, "id is null"), requireNonNull(state, "state is null"));
        return new SyncState(copy);
    }

    /**
     * A copy without one record.
     *
     * @param id the record id
     * @return the new state
     */
    public SyncState without(String id) {
        SortedMap<String, RecordState> copy = new TreeMap<>(records);
        copy.remove(id);
        return new SyncState(copy);
    }

    /**
     * The number of records.
     *
     * @return the count
     */
    public int size() {
        return records.size();
    }
}
