package dev.reposix.backend.confluence.codec.internal;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListItem;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import dev.reposix.api.ReposixException;
import dev.reposix.backend.confluence.codec.CodecErrorCode;
import dev.reposix.backend.confluence.codec.PageDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts GitHub-flavoured Markdown to storage XHTML: the inverse of {@link MarkdownWriter}.
 * flexmark parses the Markdown with the table, strikethrough and task-list extensions, and with
 * HTML comments kept inline so that a line starting with one of the codec's markers stays part of
 * its paragraph.
 *
 * <p>Immutable and thread-safe (flexmark parsers are).
 */
public final class MarkdownReader {

    private static final Parser PARSER = createParser();
    private static final Pattern DETAILS = Pattern.compile("\\s*<details>(?:<summary>([^<]*)</summary>)?\\s*");

    private final InlineReader inline;
    private final TableReader tables;

    /**
     * Creates a reader.
     *
     * @param directory resolves page links
     */
    public MarkdownReader(PageDirectory directory) {
        this.inline = new InlineReader(directory);
        this.tables = new TableReader(inline);
    }

    /**
     * Converts Markdown to storage, without checking that the result is well-formed.
     *
     * @param markdown the Markdown (CRLF is read as LF)
     * @return the storage
     */
    public String toStorage(String markdown) {
        Node document = PARSER.parse(markdown.replace("\r\n", "\n"));
        StringBuilder out = new StringBuilder();
        blocks(document, out, new int[] {0});
        return out.toString();
    }

    private void blocks(Node parent, StringBuilder out, int[] taskCounter) {
        String tableStart = null;
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            String marker = soleMarker(node, Markers.TABLE);
            if (marker != null) {
                tableStart = marker;
                continue;
            }
            if (node instanceof TableBlock table) {
                out.append(tables.table(table, tableStart == null ? TableWriter.DEFAULT_START : tableStart));
            } else {
                block(node, out, taskCounter);
            }
            tableStart = null;
        }
    }

    private void block(Node node, StringBuilder out, int[] taskCounter) {
        if (node instanceof Paragraph) {
            String fragment = soleMarker(node, Markers.BLOCK);
            out.append(fragment != null ? fragment : textBlock("p", node));
        } else if (node instanceof Heading heading) {
            out.append(textBlock("h" + heading.getLevel(), node));
        } else if (node instanceof BulletList || node instanceof OrderedList) {
            list((ListBlock) node, out, taskCounter);
        } else if (node instanceof BlockQuote) {
            new AlertReader(this, inline).quote(node, out, taskCounter);
        } else if (node instanceof FencedCodeBlock code) {
            String content = code.getContentChars().toString();
            if (content.endsWith("\n")) {
                content = content.substring(0, content.length() - 1);
            }
            String info = code.getInfo().toString();
            out.append(Markers.FENCE_INFO.equals(info) ? content : CodeInfo.macro(info, content));
        } else if (node instanceof IndentedCodeBlock code) {
            String content = code.getContentChars().toString();
            out.append(CodeInfo.macro("", content.endsWith("\n") ? content.substring(0, content.length() - 1) : content));
        } else if (node instanceof ThematicBreak) {
            out.append("<hr />");
        } else if (node instanceof HtmlCommentBlock || node instanceof Reference) {
            // a comment a person wrote has no storage twin; link references are resolved inline
        } else if (node instanceof HtmlBlock) {
            String html = node.getChars().toString();
            html = html.endsWith("\n") ? html.substring(0, html.length() - 1) : html;
            Matcher details = DETAILS.matcher(html);
            if (details.matches()) {
                out.append("<ac:structured-macro ac:name=\"expand\" ac:schema-version=\"1\">");
                if (details.group(1) != null) {
                    out.append("<ac:parameter ac:name=\"title\">")
                            .append(Xml.text(Xml.unescape(details.group(1))))
                            .append("</ac:parameter>");
                }
                out.append("<ac:rich-text-body>");
            } else if ("</details>".equals(html.strip())) {
                out.append("</ac:rich-text-body></ac:structured-macro>");
            } else {
                out.append(html);
            }
        } else if (node.hasChildren()) {
            blocks(node, out, taskCounter);
        }
    }

    void blocksOf(Node parent, Node first, StringBuilder out, int[] taskCounter) {
        for (Node node = first; node != null; node = node.getNext()) {
            block(node, out, taskCounter);
        }
    }

    private void list(ListBlock list, StringBuilder out, int[] taskCounter) {
        List<Node> items = new ArrayList<>();
        list.getChildren().forEach(items::add);
        long tasks = items.stream().filter(TaskListItem.class::isInstance).count();
        if (tasks > 0 && (tasks != items.size() || list instanceof OrderedList)) {
            throw new ReposixException(CodecErrorCode.UNSUPPORTED_MARKDOWN, "the list at line "
                    + (list.getLineNumber() + 1) + " mixes task items (- [ ] ...) with other items or numbers"
                    + " them; Confluence task lists are bulleted lists of tasks only: make every item a task"
                    + " or start the tasks as a separate list");
        }
        boolean taskList = tasks > 0;
        String name = taskList ? "ac:task-list" : list instanceof OrderedList ? "ol" : "ul";
        out.append('<').append(name).append('>');
        for (Node item : items) {
            if (taskList) {
                TaskListItem task = (TaskListItem) item;
                taskCounter[0]++;
                out.append("<ac:task><ac:task-id>").append(taskCounter[0]).append("</ac:task-id><ac:task-status>")
                        .append(task.isItemDoneMarker() ? "complete" : "incomplete")
                        .append("</ac:task-status><ac:task-body>");
                Node first = item.getFirstChild();
                if (first instanceof Paragraph) {
                    out.append(inline.children(first));
                    first = first.getNext();
                }
                blocksOf(item, first, out, taskCounter);
                out.append("</ac:task-body></ac:task>");
            } else {
                out.append("<li>");
                blocksOf(item, item.getFirstChild(), out, taskCounter);
                out.append("</li>");
            }
        }
        out.append("</").append(name).append('>');
    }

    /** A paragraph or heading, with the attributes its leading attribute marker preserved. */
    private String textBlock(String name, Node block) {
        Node first = block.getFirstChild();
        String attributes = first instanceof HtmlInlineComment comment
                ? Markers.content(comment.getChars().toString(), Markers.ATTRIBUTES) : null;
        if (attributes == null) {
            return "<" + name + ">" + inline.children(block) + "</" + name + ">";
        }
        return "<" + name + " " + attributes + ">" + inline.children(first.getNext(), null) + "</" + name + ">";
    }

    /** The storage in a paragraph that holds nothing but one marker comment of this kind. */
    private static String soleMarker(Node node, String opening) {
        if (node instanceof Paragraph && node.getFirstChild() instanceof HtmlInlineComment comment
                && comment.getNext() == null) {
            return Markers.content(comment.getChars().toString(), opening);
        }
        return null;
    }

    private static Parser createParser() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create(),
                TaskListExtension.create()));
        options.set(Parser.HTML_BLOCK_COMMENT_ONLY_FULL_LINE, true);
        // GitHub's table rules: no column spans, rows padded or cut to the header's width
        options.set(TablesExtension.COLUMN_SPANS, false);
        options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
        return Parser.builder(options).build();
    }
}
