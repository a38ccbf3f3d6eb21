package dev.reposix.backend.confluence.codec.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes block macros: the code macro as a fenced code block (language and other parameters in
 * the info string), the info/tip/note/warning panels as GitHub alerts, other macros with a
 * rich-text body as a preserved wrapper around Markdown, and the rest verbatim.
 *
 * <p>Immutable and thread-safe.
 */
final class MacroWriter {

    private static final Pattern ORDERED_MARKER = Pattern.compile("\\d+[.)] ");

    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z0-9_+#.-]+");
    private static final Pattern BARE_VALUE = Pattern.compile("[A-Za-z0-9_.:/#+-]+");

    private final BlockWriter blocks;

    MacroWriter(BlockWriter blocks) {
        this.blocks = blocks;
    }

    /**
     * Writes a block-level macro.
     *
     * @param macro the {@code ac:structured-macro}
     * @return the Markdown
     */
    String macro(Element macro) {
        String name = macro.getAttribute("ac:name");
        boolean plain = Dom.hasOnlyAttributes(macro, BlockWriter.MACRO_IGNORED_ATTRIBUTES) && !Dom.hasText(macro);
        if (plain && "code".equals(name)) {
            try {
                return code(macro);
            } catch (NotRepresentable unusual) {
                return BlockWriter.verbatim(macro);
            }
        }
        if (plain && BlockWriter.PANEL_TO_ALERT.containsKey(name)) {
            try {
                return alert(macro, BlockWriter.PANEL_TO_ALERT.get(name));
            } catch (NotRepresentable unusual) {
                // fall through to the generic wrapper, which keeps the body editable
            }
        }
        List<String> details = detailsLines(macro);
        if (details != null) {
            List<String> body = blocks.blocks(Dom.child(macro, "ac:rich-text-body"));
            StringBuilder out = new StringBuilder(details.get(0));
            for (String block : body) {
                out.append("\n\n").append(block);
            }
            return out.append("\n\n").append(details.get(1)).toString();
        }
        List<String> wrapper = wrapperFragments(macro);
        if (wrapper != null) {
            List<String> body = blocks.blocks(Dom.child(macro, "ac:rich-text-body"));
            StringBuilder out = new StringBuilder(Markers.BLOCK).append(wrapper.get(0)).append(Markers.END);
            for (String block : body) {
                out.append("\n\n").append(block);
            }
            return out.append("\n\n").append(Markers.BLOCK).append(wrapper.get(1)).append(Markers.END).toString();
        }
        return BlockWriter.verbatim(macro);
    }

    /**
     * The storage before and after the body of a macro whose last child is a rich-text body,
     * or null for any other macro.
     *
     * @param macro the macro
     * @return the start and end fragments, or null
     */
    static List<String> wrapperFragments(Element macro) {
        List<Element> children = Dom.elements(macro);
        if (children.isEmpty() || Dom.hasText(macro)) {
            return null;
        }
        Element body = children.get(children.size() - 1);
        if (!"ac:rich-text-body".equals(body.getTagName())) {
            return null;
        }
        StorageSerializer serializer = new StorageSerializer(StorageSerializer.Style.ONE_LINE);
        StringBuilder start = new StringBuilder(serializer.startTag(macro));
        for (Element parameter : children.subList(0, children.size() - 1)) {
            if (!"ac:parameter".equals(parameter.getTagName())) {
                return null;
            }
            start.append(serializer.write(parameter));
        }
        start.append(serializer.startTag(body));
        return List.of(start.toString(), StorageSerializer.endTag(body) + StorageSerializer.endTag(macro));
    }

