package dev.reposix.core.layout;

import dev.reposix.api.ManifestEntry;
import dev.reposix.api.RecordId;
import dev.reposix.api.RecordKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The default layout: the homepage is {@code <records folder>/README.md}, a page is
 * {@code <title>.md} and its children live in {@code <title>/} beside it, a folder is a plain
 * directory. Names follow {@link SafeNames}; see docs/reference/layout.md for every rule.
 *
 * <p>Records without a parent, whose parent is missing from the manifest (orphans) or whose parent
 * chain loops (broken at the smallest id) live directly in the records folder, beside the
 * homepage's children. Among siblings whose names are equal ignoring case, the smallest id keeps
 * the plain name and the others get {@code ~<id>} appended; a name too long for the path cap is
 * shortened and gets {@code ~<id>} too. When a record's own folder would be deeper than 140
 * characters its children move to {@code <records folder>/~deep/<title>~<id>/}, so that every path
 * stays within {@link LayoutPlan#MAX_PATH_LENGTH} however deep the tree.
 *
 * <p>Immutable and thread-safe.
 *
 * @param recordsFolder the records folder, see {@link RecordsFolder#validate(String)}
 */
public record TreeLayout(String recordsFolder) implements Layout {

    /** The homepage's file name. */
    public static final String HOMEPAGE_FILE = "README.md";

    /** The folder, inside the records folder, for the children of records nested too deep. */
    public static final String DEEP_FOLDER = "~deep";

    private static final String ASSETS_SUFFIX = ".assets";
    private static final int DEEP_THRESHOLD = 140;
    private static final int DEEP_NAME_MAX = 60;
    private static final int STEM_MAX_BYTES = LayoutPlan.MAX_NAME_BYTES - ASSETS_SUFFIX.length();

    /**
     * Validates.
     *
     * @param recordsFolder the records folder
     */
    public TreeLayout {
        RecordsFolder.validate(recordsFolder);
    }

    /**
     * The tree layout under {@code pages/}.
     *
     * @return the default layout
     */
    public static TreeLayout standard() {
        return new TreeLayout(RecordsFolder.DEFAULT);
    }

    @Override
    public LayoutKind kind() {
        return LayoutKind.TREE;
    }

    @Override
    public boolean parentInFrontmatter() {
        return false;
    }

    @Override
    public LayoutPlan plan(List<ManifestEntry> manifest, Optional<RecordId> homepage) {
        Map<RecordId, ManifestEntry> byId = IdOrder.index(manifest);
        Optional<RecordId> home = homepage.filter(id -> byId.containsKey(id)
                && byId.get(id).kind() == RecordKind.DOCUMENT);
        Map<Optional<RecordId>, List<ManifestEntry>> children = childrenByParent(byId, home);
        List<Placement> placements = new ArrayList<>(byId.size());
        home.ifPresent(id -> placements.add(new Placement(id, RecordKind.DOCUMENT,
                recordsFolder + "/" + HOMEPAGE_FILE, Optional.of(recordsFolder))));

        NameAllocator rootNames = new NameAllocator();
        rootNames.reserve(HOMEPAGE_FILE.substring(0, HOMEPAGE_FILE.length() - 3));
        rootNames.reserve(DEEP_FOLDER);
        NameAllocator deepNames = new NameAllocator();
        Deque<Directory> pending = new ArrayDeque<>();
        pending.add(new Directory(recordsFolder, rootNames, children.getOrDefault(Optional.empty(), List.of())));
        while (!pending.isEmpty()) {
            Directory directory = pending.removeFirst();
            Map<ManifestEntry, String> names = nameSiblings(directory);
            for (Map.Entry<ManifestEntry, String> named : names.entrySet()) {
                ManifestEntry entry = named.getKey();
                String ownFolder = directory.path() + "/" + named.getValue();
                String childrenFolder = ownFolder.length() <= DEEP_THRESHOLD ? ownFolder
                        : recordsFolder + "/" + DEEP_FOLDER + "/" + deepNames.claimWithId(
                                SafeNames.stemTokens(entry.title()), SafeNames.idToken(entry.id()),
                                DEEP_NAME_MAX, STEM_MAX_BYTES);
                String path = entry.kind() == RecordKind.DOCUMENT ? ownFolder + ".md" : ownFolder;
                placements.add(new Placement(entry.id(), entry.kind(), path, Optional.of(childrenFolder)));
                List<ManifestEntry> grandChildren = children.getOrDefault(Optional.of(entry.id()), List.of());
                if (!grandChildren.isEmpty()) {
                    pending.addLast(new Directory(childrenFolder, new NameAllocator(), grandChildren));
                }
            }
        }
        return new LayoutPlan(recordsFolder, placements);
    }

    /**
     * Names the records of one directory: first the plain names, the smallest id winning a clash,
     * then everyone else with an id suffix. Escaped titles contain no {@code ~}, so the two groups
     * never collide.
     */
    private static Map<ManifestEntry, String> nameSiblings(Directory directory) {
        int maxChars = LayoutPlan.MAX_PATH_LENGTH - directory.path().length() - 1 - ASSETS_SUFFIX.length();
        Map<ManifestEntry, String> names = new LinkedHashMap<>();
        List<ManifestEntry> suffixed = new ArrayList<>();
        for (ManifestEntry entry : directory.records()) {
            String stem = SafeNames.stem(entry.title());
            if (NameAllocator.fits(stem, maxChars, STEM_MAX_BYTES) && directory.names().tryClaim(stem)) {
                names.put(entry, stem);
            } else {
                suffixed.add(entry);
            }
        }
        for (ManifestEntry entry : suffixed) {
            names.put(entry, directory.names().claimWithId(SafeNames.stemTokens(entry.title()),
                    SafeNames.idToken(entry.id()), maxChars, STEM_MAX_BYTES));
        }
        return names;
    }

    /**
     * Groups records by effective parent (empty for the records folder), each group in id order.
     * The homepage's children, parentless records and orphans share the records folder.
     */
    private static Map<Optional<RecordId>, List<ManifestEntry>> childrenByParent(Map<RecordId, ManifestEntry> byId,
            Optional<RecordId> home) {
        Map<RecordId, RecordId> parents = new HashMap<>();
        for (ManifestEntry entry : byId.values()) {
            entry.parentId().filter(byId::containsKey).filter(parent -> home.filter(parent::equals).isEmpty())
                    .filter(parent -> home.filter(entry.id()::equals).isEmpty())
                    .ifPresent(parent -> parents.put(entry.id(), parent));
        }
        ParentCycles.breakCycles(byId.keySet(), parents);
        Map<Optional<RecordId>, List<ManifestEntry>> children = new HashMap<>();
        for (ManifestEntry entry : byId.values()) {
            if (home.filter(entry.id()::equals).isEmpty()) {
                children.computeIfAbsent(Optional.ofNullable(parents.get(entry.id())), key -> new ArrayList<>())
                        .add(entry);
            }
        }
        return children;
    }

    /** A directory waiting to have its records named. */
    private record Directory(String path, NameAllocator names, List<ManifestEntry> records) {
    }
}
