package dev.reposix.backend.confluence.codec.internal;

import dev.reposix.api.RecordId;
import dev.reposix.api.RecordLinks;
import dev.reposix.backend.confluence.codec.PageDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes the inline content of a storage element (text, emphasis, links, images, inline macros)
 * as Markdown. In {@link WriteMode#PRETTY} emphasis and line breaks use Markdown syntax; in
 * {@link WriteMode#SAFE} they are written as inline HTML, which flexmark passes through unchanged,
 * for text where delimiter rules would misread them.
 *
 * <p>Not thread-safe: one instance writes one run of inline content.
 */
final class InlineWriter {

    private static final Pattern PLAIN_DESTINATION = Pattern.compile("[^\\s<>\\\\]+");
    private static final Pattern ABSOLUTE_URL = Pattern.compile("[a-z][a-z0-9+.-]*:[^\\s<>()'\"]+");
    private static final Pattern UNSAFE_IN_TITLE = Pattern.compile("['\"\\\\&<>|\n]");
    private static final Pattern HTML_NAME = Pattern.compile("[a-z][a-z0-9]*");

    private static final Set<String> LINK_ATTRIBUTES = Set.of("href");
    private static final Set<String> IMAGE_ATTRIBUTES_IN_TITLE = Set.of("ac:align", "ac:width", "ac:height",
            "ac:border", "ac:class", "ac:title", "ac:style", "ac:thumbnail", "ac:vspace", "ac:hspace",
            "ac:layout", "ac:original-height", "ac:original-width", "ac:custom-width", "ac:queryparams");

    private final PageDirectory directory;
    private final WriteMode mode;
    private final boolean inTable;
    private final StringBuilder out = new StringBuilder();
    private boolean lineStart = true;

    InlineWriter(PageDirectory directory, WriteMode mode, boolean inTable) {
        this.directory = directory;
        this.mode = mode;
        this.inTable = inTable;
    }

    /**
     * Writes the children of an element.
     *
     * @param parent the element whose children are inline content
     * @return the Markdown
     */
    String write(Node parent) {
        children(parent);
        return out.toString();
    }

    private void children(Node parent) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            node(child);
        }
    }

    private void node(Node node) {
        if (Dom.isText(node)) {
            // the safe mode also escapes every pipe, so no line of text can be read as a table row
            emit(MarkdownEscaper.escape(node, lineStart, inTable || mode == WriteMode.SAFE));
            return;
        }
        if (!Dom.isElement(node)) {
            return;
        }
        Element element = (Element) node;
        String name = element.getTagName();
        boolean plain = element.attributeCount() == 0;
        switch (name) {
            case "strong" -> delimited(element, "**", plain);
            case "em" -> delimited(element, "*", plain);
            case "s" -> delimited(element, "~~", plain);
            case "code" -> code(element, plain);
            case "br" -> lineBreak(element, plain);
            case "a" -> anchor(element);
            case "ac:link" -> pageLink(element);
            case "ac:image" -> image(element);
            case "ac:inline-comment-marker" -> wrapped(element);
            case "ac:structured-macro", "ac:emoticon" -> macro(element);
            default -> other(element);
        }
    }

    private void delimited(Element element, String delimiter, boolean plain) {
        if (mode == WriteMode.PRETTY && plain && element.hasChildNodes()) {
            emit(delimiter);
            children(element);
            emit(delimiter);
        } else {
            html(element);
        }
    }

    private void code(Element element, boolean plain) {
        String text = element.getTextContent();
        boolean onlyText = Dom.elements(element).isEmpty();
        boolean touchesBacktick = out.length() > 0 && out.charAt(out.length() - 1) == '`';
        if (!plain || !onlyText || text.isEmpty() || text.isBlank() || (inTable && text.contains("|"))
                || touchesBacktick) {
            html(element);
            return;
        }
        int longest = 0;
        int run = 0;
        for (char character : text.toCharArray()) {
            run = character == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        boolean pad = text.startsWith("`") || text.endsWith("`") || (text.startsWith(" ") && text.endsWith(" "));
        emit(fence + (pad ? " " : "") + text + (pad ? " " : "") + fence);
    }

    private void lineBreak(Element element, boolean plain) {
        if (mode == WriteMode.PRETTY && plain && !inTable && element.getNextSibling() != null) {
            out.append("\\\n");
            lineStart = true;
        } else {
            html(element);
        }
    }

    private void anchor(Element element) {
        String href = element.getAttribute("href");
        if (!Dom.hasOnlyAttributes(element, LINK_ATTRIBUTES) || !element.hasAttribute("href")
                || !PLAIN_DESTINATION.matcher(href).matches()) {
            html(element);
            return;
        }
        emit("[");
        children(element);
        emit("](" + destination(href) + ")");
    }

    private void pageLink(Element link) {
        Element page = Dom.child(link, "ri:page");
        Element attachment = Dom.child(link, "ri:attachment");
        Element body = Dom.child(link, "ac:plain-text-link-body");
        int expected = 1 + (body == null ? 0 : 1);
        if (Dom.elements(link).size() != expected || Dom.hasText(link)
                || !Dom.hasOnlyAttributes(link, Set.of("ac:anchor"))) {
            verbatim(link);
            return;
        }
        String anchor = link.getAttribute("ac:anchor");
        String target;
        String text;
        if (page != null && Dom.hasOnlyAttributes(page, Set.of("ri:content-title"))) {
            String title = page.getAttribute("ri:content-title");
            Optional<RecordId> id = directory.idOfTitle(title);
            if (id.isEmpty() || !directory.titleOf(id.get()).map(title::equals).orElse(false)) {
                verbatim(link);
                return;
            }
            target = RecordLinks.target(id.get(), anchor);
            text = body == null ? title : body.getTextContent();
            if (body != null && text.equals(title)) {
                verbatim(link);
                return;
            }
        } else if (attachment != null && Dom.hasOnlyAttributes(attachment, Set.of("ri:filename"))
                && !attachment.getAttribute("ri:filename").isEmpty() && anchor.isEmpty()
                && (body == null || !body.getTextContent().isEmpty())) {
            // Without a body Confluence shows the file name, which becomes the Markdown text; a body
            // spelling out the file name stays verbatim so that both forms come back as they were.
            String fileName = attachment.getAttribute("ri:filename");
            target = RecordLinks.attachmentTarget(fileName);
            text = body == null ? fileName : body.getTextContent();
            if (body != null && text.equals(fileName)) {
                verbatim(link);
                return;
            }
        } else {
            verbatim(link);
            return;
        }
        if (text.isBlank() || !text.equals(text.strip()) || text.contains("\n")) {
            verbatim(link);
            return;
        }
        emit("[" + MarkdownEscaper.escape(text, false, inTable) + "](" + destination(target) + ")");
    }

    private void image(Element image) {
        List<Element> children = Dom.elements(image);
        if (children.size() != 1 || Dom.hasText(image)) {
            verbatim(image);
            return;
        }
        Element source = children.get(0);
        String target;
        if (Dom.is(source, "ri:attachment") && Dom.hasOnlyAttributes(source, Set.of("ri:filename"))
                && !source.getAttribute("ri:filename").isEmpty()) {
            target = RecordLinks.attachmentTarget(source.getAttribute("ri:filename"));
        } else if (Dom.is(source, "ri:url") && Dom.hasOnlyAttributes(source, Set.of("ri:value"))
                && ABSOLUTE_URL.matcher(source.getAttribute("ri:value")).matches()
                && !source.getAttribute("ri:value").startsWith("reposix:")) {
            target = source.getAttribute("ri:value");
        } else {
            verbatim(image);
            return;
        }
        StringBuilder title = new StringBuilder();
        List<String> attributes = new ArrayList<>(Dom.attributeNames(image));
        attributes.sort(null);
        for (String attribute : attributes) {
            String value = image.getAttribute(attribute);
            if ("ac:alt".equals(attribute)) {
                continue;
            }
            if (!IMAGE_ATTRIBUTES_IN_TITLE.contains(attribute) || UNSAFE_IN_TITLE.matcher(value).find()) {
                verbatim(image);
                return;
            }
            title.append(title.length() == 0 ? "" : " ").append(attribute).append("=\"").append(value).append('"');
        }
        String alt = image.getAttribute("ac:alt");
        if (!alt.equals(alt.strip()) || alt.contains("\n")) {
            verbatim(image);
            return;
        }
        emit("![" + MarkdownEscaper.escape(alt, false, inTable) + "](" + target
                + (title.length() == 0 ? "" : " '" + title + "'") + ")");
    }

    private void macro(Element macro) {
        String standIn = HtmlStandIns.toMarkdown(macro, inTable);
        if (standIn == null) {
            verbatim(macro);
        } else {
            emit(standIn);
        }
    }

    private void wrapped(Element element) {
        StorageSerializer serializer = new StorageSerializer(StorageSerializer.Style.ONE_LINE);
        emit(Markers.inline(serializer.startTag(element)));
        children(element);
        emit(Markers.inline(StorageSerializer.endTag(element)));
    }

    private void other(Element element) {
        String name = element.getTagName();
        if (name.contains(":") || Dom.BLOCKS.contains(name) || !HTML_NAME.matcher(name).matches()) {
            if (Dom.isBlock(element)) {
                throw new NotRepresentable("block element " + name + " inside inline content");
            }
            verbatim(element);
            return;
        }
        html(element);
    }

    private void html(Element element) {
        StorageSerializer serializer = new StorageSerializer(StorageSerializer.Style.ONE_LINE);
        if (!element.hasChildNodes()) {
            String start = serializer.startTag(element);
            emit(start.substring(0, start.length() - 1) + " />");
            return;
        }
        emit(serializer.startTag(element));
        children(element);
        emit(StorageSerializer.endTag(element));
    }

    private void verbatim(Element element) {
        emit(Markers.inline(new StorageSerializer(StorageSerializer.Style.ONE_LINE).write(element)));
    }

    private void emit(String markdown) {
        if (!markdown.isEmpty()) {
            out.append(markdown);
            lineStart = false;
        }
    }

    private static String destination(String target) {
        if (target.contains("(") || target.contains(")")) {
            return "<" + target + ">";
        }
        return target;
    }
}
