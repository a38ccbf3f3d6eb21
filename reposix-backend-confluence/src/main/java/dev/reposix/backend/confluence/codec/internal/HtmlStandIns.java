package dev.reposix.backend.confluence.codec.internal;

import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.util.ast.Node;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline Confluence elements that read best as a small piece of HTML which GitHub renders and a
 * person understands, in both directions:
 * <ul>
 *   <li>status lozenge: {@code <span data-status="Green">On track</span>}</li>
 *   <li>emoticon with an emoji fallback: {@code <span data-emoticon="smile" data-emoji-id="1f642"
 *       data-emoji-shortname=":slight_smile:">🙂</span>}, the text being the fallback</li>
 *   <li>anchor macro: {@code <a id="rollback"></a>}</li>
 * </ul>
 * The writer only uses a stand-in when the element has exactly the shape the reader rebuilds, so
 * the round trip is exact; anything else stays an inline {@code <!--confluence ...-->} marker.
 * Stateless, thread-safe.
 */
final class HtmlStandIns {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:-]+");
    private static final Pattern DATA_NAME = Pattern.compile("[a-z-]+");
    private static final Pattern SAFE_VALUE = Pattern.compile("[^<>\"&\\n|]*");
    private static final Pattern ANCHOR = Pattern.compile("<a id=\"([A-Za-z0-9_.:-]+)\">");
    private static final Pattern STATUS = Pattern.compile("<span data-status=\"([^\"<>&]*)\"( data-subtle=\"true\")?>");
    private static final Pattern EMOTICON = Pattern.compile("<span data-emoticon=\"([^\"<>&]*)\"((?: data-[a-z-]+=\"[^\"<>&]*\")*)>");
    private static final Pattern DATA_ATTRIBUTE = Pattern.compile(" data-([a-z-]+)=\"([^\"<>&]*)\"");
    private static final Set<String> STATUS_PARAMETERS = Set.of("colour", "title", "subtle");

    private HtmlStandIns() {
    }

    /**
     * The stand-in for an inline element, or null if it has none.
     *
     * @param element an inline element
     * @param inTable whether it sits in a pipe-table cell
     * @return the Markdown, or null
     */
    static String toMarkdown(Element element, boolean inTable) {
        if (Dom.is(element, "ac:emoticon")) {
            return emoticon(element, inTable);
        }
        if (!Dom.is(element, "ac:structured-macro") || Dom.hasText(element)
                || !Dom.hasOnlyAttributes(element, BlockWriter.MACRO_IGNORED_ATTRIBUTES)) {
            return null;
        }
        String name = element.getAttribute("ac:name");
        List<Element> parameters = Dom.elements(element);
        for (Element parameter : parameters) {
            if (!"ac:parameter".equals(parameter.getTagName()) || parameter.attributeCount() != 1
                    || !Dom.elements(parameter).isEmpty() || !SAFE_VALUE.matcher(parameter.getTextContent()).matches()) {
                return null;
            }
        }
        if ("anchor".equals(name) && parameters.size() == 1 && parameters.get(0).getAttribute("ac:name").isEmpty()
                && NAME.matcher(parameters.get(0).getTextContent()).matches()) {
            return "<a id=\"" + parameters.get(0).getTextContent() + "\"></a>";
        }
        return "status".equals(name) ? status(element, inTable) : null;
    }

    private static String status(Element macro, boolean inTable) {
        for (Element parameter : Dom.elements(macro)) {
            if (!STATUS_PARAMETERS.contains(parameter.getAttribute("ac:name"))) {
                return null;
            }
        }
        String colour = Dom.parameter(macro, "colour");
        String title = Dom.parameter(macro, "title");
        String subtle = Dom.parameter(macro, "subtle");
        if (colour == null || (title != null && (title.isEmpty() || !title.equals(title.strip())))
                || (subtle != null && !"true".equals(subtle))) {
            return null;
        }
        return "<span data-status=\"" + colour + "\"" + (subtle == null ? "" : " data-subtle=\"true\"") + ">"
                + (title == null ? "" : MarkdownEscaper.escape(title, false, inTable)) + "</span>";
    }

    private static String emoticon(Element emoticon, boolean inTable) {
        String fallback = emoticon.getAttribute("ac:emoji-fallback");
        if (emoticon.hasChildNodes() || fallback.isEmpty() || !fallback.equals(fallback.strip())
                || !emoticon.hasAttribute("ac:name")) {
            return null;
        }
        StringBuilder out = new StringBuilder("<span data-emoticon=\"").append(emoticon.getAttribute("ac:name")).append('"');
        for (String attribute : Dom.attributeNames(emoticon)) {
            String value = emoticon.getAttribute(attribute);
            if (!attribute.startsWith("ac:") || !SAFE_VALUE.matcher(value).matches()
                    || !DATA_NAME.matcher(attribute.substring(3)).matches()) {
                return null;
            }
            if (!"ac:name".equals(attribute) && !"ac:emoji-fallback".equals(attribute)) {
                out.append(" data-").append(attribute.substring(3)).append("=\"").append(value).append('"');
            }
        }
        return out.append('>').append(MarkdownEscaper.escape(fallback, false, inTable)).append("</span>").toString();
    }

    /**
     * Reads a stand-in that starts at this node.
     *
     * @param open an inline node
     * @return the storage and the stand-in's last node, or null if no stand-in starts here
     */
    static Read fromMarkdown(Node open) {
        if (!(open instanceof HtmlInline)) {
            return null;
        }
        Matcher anchor = ANCHOR.matcher(open.getChars());
        if (anchor.matches() && open.getNext() instanceof HtmlInline end && "</a>".equals(end.getChars().toString())) {
            return new Read("<ac:structured-macro ac:name=\"anchor\" ac:schema-version=\"1\"><ac:parameter ac:name=\"\">"
                    + anchor.group(1) + "</ac:parameter></ac:structured-macro>", end);
        }
        Node close = spanEnd(open);
        if (close == null) {
            return null;
        }
        String text = textBetween(open, close);
        Matcher status = STATUS.matcher(open.getChars());
        if (status.matches()) {
            StringBuilder out = new StringBuilder("<ac:structured-macro ac:name=\"status\" ac:schema-version=\"1\">");
            parameter(out, "colour", status.group(1));
            if (!text.isEmpty()) {
                parameter(out, "title", text);
            }
            if (status.group(2) != null) {
                parameter(out, "subtle", "true");
            }
            return new Read(out.append("</ac:structured-macro>").toString(), close);
        }
        Matcher emoticon = EMOTICON.matcher(open.getChars());
        if (emoticon.matches() && !text.isEmpty()) {
            StringBuilder out = new StringBuilder("<ac:emoticon ac:name=\"").append(Xml.text(emoticon.group(1))).append('"');
            Matcher attributes = DATA_ATTRIBUTE.matcher(emoticon.group(2));
            while (attributes.find()) {
                out.append(" ac:").append(attributes.group(1)).append("=\"").append(Xml.text(attributes.group(2)))
                        .append('"');
            }
            return new Read(out.append(" ac:emoji-fallback=\"").append(Xml.text(text)).append("\" />").toString(), close);
        }
        return null;
    }

    private static void parameter(StringBuilder out, String name, String value) {
        out.append("<ac:parameter ac:name=\"").append(name).append("\">").append(Xml.text(value)).append("</ac:parameter>");
    }

    /** The closing {@code </span>} after plain text, or null. */
    private static Node spanEnd(Node open) {
        for (Node node = open.getNext(); node != null; node = node.getNext()) {
            if (node instanceof HtmlInline) {
                return "</span>".equals(node.getChars().toString()) ? node : null;
            }
            if (!(node instanceof Text) && !(node instanceof HtmlEntity) && !(node instanceof TextBase)) {
                return null;
            }
        }
        return null;
    }

    private static String textBetween(Node open, Node close) {
        StringBuilder text = new StringBuilder();
        for (Node node = open.getNext(); node != close; node = node.getNext()) {
            text.append(node.getChars().unescape());
        }
        return text.toString();
    }

    /** A stand-in read from Markdown: its storage and the last node it spans. */
    record Read(String storage, Node last) {
    }
}
