package dev.reposix.backend.confluence.codec.internal;

/**
 * Writes storage tree nodes back as storage XHTML. Empty elements are written {@code <x />} as
 * Confluence does, attributes in name order (the order the tree keeps); a non-breaking space is
 * written {@code &nbsp;} so that it stays visible to a person reading the Markdown.
 *
 * <p>Immutable and thread-safe.
 */
public final class StorageSerializer {

    /** How to write. */
    public enum Style {
        /** Plain storage: plain-text bodies as CDATA, line breaks kept. */
        STORAGE,
        /**
         * One line that is safe inside a Markdown HTML comment or table cell: line breaks as
         * {@code &#10;}, no two hyphens in a row, no pipe, no CDATA.
         */
        ONE_LINE,
        /** Canonical: text always escaped. */
        CANONICAL
    }

    private final Style style;

    /**
     * Creates a serializer.
     *
     * @param style how to write
     */
    public StorageSerializer(Style style) {
        this.style = style;
    }

    /**
     * Writes a node and its descendants.
     *
     * @param node an element or text node
     * @return the storage text
     */
    public String write(Node node) {
        StringBuilder out = new StringBuilder();
        append(out, node, false);
        return out.toString();
    }

    /**
     * Writes the children of a node.
     *
     * @param parent the parent
     * @return the storage text of its children
     */
    public String writeChildren(Node parent) {
        StringBuilder out = new StringBuilder();
        boolean plain = isPlainBody(parent);
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            append(out, child, plain);
        }
        return out.toString();
    }

    /**
     * The start tag of an element, e.g. {@code <ac:layout-cell>}.
     *
     * @param element the element
     * @return its start tag
     */
    public String startTag(Element element) {
        StringBuilder out = new StringBuilder();
        appendStartTag(out, element);
        return out.append('>').toString();
    }

    /**
     * The end tag of an element.
     *
     * @param element the element
     * @return its end tag
     */
    public static String endTag(Element element) {
        return "</" + element.getTagName() + ">";
    }

    private void append(StringBuilder out, Node node, boolean plainBody) {
        if (node.getNodeType() == Node.TEXT_NODE) {
            appendText(out, node.getNodeValue(), plainBody, false);
        } else if (node.getNodeType() == Node.ELEMENT_NODE) {
            Element element = (Element) node;
            appendStartTag(out, element);
            if (!element.hasChildNodes()) {
                out.append(" />");
                return;
            }
            out.append('>');
            out.append(writeChildren(element));
            out.append(endTag(element));
        }
        // comments and processing instructions have no meaning in storage and are dropped
    }

    private void appendStartTag(StringBuilder out, Element element) {
        out.append('<').append(element.getTagName());
        for (int index = 0; index < element.attributeCount(); index++) {
            out.append(' ').append(element.attributeName(index)).append("=\"");
            appendText(out, element.attributeValue(index), false, true);
            out.append('"');
        }
    }

    private void appendText(StringBuilder out, String text, boolean plainBody, boolean attribute) {
        if (plainBody && style == Style.STORAGE) {
            out.append("<![CDATA[").append(text.replace("]]>", "]]]]><![CDATA[>")).append("]]>");
            return;
        }
        char previous = 0;
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            switch (character) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\u00a0' -> out.append("&nbsp;");
                case '\n' -> out.append(style == Style.ONE_LINE || attribute ? "&#10;" : "\n");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                case '|' -> out.append(style == Style.ONE_LINE ? "&#124;" : "|");
                case '-' -> out.append(style == Style.ONE_LINE && previous == '-' ? "&#45;" : "-");
                default -> out.append(character);
            }
            previous = character == '-' && previous == '-' ? 0 : character;
        }
    }

    private static boolean isPlainBody(Node node) {
        String name = node.getNodeName();
        return "ac:plain-text-body".equals(name) || "ac:plain-text-link-body".equals(name);
    }
}
