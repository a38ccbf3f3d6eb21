package dev.reposix.backend.confluence.codec.internal;

/**
 * A node of the storage tree the codec parses, normalizes and writes: an {@link Element}, or a
 * leaf holding text, a comment or a processing instruction. The method names are the W3C DOM's,
 * and so are their meanings (a node inserted elsewhere moves; an element's attributes are kept in
 * name order, as the JDK's DOM keeps them), but the classes are few and final: the codec walks every
 * node of every page, and on the JDK's DOM most of that walk went to interface dispatch and type
 * checks rather than to the work itself.
 *
 * <p>Not thread-safe; a tree belongs to the call that built it.
 */
public abstract sealed class Node permits Element, Node.Leaf {

    /** The type of an element. */
    public static final short ELEMENT_NODE = 1;
    /** The type of text (CDATA sections are read as text). */
    public static final short TEXT_NODE = 3;
    /** The type of a processing instruction. */
    public static final short PROCESSING_INSTRUCTION_NODE = 7;
    /** The type of a comment. */
    public static final short COMMENT_NODE = 8;

    private final short type;
    private final String name;
    /** A leaf's text; always null for an element. */
    private String value;
    /** The {@link TextTraits} of the value, or -1 until asked for. */
    private int traits = -1;
    Element parent;
    Node previous;
    Node next;
    /** An element's first and last child; always null for a leaf. */
    Node first;
    Node last;

    Node(short type, String name, String value) {
        this.type = type;
        this.name = name;
        this.value = value;
    }

    /**
     * A new text node.
     *
     * @param value the text
     * @return the node, in no tree yet
     */
    public static Node text(String value) {
        return text(value, -1);
    }

    /** A new text node whose {@link TextTraits} the caller found while reading it (-1: not known). */
    static Node text(String value, int traits) {
        Node text = new Leaf(TEXT_NODE, "#text", value);
        text.traits = traits;
        return text;
    }

    /**
     * A new comment.
     *
     * @param value the comment's text
     * @return the node, in no tree yet
     */
    public static Node comment(String value) {
        return new Leaf(COMMENT_NODE, "#comment", value);
    }

    /**
     * A new processing instruction.
     *
     * @param target its target
     * @param data its data
     * @return the node, in no tree yet
     */
    public static Node processingInstruction(String target, String data) {
        return new Leaf(PROCESSING_INSTRUCTION_NODE, target, data);
    }

    /**
     * The node's type.
     *
     * @return {@link #ELEMENT_NODE}, {@link #TEXT_NODE}, {@link #COMMENT_NODE} or {@link #PROCESSING_INSTRUCTION_NODE}
     */
    public final short getNodeType() {
        return type;
    }

    /**
     * An element's tag name, {@code #text}, {@code #comment}, or a processing instruction's target.
     *
     * @return the name
     */
    public final String getNodeName() {
        return name;
    }

    /**
     * A leaf's text; null for an element.
     *
     * @return the value
     */
    public final String getNodeValue() {
        return value;
    }

    /**
     * Replaces a leaf's text; ignored for an element, as in the W3C DOM.
     *
     * @param value the new text
     */
    public final void setNodeValue(String value) {
        if (type != ELEMENT_NODE) {
            this.value = value;
            traits = -1;
        }
    }

    /**
     * The {@link TextTraits} of a leaf's text, found once per value.
     *
     * @return the traits; none for an element
     */
    final int textTraits() {
        if (traits < 0) {
            traits = value == null ? 0 : TextTraits.of(value);
        }
        return traits;
    }

    /**
     * A copy of this node, in no tree.
     *
     * @param deep whether an element's descendants are copied too
     * @return the copy
     */
    public abstract Node cloneNode(boolean deep);

    /**
     * The element holding this node.
     *
     * @return the parent, or null
     */
    public final Element getParentNode() {
        return parent;
    }

    /**
     * The next sibling.
     *
     * @return the node after this one, or null
     */
    public final Node getNextSibling() {
        return next;
    }

    /**
     * The previous sibling.
     *
     * @return the node before this one, or null
     */
    public final Node getPreviousSibling() {
        return previous;
    }

    /**
     * The first child.
     *
     * @return the first child, or null (always for a leaf)
     */
    public final Node getFirstChild() {
        return first;
    }

    /**
     * The last child.
     *
     * @return the last child, or null (always for a leaf)
     */
    public final Node getLastChild() {
        return last;
    }

    /**
     * Whether the node has children.
     *
     * @return true for an element with at least one child
     */
    public final boolean hasChildNodes() {
        return first != null;
    }

    /**
     * The text of the node: a leaf's own value, or the text of an element's descendants in order
     * (comments and processing instructions left out), as the W3C DOM's {@code getTextContent}.
     *
     * @return the text
     */
    public final String getTextContent() {
        if (type != ELEMENT_NODE) {
            return value;
        }
        Node only = first;
        if (only != null && only.next == null && only.type == TEXT_NODE) {
            return only.value;
        }
        StringBuilder text = new StringBuilder();
        appendText(text);
        return text.toString();
    }

    private void appendText(StringBuilder text) {
        for (Node child = first; child != null; child = child.next) {
            if (child.type == TEXT_NODE) {
                text.append(child.value);
            } else if (child.type == ELEMENT_NODE) {
                child.appendText(text);
            }
        }
    }

    /** Text, a comment or a processing instruction. */
    static final class Leaf extends Node {

        Leaf(short type, String name, String value) {
            super(type, name, value);
        }

        @Override
        public Node cloneNode(boolean deep) {
            return new Leaf(getNodeType(), getNodeName(), getNodeValue());
        }
    }
}
