package dev.reposix.core.sync;

import static java.util.Objects.requireNonNull;

import dev.reposix.api.RecordId;
import dev.reposix.api.ReposixException;
import dev.reposix.core.layout.LinkRewriter;
import dev.reposix.core.layout.TreeConfig;
import dev.reposix.core.render.RecordFileCodec;
import dev.reposix.core.render.RenderErrorCode;
import dev.reposix.git.SyncState;
import dev.reposix.git.TreeReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;

/**
 * How the record files of a clone line up with the pages of the source of truth, matched by the
 * {@code id} in their frontmatter, and how far the mirror lags behind the source of truth.
 * Immutable and thread-safe.
 *
 * @param matched how many files belong to a current page
 * @param localNew files without an id: pages made in the clone, left alone (a push creates them)
 * @param orphans files whose page was deleted in the source of truth, or is no longer current there
 * @param mirrorLag how many pages the source of truth has created or changed that the mirror's
 *     {@code main} does not show yet
 * @since 0.1
 */
public record Reconciliation(int matched, List<String> localNew, List<Orphan> orphans, int mirrorLag) {

    /**
     * Validates.
     *
     * @param matched the matched count
     * @param localNew the files without id
     * @param orphans the files of deleted pages
     * @param mirrorLag the mirror's lag in pages
     */
    public Reconciliation {
        localNew = List.copyOf(localNew);
        orphans = List.copyOf(orphans);
        if (matched < 0 || mirrorLag < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /**
     * A file whose page is gone from the source of truth.
     *
     * @param path the file's path in the tree
     * @param id the page id its frontmatter names
     */
    public record Orphan(String path, String id) {

        /**
         * Validates.
         *
         * @param path the path
         * @param id the id
         */
        public Orphan {
            requireNonNull(path, "path is null");
            requireNonNull(id, "id is null");
        }
    }

    /**
     * The ids the record files of a commit claim: every {@code .md} file in the records folder,
     * parsed as the tree's layout writes it.
     *
     * @param trees a reader of the repository holding the commit
     * @param commit the commit
     * @param config the tree's {@code .reposix/config}
     * @return file path to the id in its frontmatter (empty for a file without one), sorted by path
     * @throws ReposixException {@link RenderErrorCode#DUPLICATE_FILE_ID} naming the files when two claim
     *     one id, or a render error naming a file whose frontmatter cannot be read
     */
    public static SortedMap<String, Optional<String>> recordIds(TreeReader trees, ObjectId commit, TreeConfig config) {
        String folder = config.recordsFolder().isEmpty() ? "" : config.recordsFolder() + "/";
        RecordFileCodec codec = RecordFileCodec.forLayout(config.toLayout());
        SortedMap<String, Optional<String>> ids = new TreeMap<>();
        trees.files(commit).forEach((path, blob) -> {
            if (path.startsWith(folder) && path.endsWith(".md") && !LinkRewriter.isInAssetsFolder(path)) {
                ids.put(path, codec.parse(path, trees.readBlob(blob)).id().map(RecordId::value));
            }
        });
        requireUniqueIds(ids);
        return ids;
    }

    /**
     * Lines files up with the pages.
     *
     * @param files file path to the id it claims, as {@link #recordIds} reads them
     * @param pages the sync state of the source of truth now
     * @param mirrored the sync state behind the mirror's {@code main}
     * @return the reconciliation
     */
    public static Reconciliation of(SortedMap<String, Optional<String>> files, SyncState pages, SyncState mirrored) {
        int matched = 0;
        List<String> localNew = new ArrayList<>();
        List<Orphan> orphans = new ArrayList<>();
        for (Map.Entry<String, Optional<String>> file : files.entrySet()) {
            if (file.getValue().isEmpty()) {
                localNew.add(file.getKey());
            } else if (pages.get(file.getValue().get()).isPresent()) {
                matched++;
            } else {
                orphans.add(new Orphan(file.getKey(), file.getValue().get()));
            }
        }
        int lag = (int) pages.records().entrySet().stream()
                .filter(page -> !mirrored.get(page.getKey()).equals(Optional.of(page.getValue()))).count();
        return new Reconciliation(matched, localNew, orphans, lag);
    }

    static void requireUniqueIds(SortedMap<String, Optional<String>> files) {
        SortedMap<String, List<String>> byId = new TreeMap<>();
        files.forEach((path, id) -> id.ifPresent(value -> byId.computeIfAbsent(value, key -> new ArrayList<>()).add(path)));
        List<String> clashes = byId.entrySet().stream().filter(claims -> claims.getValue().size() > 1)
                .map(claims -> String.join(" and ", claims.getValue()) + " (id " + claims.getKey() + ")").toList();
        if (!clashes.isEmpty()) {
            throw new ReposixException(RenderErrorCode.DUPLICATE_FILE_ID, "files claim the same page: "
                    + String.join("; ", clashes) + ". A page has one file: delete the copy, or remove its id line so"
                    + " that a push creates it as a new page, commit, and run the command again. Nothing was changed"
                    + " in the clone");
        }
    }
}
