package dev.reposix.core.layout;

import static java.util.Objects.requireNonNull;

import dev.reposix.api.RecordId;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The planned place of every record: a bijection between record ids and paths, with lookups both
 * ways. Paths are relative to the tree root and use {@code /}. Immutable and thread-safe.
 */
public final class LayoutPlan {

    /** The longest path, in UTF-16 characters, a plan ever contains (Windows counts these). */
    public static final int MAX_PATH_LENGTH = 200;

    /** The most UTF-8 bytes in one name (a file or directory), including {@code .assets}. */
    public static final int MAX_NAME_BYTES = 127;

    private final String recordsFolder;
    private final Map<RecordId, Placement> byId;
    private final Map<String, RecordId> byPath;
    private final Map<String, RecordId> byChildrenFolder;

    /**
     * Checks that no two placements share a path or a children folder, not even ignoring case.
     *
     * @param recordsFolder the records folder
     * @param placements one per record
     * @throws IllegalArgumentException if two placements clash
     */
    public LayoutPlan(String recordsFolder, List<Placement> placements) {
        this.recordsFolder = RecordsFolder.validate(recordsFolder);
        Map<RecordId, Placement> ids = new LinkedHashMap<>();
        Map<String, RecordId> paths = new HashMap<>();
        Map<String, RecordId> folders = new HashMap<>();
        Map<String, RecordId> folded = new HashMap<>();
        placements.stream().sorted(Comparator.comparing(Placement::path)).forEach(placement -> {
            requireNonNull(placement, "placement is null");
            RecordId id = placement.id();
            if (ids.put(id, placement) != null) {
                throw new IllegalArgumentException("record " + id + " is placed twice");
            }
            RecordId clash = folded.put(SafeNames.fold(placement.path()), id);
            if (clash != null || !placement.path().startsWith(recordsFolder + "/")) {
                throw new IllegalArgumentException("path " + placement.path() + " of record " + id
                        + " clashes with record " + clash + " or lies outside " + recordsFolder);
            }
            paths.put(placement.path(), id);
            placement.childrenFolder().ifPresent(folder -> {
                if (folders.put(folder, id) != null) {
                    throw new IllegalArgumentException("two records own the children folder " + folder);
                }
            });
        });
        this.byId = Collections.unmodifiableMap(ids);
        this.byPath = Map.copyOf(paths);
        this.byChildrenFolder = Map.copyOf(folders);
    }

    /**
     * The folder all records live under.
     *
     * @return e.g. {@code pages}
     */
    public String recordsFolder() {
        return recordsFolder;
    }

    /**
     * Every placement, ordered by path.
     *
     * @return the placements
     */
    public List<Placement> placements() {
        return List.copyOf(byId.values());
    }

    /**
     * Where a record lives.
     *
     * @param id the record
     * @return its placement, or empty if it is not in the manifest
     */
    public Optional<Placement> placement(RecordId id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * The file (documents) or directory (folders) of a record.
     *
     * @param id the record
     * @return the path, or empty if the record is not in the manifest
     */
    public Optional<String> pathOf(RecordId id) {
        return placement(id).map(Placement::path);
    }

    /**
     * The record at a path: a document's file or a folder's directory.
     *
     * @param path relative to the tree root, with {@code /}
     * @return the record, or empty if no record lives there
     */
    public Optional<RecordId> recordAt(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    /**
     * The record a new file created in a directory becomes a child of: the record whose children
     * live there (the homepage for the records folder itself, in the tree layout).
     *
     * @param directory relative to the tree root, with {@code /}
     * @return the parent, or empty if the directory belongs to no record
     */
    public Optional<RecordId> parentForNewFileIn(String directory) {
        return Optional.ofNullable(byChildrenFolder.get(directory));
    }

    /**
     * The number of records placed.
     *
     * @return the size
     */
    public int size() {
        return byId.size();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LayoutPlan plan && recordsFolder.equals(plan.recordsFolder) && byId.equals(plan.byId);
    }

    @Override
    public int hashCode() {
        return byId.hashCode();
    }

    @Override
    public String toString() {
        return "LayoutPlan[" + byId.size() + " records under " + recordsFolder + "]";
    }
}
