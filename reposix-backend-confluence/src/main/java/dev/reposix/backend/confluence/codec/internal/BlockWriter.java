package dev.reposix.backend.confluence.codec.internal;

import dev.reposix.backend.confluence.codec.PageDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes block-level storage (paragraphs, headings, lists, quotes, rules, tables, macros) as
 * Markdown blocks. Throws {@link NotRepresentable} for a shape it cannot write faithfully; the
 * {@link MarkdownWriter} then keeps the enclosing top-level block verbatim.
 *
 * <p>Immutable and thread-safe.
 */
final class BlockWriter {

    /** Attributes of a macro that its Markdown form need not keep: its name, and ids Confluence assigns. */
    static final Set<String> MACRO_IGNORED_ATTRIBUTES = Set.of("ac:name", "ac:schema-version", "ac:macro-id",
            "ac:local-id", "local-id");

    private static final Pattern ORDERED_DOT = Pattern.compile("\\d+\\. ");

    /** Panel macros and the GitHub alert each becomes; the mapping is one to one. */
    static final Map<String, String> PANEL_TO_ALERT = Map.of("info", "NOTE", "tip", "TIP", "note", "WARNING",
            "warning", "CAUTION");

    private final PageDirectory directory;
    private final WriteMode mode;

    BlockWriter(PageDirectory directory, WriteMode mode) {
        this.directory = directory;
        this.mode = mode;
    }

    /**
     * Writes the block children of a container.
     *
     * @param container the container
     * @return one Markdown block per child, without trailing newlines
     */
    List<String> blocks(Node container) {
        List<String> blocks = new ArrayList<>();
        String previousList = "";
        for (Node child : Dom.children(container)) {
            if (Dom.isText(child)) {
                throw new NotRepresentable("text outside a paragraph");
            }
            if (Dom.isElement(child)) {
                Element element = (Element) child;
                String listKind = listKind(element);
                blocks.add(block(element, alternate(blocks, listKind, previousList)));
                previousList = listKind;
            }
        }
        return blocks;
    }

    /**
     * Whether a list must use its second marker because the block before it is a list of the same
     * kind written with the first marker (two such lists in a row would merge into one).
     *
     * @param blocks the blocks written so far
     * @param listKind the kind of the list about to be written
     * @param previousList the kind of the block before it
     * @return true to alternate
     */
    static boolean alternate(List<String> blocks, String listKind, String previousList) {
        if (listKind.isEmpty() || !listKind.equals(previousList) || blocks.isEmpty()) {
            return false;
        }
        String previous = blocks.get(blocks.size() - 1);
        return previous.startsWith("-") || ORDERED_DOT.matcher(previous).lookingAt();
    }

    /**
     * The kind of list an element is, for {@link #alternate}.
     *
     * @param element a block element
     * @return "bullet", "ordered" or empty
     */
    static String listKind(Element element) {
        return switch (element.getTagName()) {
            case "ul", "ac:task-list" -> "bullet";
            case "ol" -> "ordered";
            default -> "";
        };
    }

    /**
     * Writes one block.
     *
     * @param element the block element
     * @param alternateMarker whether a list must use its second marker to stay apart from the list before it
     * @return the Markdown
     */
    String block(Element element, boolean alternateMarker) {
        String name = element.getTagName();
        boolean plain = element.attributeCount() == 0;
        switch (name) {
            case "p" -> {
                return attributesMarker(element) + paragraph(element);
            }
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                String text = inline(element, false);
                if (text.isEmpty() || text.contains("\n")) {
                    throw new NotRepresentable("empty or multi-line heading");
                }
                return "#".repeat(name.charAt(1) - '0') + " " + attributesMarker(element)
                        + MarkdownEscaper.protectHeadingEnd(text);
            }
            case "ul", "ol", "ac:task-list" -> {
                requirePlain(element, plain);
                return new ListWriter(this).list(element, alternateMarker);
            }
            case "blockquote" -> {
                requirePlain(element, plain);
                return prefixLines(String.join("\n\n", blocks(element)), "> ", ">");
            }
            case "hr" -> {
                requirePlain(element, plain);
                if (element.hasChildNodes()) {
                    throw new NotRepresentable("hr with content");
                }
                return "---";
            }
            case "table" -> {
                return new TableWriter(this).table(element);
            }
            case "ac:structured-macro" -> {
                return new MacroWriter(this).macro(element);
            }
            default -> {
                return verbatim(element);
            }
        }
    }

    /** The attributes of a paragraph or heading as a marker at its start, or nothing when it has none. */
    private static String attributesMarker(Element element) {
        if (element.attributeCount() == 0) {
            return "";
        }
        String start = new StorageSerializer(StorageSerializer.Style.ONE_LINE).startTag(element);
        String attributes = start.substring(element.getTagName().length() + 2, start.length() - 1);
        return Markers.ATTRIBUTES + attributes + Markers.END;
    }

    private static void requirePlain(Element element, boolean plain) {
        if (!plain) {
            throw new NotRepresentable(element.getTagName() + " with attributes");
        }
    }

    String paragraph(Element element) {
        String text = inline(element, false);
        if (text.isEmpty()) {
            throw new NotRepresentable("empty paragraph");
        }
        return text;
    }

    String inline(Node parent, boolean inTable) {
        return new InlineWriter(directory, mode, inTable).write(parent);
    }

    /**
     * A verbatim block: a fenced {@code confluence-storage} block holding the element's storage.
     *
     * @param node the node to keep
     * @return the fenced block
     */
    static String verbatim(Node node) {
        String storage = new StorageSerializer(StorageSerializer.Style.STORAGE).write(node);
        return fence(Markers.FENCE_INFO, storage);
    }

    /**
     * A fenced block whose fence is longer than any backtick run in the content.
     *
     * @param info the info string
     * @param content the content, without trailing newline
     * @return the block
     */
    static String fence(String info, String content) {
        int longest = 0;
        int run = 0;
        for (char character : content.toCharArray()) {
            run = character == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        return fence + info + "\n" + (content.isEmpty() ? "" : content + "\n") + fence;
    }

    /**
     * Prefixes every line, using a shorter prefix on blank lines so no line ends in a space.
     *
     * @param text the text
     * @param prefix the prefix of non-blank lines
     * @param blankPrefix the prefix of blank lines
     * @return the prefixed text
     */
    static String prefixLines(String text, String prefix, String blankPrefix) {
        StringBuilder out = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int index = 0; index < lines.length; index++) {
            out.append(index == 0 ? "" : "\n").append(lines[index].isEmpty() ? blankPrefix : prefix + lines[index]);
        }
        return out.toString();
    }
}
