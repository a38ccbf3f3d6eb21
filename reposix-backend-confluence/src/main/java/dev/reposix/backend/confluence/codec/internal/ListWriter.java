package dev.reposix.backend.confluence.codec.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes {@code <ul>}, {@code <ol>} and {@code <ac:task-list>} as Markdown lists. A list is tight
 * (no blank lines) when every item holds one run of text followed only by nested lists, the shape
 * Confluence's editor produces; otherwise every item is separated by a blank line.
 *
 * <p>Immutable and thread-safe.
 */
final class ListWriter {

    private static final Set<String> LISTS = Set.of("ul", "ol", "ac:task-list");
    private static final Set<String> TASK_PARTS = Set.of("ac:task-id", "ac:task-uuid", "ac:task-status",
            "ac:task-body");

    private final BlockWriter blocks;

    ListWriter(BlockWriter blocks) {
        this.blocks = blocks;
    }

    /**
     * Writes a list.
     *
     * @param list the list element
     * @param alternate whether to use the second marker ({@code *} or {@code 1)})
     * @return the Markdown
     */
    String list(Element list, boolean alternate) {
        if (Dom.hasText(list)) {
            throw new NotRepresentable("text directly inside a list");
        }
        List<Item> items = new ArrayList<>();
        int number = 1;
        for (Element child : Dom.elements(list)) {
            String marker = marker(list.getTagName(), child, alternate, number++);
            items.add("ac:task".equals(child.getTagName()) ? task(child, marker) : item(child, marker));
        }
        if (items.isEmpty()) {
            throw new NotRepresentable("empty list");
        }
        boolean loose = items.stream().anyMatch(item -> !item.tight());
        StringBuilder out = new StringBuilder();
        for (Item item : items) {
            if (out.length() > 0) {
                out.append(loose ? "\n\n" : "\n");
            }
            out.append(item.render(loose));
        }
        return out.toString();
    }

    private static String marker(String listName, Element item, boolean alternate, int number) {
        switch (listName) {
            case "ul" -> {
                requireItem(item, "li");
                return alternate ? "*" : "-";
            }
            case "ol" -> {
                requireItem(item, "li");
                return number + (alternate ? ")" : ".");
            }
            default -> {
                requireItem(item, "ac:task");
                return alternate ? "*" : "-";
            }
        }
    }

    private static void requireItem(Element item, String name) {
        if (!name.equals(item.getTagName()) || item.attributeCount() > 0) {
            throw new NotRepresentable("list child " + item.getTagName());
        }
    }

    private Item item(Element item, String marker) {
        List<Node> inline = new ArrayList<>();
        List<String> nested = new ArrayList<>();
        boolean tight = true;
        String previousList = "";
        for (Node child : Dom.children(item)) {
            if (Dom.isBlock(child)) {
                Element element = (Element) child;
                String kind = BlockWriter.listKind(element);
                tight &= LISTS.contains(element.getTagName());
                nested.add(blocks.block(element, BlockWriter.alternate(nested, kind, previousList)));
                previousList = kind;
            } else if (Dom.isElement(child) && Dom.CONTAINERS.contains(child.getNodeName())
                    && !Dom.is(child, "ac:link") && !Dom.is(child, "ac:image")
                    && !Dom.is(child, "ac:structured-macro")) {
                throw new NotRepresentable("container inside a list item");
            } else if (Dom.isBlockMacro(child)) {
                tight = false;
                nested.add(blocks.block((Element) child, false));
                previousList = "";
            } else {
                if (!nested.isEmpty()) {
                    throw new NotRepresentable("text after a block in a list item");
                }
                inline.add(child);
            }
        }
        if (inline.isEmpty() && !nested.isEmpty() && Dom.is(item.getFirstChild(), "p")
                && ((Element) item.getFirstChild()).attributeCount() == 0) {
            // the editor's shape <li><p>text</p><pre>..</pre></li>: the paragraph is the item's first line
            inline.addAll(Dom.children(item.getFirstChild()));
            nested.remove(0);
        }
        String text = inline.isEmpty() ? "" : blocks.inline(fragment(item, inline), false);
        if (text.isEmpty() && !nested.isEmpty()) {
            throw new NotRepresentable("list item that starts with a block");
        }
        return new Item(marker, text, nested, tight);
    }


    private Item task(Element task, String marker) {
        Element status = Dom.child(task, "ac:task-status");
        Element body = Dom.child(task, "ac:task-body");
        for (Element part : Dom.elements(task)) {
            if (!TASK_PARTS.contains(part.getTagName())) {
                throw new NotRepresentable("task part " + part.getTagName());
            }
        }
        if (status == null || body == null || Dom.hasText(task) || body.attributeCount() > 0) {
            throw new NotRepresentable("incomplete task");
        }
        String state = status.getTextContent();
        if (!"complete".equals(state) && !"incomplete".equals(state)) {
            throw new NotRepresentable("task status " + state);
        }
        for (Node child : Dom.children(body)) {
            if (Dom.isBlock(child)) {
                throw new NotRepresentable("block inside a task");
            }
        }
        String text = blocks.inline(body, false);
        if (text.isEmpty()) {
            throw new NotRepresentable("empty task");
        }
        return new Item(marker + ("complete".equals(state) ? " [x]" : " [ ]"), text, List.of(), true);
    }

    /**
     * The inline nodes under one parent, so the inline writer can read them: the item itself when
     * they are all its children (the common case, read in place), else a detached copy of it that
     * holds copies of just them.
     */
    private static Node fragment(Element item, List<Node> inline) {
        if (inline.get(0) == item.getFirstChild() && inline.get(inline.size() - 1) == item.getLastChild()) {
            return item;
        }
        Element copy = item.cloneNode(false);
        for (Node node : inline) {
            copy.appendChild(node.cloneNode(true));
        }
        return copy;
    }

    /** One list item ready to render; {@code marker} is e.g. {@code -}, {@code 2.} or {@code - [x]}. */
    private record Item(String marker, String text, List<String> nested, boolean tight) {

        String render(boolean loose) {
            int bracket = marker.indexOf(' ');
            String indent = " ".repeat((bracket < 0 ? marker.length() : bracket) + 1);
            StringBuilder out = new StringBuilder(marker);
            if (!text.isEmpty()) {
                out.append(' ').append(BlockWriter.prefixLines(text, indent, "").substring(indent.length()));
            }
            for (String block : nested) {
                out.append(loose ? "\n\n" : "\n").append(BlockWriter.prefixLines(block, indent, ""));
            }
            return out.toString();
        }
    }
}
