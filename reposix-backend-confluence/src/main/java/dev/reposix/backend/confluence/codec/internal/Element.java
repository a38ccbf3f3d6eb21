package dev.reposix.backend.confluence.codec.internal;

import java.util.Arrays;

/**
 * An element of the storage tree: a tag name (prefixed names such as {@code ac:link} are names like
 * any other, as in a DOM built without namespaces), attributes kept in name order, and children.
 * See {@link Node}.
 */
public final class Element extends Node {

    private static final String[] NO_ATTRIBUTES = {};

    /** Attribute names and values in turn, sorted by name. */
    private String[] attributes = NO_ATTRIBUTES;
    private int attributeCount;
    /** The element's {@link Dom#kindOf kind} bits, or -1 until asked for. */
    private int kind = -1;

    /**
     * Creates an element in no tree, without attributes or children.
     *
     * @param name the tag name
     */
    public Element(String name) {
        super(ELEMENT_NODE, name, null);
    }

    /**
     * The tag name.
     *
     * @return the name
     */
    public String getTagName() {
        return getNodeName();
    }

    /**
     * Whether the element is of a kind of the storage vocabulary.
     *
     * @param kind one or more of {@link Dom#CONTAINER}, {@link Dom#BLOCK}, {@link Dom#TEXT_BLOCK},
     *     {@link Dom#PRESERVES_SPACE}, {@link Dom#FORMAT}
     * @return true if it is of any of them
     */
    public boolean isA(int kind) {
        if (this.kind < 0) {
            this.kind = Dom.kindOf(getTagName());
        }
        return (this.kind & kind) != 0;
    }

    /**
     * An attribute's value.
     *
     * @param name the attribute name
     * @return the value, or an empty string when the element has no such attribute (as in the W3C DOM)
     */
    public String getAttribute(String name) {
        int index = indexOf(name);
        return index < 0 ? "" : attributes[2 * index + 1];
    }

    /**
     * Whether the element has an attribute.
     *
     * @param name the attribute name
     * @return true if it has
     */
    public boolean hasAttribute(String name) {
        return indexOf(name) >= 0;
    }

    /**
     * Whether the element has any attribute.
     *
     * @return true if it has
     */
    public boolean hasAttributes() {
        return attributeCount > 0;
    }

    /**
     * How many attributes the element has.
     *
     * @return the count
     */
    public int attributeCount() {
        return attributeCount;
    }

    /**
     * The name of an attribute in name order.
     *
     * @param index from 0 to {@link #attributeCount()} - 1
     * @return the name
     */
    public String attributeName(int index) {
        return attributes[2 * checked(index)];
    }

    /**
     * The value of an attribute in name order.
     *
     * @param index from 0 to {@link #attributeCount()} - 1
     * @return the value
     */
    public String attributeValue(int index) {
        return attributes[2 * checked(index) + 1];
    }

    /**
     * Sets an attribute, replacing its value if the element has it.
     *
     * @param name the attribute name
     * @param value the value
     */
    public void setAttribute(String name, String value) {
        int index = indexOf(name);
        if (index >= 0) {
            attributes[2 * index + 1] = value;
            return;
        }
        int at = -index - 1;
        if (2 * attributeCount == attributes.length) {
            attributes = Arrays.copyOf(attributes, Math.max(4, 2 * attributes.length));
        }
        System.arraycopy(attributes, 2 * at, attributes, 2 * at + 2, 2 * (attributeCount - at));
        attributes[2 * at] = name;
        attributes[2 * at + 1] = value;
        attributeCount++;
    }

    /**
     * Removes an attribute if the element has it.
     *
     * @param name the attribute name
     */
    public void removeAttribute(String name) {
        int index = indexOf(name);
        if (index < 0) {
            return;
        }
        System.arraycopy(attributes, 2 * index + 2, attributes, 2 * index, 2 * (attributeCount - index - 1));
        attributeCount--;
        attributes[2 * attributeCount] = null;
        attributes[2 * attributeCount + 1] = null;
    }

    /**
     * Appends a child, first taking it out of the tree it is in.
     *
     * @param child the new last child
     * @return the child
     */
    public Node appendChild(Node child) {
        return insertBefore(child, null);
    }

    /**
     * Inserts a child before another, first taking it out of the tree it is in.
     *
     * @param child the node to insert
     * @param before a child of this element, or null to append
     * @return the inserted node
     * @throws IllegalArgumentException when {@code before} is not a child of this element, or the
     *     child is this element or holds it
     */
    public Node insertBefore(Node child, Node before) {
        if (before != null && before.parent != this) {
            throw new IllegalArgumentException("<" + getTagName() + "> has no such child to insert before");
        }
        for (Element ancestor = this; ancestor != null; ancestor = ancestor.parent) {
            if (ancestor == child) {
                throw new IllegalArgumentException("a node cannot be inserted into itself");
            }
        }
        if (child == before) {
            return child;
        }
        if (child.parent != null) {
            child.parent.removeChild(child);
        }
        child.parent = this;
        child.next = before;
        child.previous = before == null ? last : before.previous;
        if (child.previous == null) {
            first = child;
        } else {
            child.previous.next = child;
        }
        if (before == null) {
            last = child;
        } else {
            before.previous = child;
        }
        return child;
    }

    /**
     * Removes a child.
     *
     * @param child a child of this element
     * @return the child, now in no tree
     * @throws IllegalArgumentException when it is not a child of this element
     */
    public Node removeChild(Node child) {
        if (child.parent != this) {
            throw new IllegalArgumentException("<" + getTagName() + "> has no such child to remove");
        }
        if (child.previous == null) {
            first = child.next;
        } else {
            child.previous.next = child.next;
        }
        if (child.next == null) {
            last = child.previous;
        } else {
            child.next.previous = child.previous;
        }
        child.parent = null;
        child.previous = null;
        child.next = null;
        return child;
    }

    /**
     * Joins neighbouring text children and drops empty ones, in this element and every element
     * below it, as the W3C DOM's {@code normalize}.
     */
    public void normalize() {
        Node following;
        for (Node child = first; child != null; child = following) {
            following = child.next;
            if (child.getNodeType() == TEXT_NODE) {
                if (following != null && following.getNodeType() == TEXT_NODE) {
                    StringBuilder joined = new StringBuilder(child.getNodeValue());
                    while (following != null && following.getNodeType() == TEXT_NODE) {
                        joined.append(following.getNodeValue());
                        Node after = following.next;
                        removeChild(following);
                        following = after;
                    }
                    child.setNodeValue(joined.toString());
                }
                if (child.getNodeValue().isEmpty()) {
                    removeChild(child);
                }
            } else if (child instanceof Element element) {
                element.normalize();
            }
        }
    }

    @Override
    public Element cloneNode(boolean deep) {
        Element copy = new Element(getTagName());
        copy.attributes = attributeCount == 0 ? NO_ATTRIBUTES : Arrays.copyOf(attributes, 2 * attributeCount);
        copy.attributeCount = attributeCount;
        if (deep) {
            for (Node child = first; child != null; child = child.next) {
                copy.appendChild(child.cloneNode(true));
            }
        }
        return copy;
    }

    /** The attribute's index in name order, or (-(insertion point) - 1) when absent. */
    private int indexOf(String name) {
        int low = 0;
        int high = attributeCount - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = attributes[2 * middle].compareTo(name);
            if (order < 0) {
                low = middle + 1;
            } else if (order > 0) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -(low + 1);
    }

    private int checked(int index) {
        if (index < 0 || index >= attributeCount) {
            throw new IndexOutOfBoundsException("attribute " + index + " of " + attributeCount);
        }
        return index;
    }
}