    /**
     * The HTML lines around the body of an expand macro, written as GitHub's
     * {@code <details><summary>Title</summary>}, or null for any other macro.
     *
     * @param macro the macro
     * @return the opening and closing lines, or null
     */
    static List<String> detailsLines(Element macro) {
        if (!"expand".equals(macro.getAttribute("ac:name"))
                || !Dom.hasOnlyAttributes(macro, BlockWriter.MACRO_IGNORED_ATTRIBUTES) || Dom.hasText(macro)) {
            return null;
        }
        List<Element> children = Dom.elements(macro);
        Element body = children.isEmpty() ? null : children.get(children.size() - 1);
        if (body == null || !"ac:rich-text-body".equals(body.getTagName()) || body.attributeCount() > 0
                || children.size() > 2) {
            return null;
        }
        if (children.size() == 1) {
            return List.of("<details>", "</details>");
        }
        Element title = children.get(0);
        if (!"ac:parameter".equals(title.getTagName()) || !"title".equals(title.getAttribute("ac:name"))
                || title.attributeCount() != 1 || title.getTextContent().contains("\n")
                || !Dom.elements(title).isEmpty()) {
            return null;
        }
        return List.of("<details><summary>" + Xml.text(title.getTextContent()) + "</summary>", "</details>");
    }

    private static String code(Element macro) {
        Element body = null;
        String language = null;
        List<String> options = new ArrayList<>();
        for (Element child : Dom.elements(macro)) {
            if ("ac:plain-text-body".equals(child.getTagName()) && body == null) {
                body = child;
            } else if ("ac:parameter".equals(child.getTagName()) && child.attributeCount() == 1
                    && Dom.elements(child).isEmpty()) {
                String parameter = child.getAttribute("ac:name");
                String value = child.getTextContent();
                if ("language".equals(parameter) && LANGUAGE.matcher(value).matches()) {
                    language = value;
                } else {
                    options.add(option(parameter, value));
                }
            } else {
                throw new NotRepresentable("code macro part " + child.getTagName());
            }
        }
        if (body == null || body.attributeCount() > 0) {
            throw new NotRepresentable("code macro without body");
        }
        String code = body.getTextContent();
        if (code.contains("\r")) {
            throw new NotRepresentable("carriage return in code");
        }
        StringBuilder info = new StringBuilder(language == null ? "" : language);
        for (String option : options) {
            info.append(info.length() == 0 ? "" : " ").append(option);
        }
        if (language == null && options.isEmpty()) {
            return BlockWriter.fence("", code.isEmpty() ? "" : code);
        }
        return BlockWriter.fence(info.toString(), code);
    }

    private static String option(String name, String value) {
        if (!BARE_VALUE.matcher(name).matches() || value.contains("\"") || value.contains("`")
                || value.contains("\n") || value.contains("\\")) {
            throw new NotRepresentable("code option " + name);
        }
        return name + "=" + (BARE_VALUE.matcher(value).matches() ? value : "\"" + value + "\"");
    }

    private String alert(Element macro, String alert) {
        List<Element> children = Dom.elements(macro);
        if (children.isEmpty() || !"ac:rich-text-body".equals(children.get(children.size() - 1).getTagName())) {
            throw new NotRepresentable("panel without body");
        }
        Element body = children.get(children.size() - 1);
        String title = null;
        for (Element parameter : children.subList(0, children.size() - 1)) {
            if (!"ac:parameter".equals(parameter.getTagName()) || !"title".equals(parameter.getAttribute("ac:name"))
                    || parameter.attributeCount() != 1 || title != null) {
                throw new NotRepresentable("panel parameter");
            }
            title = parameter.getTextContent();
            if (title.isBlank() || !title.equals(title.strip()) || title.contains("\n")) {
                throw new NotRepresentable("panel title");
            }
        }
        if (body.attributeCount() > 0) {
            throw new NotRepresentable("panel body attributes");
        }
        StringBuilder out = new StringBuilder("[!").append(alert).append(']');
        if (title != null) {
            out.append("\n**").append(MarkdownEscaper.escape(title, false, false)).append("**");
        }
        List<String> content = blocks.blocks(body);
        if (!content.isEmpty()) {
            // GitHub style puts the text right under the marker; a bold first line would read as a title
            boolean underMarker = title == null && !content.get(0).startsWith("**") && isParagraph(content.get(0));
            out.append(underMarker ? "\n" : "\n\n").append(String.join("\n\n", content));
        }
        return BlockWriter.prefixLines(out.toString(), "> ", ">");
    }

    private static boolean isParagraph(String block) {
        return !block.isEmpty() && "#>-*+|`<![".indexOf(block.charAt(0)) < 0 && !ORDERED_MARKER.matcher(block).lookingAt();
    }
}
