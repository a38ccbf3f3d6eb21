package dev.reposix.backend.confluence.codec.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Rewrites a parsed storage body, in place, into the normal form in which two bodies that
 * Confluence renders alike are equal. Every rule here only removes differences a reader cannot
 * see: runs of whitespace collapse to one space and vanish beside blocks and line breaks, edge
 * whitespace moves out of inline formatting, a paragraph that alone holds the text of a list item or
 * table cell is unwrapped, a page link whose text is the page title loses the redundant text,
 * macro parameters are ordered by name, and layout ids on plain text blocks are dropped. The Markdown
 * writer reads this form, so its output does not depend on such differences.
 *
 * <p>Stateless, thread-safe (each call works on its own tree).
 */
public final class StorageNormalizer {

    private static final Set<String> ID_ATTRIBUTES = Set.of("local-id", "ac:local-id");
    private static final Set<String> PLAIN_ID_HOLDERS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
            "li", "blockquote", "tr", "td", "th", "tbody", "thead", "hr");

    private StorageNormalizer() {
    }

    /**
     * Normalizes a body.
     *
     * @param root the synthetic root from {@link StorageParser}
     */
    public static void normalize(Element root) {
        root.normalize();
        collapse(root);
        moveEdgeSpaces(root);
        joinTexts(root, false);
        dropInsignificantSpace(root);
        restructure(root);
        root.normalize();
    }

    private static void collapse(Element node) {
        if (node.isA(Dom.PRESERVES_SPACE)) {
            return;
        }
        Node following;
        for (Node child = node.getFirstChild(); child != null; child = following) {
            // read before the child may be removed; the passes below never touch later siblings
            following = child.getNextSibling();
            if (Dom.isText(child)) {
                if ((child.textTraits() & (TextTraits.LINE_BREAK_OR_TAB | TextTraits.DOUBLE_SPACE)) != 0) {
                    child.setNodeValue(collapseWhitespace(child.getNodeValue()));
                }
            } else if (child.getNodeType() == Node.COMMENT_NODE
                    || child.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE) {
                node.removeChild(child);
            } else {
                collapse((Element) child);
            }
        }
    }

    /**
     * Joins neighbouring text nodes and drops empty ones, as {@link Node#normalize} does, and outside
     * preserved elements keeps one space where a text ending with a space meets one starting with a
     * space. After {@link #collapse} no text outside preserved elements holds a tab, a line break or
     * two spaces in a row, so a run of spaces can only appear where two texts meet: texts a comment
     * separated, or a space {@link #moveEdgeSpaces} moved out beside one. One walk instead of a
     * normalize and a second collapse over every text.
     */
    private static void joinTexts(Element node, boolean preserved) {
        boolean preserve = preserved || node.isA(Dom.PRESERVES_SPACE);
        Node following;
        for (Node child = node.getFirstChild(); child != null; child = following) {
            following = child.getNextSibling();
            if (child.getNodeType() == Node.TEXT_NODE) {
                if (following != null && following.getNodeType() == Node.TEXT_NODE) {
                    StringBuilder joined = new StringBuilder(child.getNodeValue());
                    while (following != null && following.getNodeType() == Node.TEXT_NODE) {
                        String next = following.getNodeValue();
                        boolean meetingSpaces = !preserve && !next.isEmpty() && joined.length() > 0
                                && joined.charAt(joined.length() - 1) == ' ' && next.charAt(0) == ' ';
                        joined.append(next, meetingSpaces ? 1 : 0, next.length());
                        Node after = following.getNextSibling();
                        node.removeChild(following);
                        following = after;
                    }
                    child.setNodeValue(joined.toString());
                }
                if (child.getNodeValue().isEmpty()) {
                    node.removeChild(child);
                }
            } else if (child instanceof Element element) {
                joinTexts(element, preserve);
            }
        }
    }

    /** Replaces each run of spaces, tabs and line breaks by one space. */
    private static String collapseWhitespace(String text) {
        char[] characters = text.toCharArray();
        int length = 0;
        boolean inRun = false;
        for (char character : characters) {
            boolean space = character == ' ' || character == '\t' || character == '\r' || character == '\n';
            if (!space) {
                characters[length++] = character;
            } else if (!inRun) {
                characters[length++] = ' ';
            }
            inRun = space;
        }
        return new String(characters, 0, length);
    }

    private static void moveEdgeSpaces(Element node) {
        Node following;
        for (Node child = node.getFirstChild(); child != null; child = following) {
            // read first, so that a space moved out after the child is not visited
            following = child.getNextSibling();
            if (Dom.isElement(child)) {
                Element element = (Element) child;
                moveEdgeSpaces(element);
                if (element.isA(Dom.FORMAT)) {
                    Node first = element.getFirstChild();
                    if (Dom.isText(first) && first.getNodeValue().startsWith(" ")) {
                        first.setNodeValue(first.getNodeValue().substring(1));
                        node.insertBefore(Node.text(" "), element);
                    }
                    Node last = element.getLastChild();
                    if (Dom.isText(last) && last.getNodeValue().endsWith(" ")) {
                        last.setNodeValue(last.getNodeValue().substring(0, last.getNodeValue().length() - 1));
                        node.insertBefore(Node.text(" "), element.getNextSibling());
                    }
                }
            }
        }
    }

    private static void dropInsignificantSpace(Element node) {
        boolean container = node.isA(Dom.CONTAINER);
        boolean textBlock = node.isA(Dom.TEXT_BLOCK);
        if (node.isA(Dom.PRESERVES_SPACE)) {
            return;
        }
        Node following;
        for (Node child = node.getFirstChild(); child != null; child = following) {
            following = child.getNextSibling();
            if (Dom.isElement(child)) {
                dropInsignificantSpace((Element) child);
                continue;
            }
            if (!Dom.isText(child)) {
                continue;
            }
            String text = child.getNodeValue();
            Node previous = child.getPreviousSibling();
            Node next = child.getNextSibling();
            if (container && text.isBlank()) {
                node.removeChild(child);
                continue;
            }
            if ((textBlock && previous == null) || Dom.isBlock(previous) || Dom.is(previous, "br")) {
                text = text.stripLeading();
            }
            if ((textBlock && next == null) || Dom.isBlock(next) || Dom.is(next, "br")) {
                text = text.stripTrailing();
            }
            if (text.isEmpty()) {
                node.removeChild(child);
            } else if (text != child.getNodeValue()) {
                // stripping returns the very string when there is nothing to strip
                child.setNodeValue(text);
            }
        }
    }

    private static void restructure(Element element) {
        Node following;
        for (Node child = element.getFirstChild(); child != null; child = following) {
            // restructuring a child may move its nodes, never the child's siblings
            following = child.getNextSibling();
            if (Dom.isElement(child)) {
                restructure((Element) child);
            }
        }
        String name = element.getTagName();
        if (element.hasAttributes() && PLAIN_ID_HOLDERS.contains(name)) {
            ID_ATTRIBUTES.forEach(element::removeAttribute);
        }
        switch (name) {
            case "li" -> {
                unwrapLeadingParagraph(element, Set.of("ul", "ol", "ac:task-list"));
                wrapLeadingText(element);
            }
            case "td", "th" -> unwrapLeadingParagraph(element, Set.of());
            case "ac:link" -> dropRedundantLinkText(element);
            case "ac:structured-macro" -> sortParameters(element);
            default -> {
                // other elements keep their structure
            }
        }
    }

    private static void unwrapLeadingParagraph(Element holder, Set<String> allowedAfter) {
        if (Dom.hasText(holder)) {
            return;
        }
        List<Element> children = Dom.elements(holder);
        if (children.isEmpty() || !"p".equals(children.get(0).getTagName())
                || children.get(0).attributeCount() > 0) {
            return;
        }
        for (Element later : children.subList(1, children.size())) {
            if (!allowedAfter.contains(later.getTagName())) {
                return;
            }
        }
        Element paragraph = children.get(0);
        for (Node grandChild : Dom.children(paragraph)) {
            holder.insertBefore(grandChild, paragraph);
        }
        holder.removeChild(paragraph);
    }

    /**
     * In a list item whose text is followed by a block other than a list, the text is a paragraph
     * of its own (Confluence renders {@code <li>a<pre/></li>} and {@code <li><p>a</p><pre/></li>}
     * alike); the inverse of {@link #unwrapLeadingParagraph}.
     */
    private static void wrapLeadingText(Element item) {
        List<Node> leading = new ArrayList<>();
        Node blockAfter = null;
        for (Node child : Dom.children(item)) {
            if (Dom.isBlock(child) || Dom.isBlockMacro(child)) {
                blockAfter = child;
                break;
            }
            leading.add(child);
        }
        if (leading.isEmpty() || blockAfter == null || Set.of("ul", "ol", "ac:task-list").contains(blockAfter.getNodeName())
                || leading.stream().allMatch(node -> Dom.isText(node) && node.getNodeValue().isBlank())) {
            return;
        }
        Element paragraph = new Element("p");
        item.insertBefore(paragraph, leading.get(0));
        for (Node node : leading) {
            paragraph.appendChild(node);
        }
    }

    private static void dropRedundantLinkText(Element link) {
        Element page = Dom.child(link, "ri:page");
        Element body = Dom.child(link, "ac:plain-text-link-body");
        if (page != null && body != null && body.getTextContent().equals(page.getAttribute("ri:content-title"))
                && !page.getAttribute("ri:content-title").isEmpty()) {
            link.removeChild(body);
        }
    }

    private static void sortParameters(Element macro) {
        List<Element> parameters = new ArrayList<>();
        Node anchor = null;
        for (Element child : Dom.elements(macro)) {
            if ("ac:parameter".equals(child.getTagName())) {
                parameters.add(child);
            } else if (anchor == null) {
                anchor = child;
            }
        }
        if (parameters.size() < 2) {
            return;
        }
        parameters.forEach(macro::removeChild);
        parameters.sort((left, right) -> left.getAttribute("ac:name").compareTo(right.getAttribute("ac:name")));
        for (Element parameter : parameters) {
            macro.insertBefore(parameter, anchor);
        }
    }
}
