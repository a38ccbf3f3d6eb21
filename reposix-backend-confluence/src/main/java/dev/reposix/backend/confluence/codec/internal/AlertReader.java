package dev.reposix.backend.confluence.codec.internal;

import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Node;
import dev.reposix.api.ReposixException;
import dev.reposix.backend.confluence.codec.CodecErrorCode;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a block quote: a GitHub alert ({@code > [!NOTE]}) becomes the matching Confluence panel
 * macro, with a bold line right after the marker as the panel's title; any other quote becomes a
 * {@code <blockquote>}. Immutable and thread-safe.
 */
final class AlertReader {

    private static final Pattern MARKER = Pattern.compile("\\[!([A-Za-z]+)\\][ \\t]*(?:\\n|$)");
    private static final Map<String, String> ALERT_TO_PANEL = Map.of("NOTE", "info", "TIP", "tip", "WARNING",
            "note", "CAUTION", "warning");

    private final MarkdownReader blocks;
    private final InlineReader inline;

    AlertReader(MarkdownReader blocks, InlineReader inline) {
        this.blocks = blocks;
        this.inline = inline;
    }

    void quote(Node quote, StringBuilder out, int[] taskCounter) {
        Node first = quote.getFirstChild();
        Matcher marker = first instanceof Paragraph ? MARKER.matcher(first.getChars()) : null;
        if (marker == null || !marker.lookingAt()) {
            out.append("<blockquote>");
            blocks.blocksOf(quote, first, out, taskCounter);
            out.append("</blockquote>");
            return;
        }
        String alert = marker.group(1).toUpperCase(Locale.ROOT);
        String panel = ALERT_TO_PANEL.get(alert);
        if (panel == null) {
            throw new ReposixException(CodecErrorCode.UNSUPPORTED_MARKDOWN, "the [!" + marker.group(1)
                    + "] alert at line " + (quote.getLineNumber() + 1) + " has no Confluence panel; use [!NOTE]"
                    + " (info panel), [!TIP] (tip), [!WARNING] (note) or [!CAUTION] (warning) instead");
        }
        Node afterMarker = afterFirstLine(first);
        String title = null;
        String leadingBody = "";
        if (afterMarker instanceof StrongEmphasis strong && strong.getNext() == null && isPlain(strong)) {
            title = strong.getChildChars().unescape();
        } else if (afterMarker != null) {
            leadingBody = "<p>" + inline.children(afterMarker, null) + "</p>";
        }
        out.append("<ac:structured-macro ac:name=\"").append(panel).append("\" ac:schema-version=\"1\">");
        if (title != null) {
            out.append("<ac:parameter ac:name=\"title\">").append(Xml.text(title)).append("</ac:parameter>");
        }
        out.append("<ac:rich-text-body>").append(leadingBody);
        blocks.blocksOf(quote, first.getNext(), out, taskCounter);
        out.append("</ac:rich-text-body></ac:structured-macro>");
    }

    /** The first inline node after the marker line, or null when the paragraph ends there. */
    private static Node afterFirstLine(Node paragraph) {
        for (Node node = paragraph.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof SoftLineBreak) {
                return node.getNext();
            }
        }
        return null;
    }

    private static boolean isPlain(Node strong) {
        for (Node child = strong.getFirstChild(); child != null; child = child.getNext()) {
            if (!(child instanceof Text)) {
                return false;
            }
        }
        return strong.hasChildren();
    }
}
