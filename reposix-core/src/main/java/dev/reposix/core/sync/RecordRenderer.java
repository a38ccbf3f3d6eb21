package dev.reposix.core.sync;

import dev.reposix.api.Record;
import dev.reposix.core.layout.Layout;
import dev.reposix.core.layout.LayoutPlan;
import dev.reposix.core.layout.LinkRewriter;
import dev.reposix.core.render.RecordFile;
import dev.reposix.core.render.RecordFileCodec;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns records into file bytes for one layout plan: frontmatter plus body, with neutral record
 * links rewritten to relative paths. Also re-targets the links of an already rendered file when
 * other files moved. Not thread-safe.
 */
final class RecordRenderer {

    private final Layout layout;
    private final RecordFileCodec codec;
    private final LinkRewriter links;

    RecordRenderer(Layout layout, LayoutPlan plan) {
        this.layout = layout;
        this.codec = RecordFileCodec.forLayout(layout);
        this.links = new LinkRewriter(plan);
    }

    /** The file for a record at its path. */
    byte[] render(Record record, String path) {
        RecordFile file = RecordFile.of(record, layout.parentInFrontmatter());
        return codec.renderBytes(file.withBody(links.toWorkingTree(file.body(), path)));
    }

    /**
     * The ids a record links to, as the sync state's {@code links} attribute: comma-separated,
     * sorted; empty when it links to no record.
     */
    static String linksOf(Record record) {
        return LinkRewriter.linkedRecords(record.body()).stream().map(id -> id.value())
                .collect(Collectors.joining(","));
    }

    /**
     * A hash of what a record's file says, independent of where files live: the neutral form, so a
     * move elsewhere in the tree does not count as a content change.
     */
    String contentHash(Record record) {
        byte[] neutral = codec.renderBytes(RecordFile.of(record, layout.parentInFrontmatter()));
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(neutral));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", impossible);
        }
    }

    /**
     * A file rendered for an older plan, re-rendered for this one: its links are read back to the
     * neutral form with the old plan's paths and written out with the new plan's, and its labels are
     * replaced when they changed.
     */
    byte[] rework(byte[] oldFile, String oldPath, LinkRewriter oldLinks, String newPath, Optional<Set<String>> labels) {
        RecordFile file = codec.parse(oldPath, oldFile);
        String neutral = oldLinks.toNeutral(file.body(), oldPath);
        RecordFile relabelled = labels.map(names -> new RecordFile(file.id(), file.title(), file.status(),
                List.copyOf(names), file.parent(), file.body())).orElse(file);
        return codec.renderBytes(relabelled.withBody(links.toWorkingTree(neutral, newPath)));
    }
}
