package dev.reposix.backend.confluence.codec.internal;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.ext.gfm.strikethrough.Strikethrough;
import com.vladsch.flexmark.util.ast.Node;
import dev.reposix.api.RecordId;
import dev.reposix.api.RecordLinks;
import dev.reposix.api.ReposixException;
import dev.reposix.backend.confluence.codec.CodecErrorCode;
import dev.reposix.backend.confluence.codec.PageDirectory;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Converts flexmark inline nodes to storage: the inverse of {@link InlineWriter}. Raw inline HTML
 * and the codec's inline markers pass through unchanged; other HTML comments are dropped.
 *
 * <p>Immutable and thread-safe.
 */
final class InlineReader {

    private static final Pattern ATTRIBUTE_LIST = Pattern.compile("(\\s*ac:[a-z-]+=\"[^\"<>&]*\")+\\s*");


    private final PageDirectory directory;

    InlineReader(PageDirectory directory) {
        this.directory = directory;
    }

    /**
     * Converts the children of a node.
     *
     * @param parent a paragraph, heading, cell or inline container
     * @return the storage
     */
    String children(Node parent) {
        return children(parent.getFirstChild(), null);
    }

    /**
     * Converts a run of sibling nodes.
     *
     * @param first the first node
     * @param end the node after the last, or null for all
     * @return the storage
     */
    String children(Node first, Node end) {
        StringBuilder out = new StringBuilder();
        for (Node node = first; node != null && node != end; node = node.getNext()) {
            HtmlStandIns.Read standIn = HtmlStandIns.fromMarkdown(node);
            if (standIn != null) {
                out.append(standIn.storage());
                node = standIn.last();
            } else {
                out.append(node(node));
            }
        }
        return out.toString();
    }

    private String node(Node node) {
        if (node instanceof Text || node instanceof HtmlEntity) {
            return Xml.text(node.getChars().unescape());
        }
        if (node instanceof TextBase) {
            return children(node);
        }
        if (node instanceof SoftLineBreak) {
            return " ";
        }
        if (node instanceof HardLineBreak) {
            return "<br />";
        }
        if (node instanceof StrongEmphasis) {
            return "<strong>" + children(node) + "</strong>";
        }
        if (node instanceof Emphasis) {
            return "<em>" + children(node) + "</em>";
        }
        if (node instanceof Strikethrough) {
            return "<s>" + children(node) + "</s>";
        }
        if (node instanceof Code code) {
            String text = code.getText().toString();
            // CommonMark 0.29: one space of padding on both sides is syntax, so `` `x` `` can hold backticks
            if (text.length() > 2 && text.startsWith(" ") && text.endsWith(" ") && !text.isBlank()) {
                text = text.substring(1, text.length() - 1);
            }
            return "<code>" + Xml.text(text) + "</code>";
        }
        if (node instanceof HtmlInlineComment) {
            String storage = Markers.content(node.getChars().toString(), Markers.INLINE);
            return storage == null ? "" : storage;
        }
        if (node instanceof HtmlInline) {
            return node.getChars().toString();
        }
        if (node instanceof Image image) {
            return image(image);
        }
        if (node instanceof Link link) {
            return link(link.getUrl().unescape(), link.getTitle().unescape(), link);
        }
        if (node instanceof LinkRef linkRef && linkRef.isDefined()) {
            Reference reference = linkRef.getReferenceNode(linkRef.getDocument());
            return link(reference.getUrl().unescape(), reference.getTitle().unescape(), linkRef);
        }
        if (node instanceof AutoLink autoLink) {
            String url = autoLink.getText().toString();
            return "<a href=\"" + Xml.text(url) + "\">" + Xml.text(url) + "</a>";
        }
        if (node instanceof MailLink mailLink) {
            String address = mailLink.getText().toString();
            return "<a href=\"mailto:" + Xml.text(address) + "\">" + Xml.text(address) + "</a>";
        }
        if (node.hasChildren()) {
            return children(node);
        }
        return Xml.text(node.getChars().unescape());
    }

    private String link(String url, String title, Node link) {
        Optional<RecordId> record = RecordLinks.recordOf(url);
        if (record.isPresent()) {
            String pageTitle = directory.titleOf(record.get()).orElseThrow(() -> new ReposixException(
                    CodecErrorCode.UNKNOWN_RECORD_LINK, "the link " + url + " (line " + line(link)
                            + ") points at a page this space does not have; link an existing page or remove it"));
            String anchor = RecordLinks.anchorOf(url).map(value -> " ac:anchor=\"" + Xml.text(value) + "\"").orElse("");
            return "<ac:link" + anchor + "><ri:page ri:content-title=\"" + Xml.text(pageTitle) + "\" />"
                    + linkBody(link, pageTitle) + "</ac:link>";
        }
        Optional<String> attachment = RecordLinks.attachmentOf(url);
        if (attachment.isPresent()) {
            return "<ac:link><ri:attachment ri:filename=\"" + Xml.text(attachment.get()) + "\" />"
                    + linkBody(link, attachment.get()) + "</ac:link>";
        }
        String titleAttribute = title.isEmpty() ? "" : " title=\"" + Xml.text(title) + "\"";
        return "<a href=\"" + Xml.text(url) + "\"" + titleAttribute + ">" + children(link) + "</a>";
    }

    private String linkBody(Node link, String redundantText) {
        StringBuilder plain = new StringBuilder();
        for (Node child = link.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text || child instanceof HtmlEntity) {
                plain.append(child.getChars().unescape());
            } else if (child instanceof TextBase) {
                plain.append(child.getChars().unescape());
            } else {
                return "<ac:link-body>" + children(link) + "</ac:link-body>";
            }
        }
        String text = plain.toString();
        if (text.isEmpty() || text.equals(redundantText)) {
            return "";
        }
        return "<ac:plain-text-link-body>" + Xml.cdata(text) + "</ac:plain-text-link-body>";
    }

    private String image(Image image) {
        String url = image.getUrl().unescape();
        String alt = image.getText().unescape();
        StringBuilder out = new StringBuilder("<ac:image");
        String title = image.getTitle().unescape();
        if (!title.isEmpty()) {
            out.append(imageAttributes(title));
        }
        if (!alt.isEmpty()) {
            out.append(" ac:alt=\"").append(Xml.text(alt)).append('"');
        }
        out.append('>');
        Optional<String> attachment = RecordLinks.attachmentOf(url);
        if (attachment.isPresent()) {
            out.append("<ri:attachment ri:filename=\"").append(Xml.text(attachment.get())).append("\" />");
        } else {
            out.append("<ri:url ri:value=\"").append(Xml.text(url)).append("\" />");
        }
        return out.append("</ac:image>").toString();
    }

    /** An image title the writer made from attributes is read back as them; any other title is the image's title. */
    private static String imageAttributes(String title) {
        if (ATTRIBUTE_LIST.matcher(title).matches()) {
            try {
                Element holder = Dom.elements(StorageParser.parse("<x " + title + " />")).get(0);
                StringBuilder out = new StringBuilder();
                for (String name : Dom.attributeNames(holder)) {
                    out.append(' ').append(name).append("=\"").append(Xml.text(holder.getAttribute(name))).append('"');
                }
                return out.toString();
            } catch (ReposixException notAttributes) {
                // a title that merely looks like attributes stays a title
            }
        }
        return " ac:title=\"" + Xml.text(title) + "\"";
    }

    private static int line(Node node) {
        return node.getLineNumber() + 1;
    }
}
