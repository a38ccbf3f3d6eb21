package dev.reposix.core.sync;

import dev.reposix.api.Record;
import dev.reposix.api.RecordId;
import dev.reposix.core.layout.Layout;
import dev.reposix.core.layout.LayoutPlan;
import dev.reposix.core.layout.LinkRewriter;
import dev.reposix.core.render.RecordFile;
import dev.reposix.core.render.RecordFileCodec;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Turns records into file bytes for one layout plan: frontmatter plus body, with neutral record
 * links rewritten to relative paths. Also re-targets the links of an already rendered file when
 * other files moved, and hashes what a file says for the sync state. Used by syncs and pushes.
 * Thread-safe: a sync renders the records it fetched on several threads while others still arrive
 * ({@link #renderAhead}).
 *
 * @since 0.1
 */
public final class RecordRenderer {

    /** The state attribute listing the ids a record links to, so a rename re-links only the pages that need it. */
    public static final String LINKS = "links";

    private final Layout layout;
    private final RecordFileCodec codec;
    private final LinkRewriter links;
    private final Map<RecordId, Rendered> ahead = new ConcurrentHashMap<>();

    /**
     * A record rendered ahead: its file at a path (until taken by {@link #render}), its content hash
     * and the records it links to ({@link #linksOf(Record)}), all found on the rendering thread.
     */
    private record Rendered(Record record, String path, Optional<byte[]> file, String contentHash, String links) {
    }

    /**
     * A renderer for one plan.
     *
     * @param layout the tree's layout
     * @param plan where every record lives
     */
    public RecordRenderer(Layout layout, LayoutPlan plan) {
        this.layout = layout;
        this.codec = RecordFileCodec.forLayout(layout);
        this.links = new LinkRewriter(plan);
    }

    /**
     * A renderer only for {@link #contentHash(RecordFile)}: hashes are of the neutral form, so no
     * record needs a place.
     *
     * @param layout the tree's layout
     * @return the renderer
     */
    public static RecordRenderer forHashing(Layout layout) {
        return new RecordRenderer(layout, new LayoutPlan(layout.recordsFolder(), List.of()));
    }

    /**
     * The file for a record at its path.
     *
     * @param record the record, body in the neutral link form
     * @param path where the file goes
     * @return the file's bytes
     */
    public byte[] render(Record record, String path) {
        return render(record, path, Map.of());
    }

    /**
     * The file for a record at its path, linking its attachments that are not in the tree to the
     * source of truth.
     *
     * @param record the record, body in the neutral link form
     * @param path where the file goes
     * @param remoteFiles absolute links by file name of the record's attachments not in the tree
     * @return the file's bytes
     */
    public byte[] render(Record record, String path, Map<String, String> remoteFiles) {
        Rendered rendered = ahead.get(record.id());
        if (rendered != null && rendered.record() == record && rendered.file().isPresent()) {
            ahead.put(record.id(), new Rendered(record, rendered.path(), Optional.empty(), rendered.contentHash(),
                    rendered.links()));
            if (remoteFiles.isEmpty() && rendered.path().equals(path)) {
                return rendered.file().get();
            }
        }
        return renderAt(neutralFileOf(record), Optional.empty(), path, remoteFiles);
    }

    /** The neutral file of a record: what {@link #contentHash(Record)} hashes. */
    private RecordFile neutralFileOf(Record record) {
        return RecordFile.of(record, layout.parentInFrontmatter());
    }

    /** The file at a path; a body without links to rewrite reuses the neutral file's bytes if given. */
    private byte[] renderAt(RecordFile neutral, Optional<byte[]> neutralBytes, String path,
            Map<String, String> remoteFiles) {
        String body = links.toWorkingTree(neutral.body(), path, remoteFiles);
        if (neutralBytes.isPresent() && body.equals(neutral.body())) {
            return neutralBytes.get();
        }
        return codec.renderBytes(neutral.withBody(body));
    }

    /**
     * The ids a record links to, as the sync state's {@code links} attribute: comma-separated,
     * sorted; empty when it links to no record. Found when the record was rendered ahead, if it was.
     */
    String linksOf(Record record) {
        Rendered rendered = ahead.get(record.id());
        if (rendered != null && rendered.record() == record) {
            return rendered.links();
        }
        return linksOf(record.body());
    }

    /**
     * The ids a neutral Markdown body links to, as the sync state's {@code links} attribute.
     *
     * @param neutralBody the body, links in the neutral form
     * @return the ids, comma-separated and sorted
     */
    public static String linksOf(String neutralBody) {
        return LinkRewriter.linkedRecords(neutralBody).stream().map(id -> id.value())
                .collect(Collectors.joining(","));
    }

    /**
     * A hash of what a record's file says, independent of where files live: the neutral form, so a
     * move elsewhere in the tree does not count as a content change.
     */
    String contentHash(Record record) {
        Rendered rendered = ahead.get(record.id());
        if (rendered != null && rendered.record() == record) {
            return rendered.contentHash();
        }
        return contentHash(neutralFileOf(record));
    }

    /**
     * The {@linkplain #contentHash(Record) content hash} of a file whose body is in the neutral form.
     *
     * @param neutral the file, links neutral, parent set only where the layout writes it
     * @return the hash
     */
    public String contentHash(RecordFile neutral) {
        return hash(codec.renderBytes(neutral));
    }

    /**
     * Renders a record's file and content hash in one go, and finds the records it links to, to be
     * served by {@link #render}, {@link #contentHash(Record)} and {@link #linksOf(Record)} for the
     * same record object: a body without record links is the same in both forms, so it is rendered
     * once, and the sync state that needs the hashes and links is built after the last body. A
     * record that cannot be rendered is left to fail later where {@link #render} is called, as if it
     * had not been rendered ahead.
     *
     * @return the file, the very array {@link #render} will return for it unless its attachments
     *     change it; empty if the record cannot be rendered
     */
    Optional<byte[]> renderAhead(Record record, String path) {
        try {
            RecordFile neutral = neutralFileOf(record);
            byte[] neutralBytes = codec.renderBytes(neutral);
            byte[] file = renderAt(neutral, Optional.of(neutralBytes), path, Map.of());
            ahead.put(record.id(), new Rendered(record, path, Optional.of(file), hash(neutralBytes),
                    linksOf(record.body())));
            return Optional.of(file);
        } catch (RuntimeException unrenderable) {
            ahead.remove(record.id());
            return Optional.empty();
        }
    }

    private static String hash(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
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
        return rework(oldFile, oldPath, oldLinks, newPath, labels, Map.of(), Map.of());
    }

    /**
     * {@link #rework(byte[], String, LinkRewriter, String, Optional)} for a record some of whose
     * attachments are linked in the source of truth, before and after.
     */
    byte[] rework(byte[] oldFile, String oldPath, LinkRewriter oldLinks, String newPath, Optional<Set<String>> labels,
            Map<String, String> oldRemoteFiles, Map<String, String> newRemoteFiles) {
        RecordFile file = codec.parse(oldPath, oldFile);
        String neutral = oldLinks.toNeutral(file.body(), oldPath, oldRemoteFiles);
        RecordFile relabelled = labels.map(names -> new RecordFile(file.id(), file.title(), file.status(),
                List.copyOf(names), file.parent(), file.body())).orElse(file);
        return codec.renderBytes(relabelled.withBody(links.toWorkingTree(neutral, newPath, newRemoteFiles)));
    }
}
