package dev.reposix.backend.confluence.codec.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Small helpers over the storage tree ({@link Node}) that the codec's readers and writers share,
 * plus the element classes the storage format knows. Stateless, thread-safe.
 */
public final class Dom {

    /** Elements that hold other blocks and no text of their own. */
    public static final Set<String> CONTAINERS = Set.of(StorageParser.ROOT, "ul", "ol", "table", "thead", "tbody",
            "tfoot", "tr", "colgroup", "blockquote", "ac:layout", "ac:layout-section", "ac:layout-cell",
            "ac:rich-text-body", "ac:task-list", "ac:task", "ac:structured-macro", "ac:link", "ac:image",
            "ac:adf-extension", "ac:adf-node", "ac:adf-content", "ac:adf-fallback", "div");

    /** Block-level elements: whitespace beside them is insignificant. */
    public static final Set<String> BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
            "table", "blockquote", "hr", "pre", "div", "ac:task-list", "ac:layout", "ac:layout-section",
            "ac:layout-cell", "ac:adf-extension");

    /** Elements whose text runs are trimmed at their edges. */
    public static final Set<String> TEXT_BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td",
            "th", "ac:task-body", "blockquote");

    /** Elements whose text is kept exactly, whitespace and all. */
    public static final Set<String> PRESERVE_SPACE = Set.of("ac:plain-text-body", "ac:plain-text-link-body", "pre",
            "ac:parameter", "ac:task-id", "ac:task-uuid", "ac:task-status");

    /** Inline formatting whose edge whitespace may move outside without changing the rendering. */
    public static final Set<String> FORMATTING = Set.of("strong", "em", "b", "i", "s", "u", "del", "strike",
            "sup", "sub", "span", "ins", "small", "big");

    /** {@link #kindOf} bit: the element is one of {@link #CONTAINERS}. */
    static final int CONTAINER = 1;
    /** {@link #kindOf} bit: the element is one of {@link #BLOCKS}. */
    static final int BLOCK = 2;
    /** {@link #kindOf} bit: the element is one of {@link #TEXT_BLOCKS}. */
    static final int TEXT_BLOCK = 4;
    /** {@link #kindOf} bit: the element is one of {@link #PRESERVE_SPACE}. */
    static final int PRESERVES_SPACE = 8;
    /** {@link #kindOf} bit: the element is one of {@link #FORMATTING}. */
    static final int FORMAT = 16;

    private static final Map<String, Integer> KINDS = kinds();

    private Dom() {
    }

    /**
     * Which of the sets above an element name is in, as bits: one lookup, which {@link Element#isA}
     * makes once per element, where asking each set would hash the name again on every pass.
     *
     * @param name an element name
     * @return the bits, 0 for a name in none of the sets
     */
    static int kindOf(String name) {
        return KINDS.getOrDefault(name, 0);
    }

    private static Map<String, Integer> kinds() {
        Map<Set<String>, Integer> bits = Map.of(CONTAINERS, CONTAINER, BLOCKS, BLOCK, TEXT_BLOCKS, TEXT_BLOCK,
                PRESERVE_SPACE, PRESERVES_SPACE, FORMATTING, FORMAT);
        Map<String, Integer> kinds = new HashMap<>();
        bits.forEach((set, bit) -> set.forEach(name -> kinds.merge(name, bit, (others, added) -> others | added)));
        return Map.copyOf(kinds);
    }

    /**
     * Whether a node is an element.
     *
     * @param node the node, possibly null
     * @return true for an element
     */
    public static boolean isElement(Node node) {
        return node != null && node.getNodeType() == Node.ELEMENT_NODE;
    }

    /**
     * The element children of a node.
     *
     * @param parent the parent
     * @return its element children in order
     */
    public static List<Element> elements(Node parent) {
        List<Element> children = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (isElement(child)) {
                children.add((Element) child);
            }
        }
        return children;
    }

    /**
     * The child nodes of a node.
     *
     * @param parent the parent
     * @return its children in order
     */
    public static List<Node> children(Node parent) {
        List<Node> children = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            children.add(child);
        }
        return children;
    }

    /**
     * Whether a node is a text node (CDATA sections are read as text).
     *
     * @param node the node
     * @return true for text
     */
    public static boolean isText(Node node) {
        return node != null && node.getNodeType() == Node.TEXT_NODE;
    }

    /**
     * Whether a node is an element with this tag name.
     *
     * @param node the node
     * @param name the qualified tag name
     * @return true if it is
     */
    public static boolean is(Node node, String name) {
        return isElement(node) && name.equals(node.getNodeName());
    }

    /**
     * Whether a node is a block-level element.
     *
     * @param node the node
     * @return true for a block
     */
    public static boolean isBlock(Node node) {
        return node instanceof Element element && element.isA(BLOCK);
    }

    /**
     * The names of an element's attributes.
     *
     * @param element the element
     * @return the attribute names in name order
     */
    public static List<String> attributeNames(Element element) {
        List<String> names = new ArrayList<>();
        for (int index = 0; index < element.attributeCount(); index++) {
            names.add(element.attributeName(index));
        }
        return names;
    }

    /**
     * Whether an element has only attributes from the allowed set.
     *
     * @param element the element
     * @param allowed the allowed attribute names
     * @return true if no other attribute is present
     */
    public static boolean hasOnlyAttributes(Element element, Set<String> allowed) {
        return allowed.containsAll(attributeNames(element));
    }

    /**
     * The first child element with this name.
     *
     * @param parent the parent
     * @param name the tag name
     * @return the element or null
     */
    public static Element child(Node parent, String name) {
        for (Element element : elements(parent)) {
            if (name.equals(element.getTagName())) {
                return element;
            }
        }
        return null;
    }

    /**
     * Whether a node has a non-whitespace text child.
     *
     * @param parent the parent
     * @return true if some text child is not blank
     */
    public static boolean hasText(Node parent) {
        for (Node child : children(parent)) {
            if (isText(child) && !child.getNodeValue().isBlank()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A macro parameter's value.
     *
     * @param macro an {@code ac:structured-macro}
     * @param name the parameter name
     * @return the value or null
     */
    public static String parameter(Element macro, String name) {
        for (Element element : elements(macro)) {
            if ("ac:parameter".equals(element.getTagName()) && name.equals(element.getAttribute("ac:name"))) {
                return element.getTextContent();
            }
        }
        return null;
    }

    /**
     * Whether a node is a macro with a body, which stands as a block of its own.
     *
     * @param node the node
     * @return true for a block macro
     */
    public static boolean isBlockMacro(Node node) {
        return is(node, "ac:structured-macro")
                && (child(node, "ac:rich-text-body") != null || child(node, "ac:plain-text-body") != null);
    }
}
