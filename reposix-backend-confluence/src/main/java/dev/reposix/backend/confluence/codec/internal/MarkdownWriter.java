package dev.reposix.backend.confluence.codec.internal;

import dev.reposix.api.ReposixException;
import dev.reposix.backend.confluence.codec.PageDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converts a normalized storage body to Markdown, one top-level block at a time, and proves each
 * block before keeping it: the block's Markdown must convert back to storage that is canonically
 * equal to the block and must be written again as the same Markdown. A block that fails in the
 * pretty mode is tried in the safe mode (inline HTML for emphasis), then kept verbatim in a
 * {@code confluence-storage} fence. Layouts and macros with a rich-text body are unwrapped: their
 * start and end tags become {@code <!--confluence-block ...-->} lines and their content is converted
 * block by block, so it stays editable.
 *
 * <p>Immutable and thread-safe.
 */
public final class MarkdownWriter {

    private static final Logger LOG = LoggerFactory.getLogger(MarkdownWriter.class);
    private static final Set<String> LAYOUT = Set.of("ac:layout", "ac:layout-section", "ac:layout-cell");

    private final PageDirectory directory;
    private final MarkdownReader reader;

    /**
     * Creates a writer.
     *
     * @param directory resolves page links
     * @param reader the inverse, used to prove each block
     */
    public MarkdownWriter(PageDirectory directory, MarkdownReader reader) {
        this.directory = directory;
        this.reader = reader;
    }

    /**
     * Writes a normalized body.
     *
     * @param root the root from {@link StorageParser}, normalized by {@link StorageNormalizer}
     * @return the Markdown, ending with a newline unless empty
     */
    public String write(Element root) {
        List<Part> parts = new ArrayList<>();
        segments(root, parts);
        StringBuilder out = new StringBuilder();
        StringBuilder fragments = new StringBuilder();
        for (Part part : parts) {
            if (part.fragment()) {
                fragments.append(part.text());
                continue;
            }
            flush(fragments, out);
            separate(out).append(part.text());
        }
        flush(fragments, out);
        return out.length() == 0 ? "" : out.append('\n').toString();
    }

    private static void flush(StringBuilder fragments, StringBuilder out) {
        if (fragments.length() > 0) {
            separate(out).append(Markers.BLOCK).append(fragments).append(Markers.END);
            fragments.setLength(0);
        }
    }

    private static StringBuilder separate(StringBuilder out) {
        return out.length() == 0 ? out : out.append("\n\n");
    }

    private void segments(Node container, List<Part> parts) {
        StorageSerializer serializer = new StorageSerializer(StorageSerializer.Style.ONE_LINE);
        for (Node child : Dom.children(container)) {
            if (!Dom.isElement(child)) {
                if (Dom.isText(child) && !child.getNodeValue().isBlank()) {
                    parts.add(new Part(false, BlockWriter.verbatim(child), ""));
                }
                continue;
            }
            Element element = (Element) child;
            if (LAYOUT.contains(element.getTagName())) {
                parts.add(new Part(true, serializer.startTag(element), ""));
                segments(element, parts);
                parts.add(new Part(true, StorageSerializer.endTag(element), ""));
                continue;
            }
            boolean macro = Dom.is(element, "ac:structured-macro");
            List<String> details = macro ? MacroWriter.detailsLines(element) : null;
            if (details != null) {
                parts.add(new Part(false, details.get(0), ""));
                segments(Dom.child(element, "ac:rich-text-body"), parts);
                parts.add(new Part(false, details.get(1), ""));
                continue;
            }
            List<String> wrapper = macro ? MacroWriter.wrapperFragments(element) : null;
            boolean panel = BlockWriter.PANEL_TO_ALERT.containsKey(element.getAttribute("ac:name"));
            // a panel that has a proven alert form keeps it; proving is costly, so it is done once
            String proven = wrapper == null || panel ? proven(element, parts) : null;
            if (wrapper != null && proven == null) {
                parts.add(new Part(true, wrapper.get(0), ""));
                segments(Dom.child(element, "ac:rich-text-body"), parts);
                parts.add(new Part(true, wrapper.get(1), ""));
                continue;
            }
            if (proven == null) {
                LOG.debug("kept a <{}> block verbatim: no Markdown form of it survives the round trip",
                        element.getTagName());
            }
            parts.add(new Part(false, proven == null ? BlockWriter.verbatim(element) : proven,
                    BlockWriter.listKind(element)));
        }
    }

    /** The Markdown of a block in the first mode that survives the round trip, or null. */
    private String proven(Element element, List<Part> before) {
        Part previous = before.isEmpty() ? null : before.get(before.size() - 1);
        boolean alternate = previous != null && !previous.fragment()
                && BlockWriter.alternate(List.of(previous.text()), BlockWriter.listKind(element), previous.listKind());
        // computed once, on the first full proof, because each mode would otherwise repeat it
        String canonical = null;
        for (WriteMode mode : WriteMode.values()) {
            try {
                String markdown = new BlockWriter(directory, mode).block(element, alternate);
                if (PlainBlockProof.survives(element, markdown, mode, alternate)) {
                    return markdown;
                }
                if (canonical == null) {
                    canonical = Canonical.of(element);
                }
                if (survivesRoundTrip(element, canonical, markdown, mode, alternate)) {
                    return markdown;
                }
            } catch (NotRepresentable notInThisMode) {
                // try the next mode
            }
        }
        return null;
    }

    /**
     * The full proof: the block's Markdown converts back to storage that is canonically equal to
     * the block and is written again as the same Markdown.
     *
     * @param element the normalized block
     * @param canonical {@link Canonical#of} the block
     * @param markdown the Markdown written in {@code mode}
     * @param mode the write mode
     * @param alternate whether a list used its second marker
     * @return true if the block survives
     */
    boolean survivesRoundTrip(Element element, String canonical, String markdown, WriteMode mode, boolean alternate) {
        try {
            Element root = StorageParser.parse(reader.toStorage(markdown));
            StorageNormalizer.normalize(root);
            List<Element> elements = Dom.elements(root);
            if (elements.size() != 1 || Dom.hasText(root) || !Canonical.of(elements.get(0)).equals(canonical)) {
                return false;
            }
            return markdown.equals(new BlockWriter(directory, mode).block(elements.get(0), alternate));
        } catch (ReposixException | NotRepresentable notFaithful) {
            return false;
        }
    }

    /** A block of Markdown, or a storage fragment to be merged into a block marker line. */
    private record Part(boolean fragment, String text, String listKind) {
    }
}
