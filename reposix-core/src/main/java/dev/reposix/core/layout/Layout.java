package dev.reposix.core.layout;

import dev.reposix.api.ManifestEntry;
import dev.reposix.api.RecordId;
import java.util.List;
import java.util.Optional;

/**
 * Maps the records of a manifest to paths in the working tree: a pure function, so that every
 * machine renders the same manifest to the same tree. Implementations are immutable and
 * thread-safe.
 */
public interface Layout {

    /**
     * Which layout this is.
     *
     * @return the kind
     */
    LayoutKind kind();

    /**
     * The folder all records live under, e.g. {@code pages}.
     *
     * @return the records folder, relative to the tree root
     */
    String recordsFolder();

    /**
     * Whether record files carry their parent in the frontmatter ({@code parent:}), because the
     * path does not say it.
     *
     * @return true for the flat layout
     */
    boolean parentInFrontmatter();

    /**
     * Plans the path of every record.
     *
     * @param manifest every record of the project, in any order
     * @param homepage the project's home record, if it has one; ignored unless it is a document in
     *     the manifest
     * @return the bijective map between records and paths
     * @throws dev.reposix.api.ReposixException if the manifest lists an id twice
     */
    LayoutPlan plan(List<ManifestEntry> manifest, Optional<RecordId> homepage);

    /**
     * The layout of a kind.
     *
     * @param kind tree or flat
     * @param recordsFolder the records folder, see {@link RecordsFolder#validate(String)}
     * @return the layout
     */
    static Layout of(LayoutKind kind, String recordsFolder) {
        return kind == LayoutKind.TREE ? new TreeLayout(recordsFolder) : new FlatLayout(recordsFolder);
    }
}
