package dev.reposix.backend.confluence.codec.internal;

import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.util.ast.Node;

/**
 * Reads a GFM pipe table into a storage table, starting with the table start that the
 * {@code <!--confluence-table ...-->} line before it preserved. Immutable and thread-safe.
 */
final class TableReader {

    private final InlineReader inline;

    TableReader(InlineReader inline) {
        this.inline = inline;
    }

    String table(TableBlock table, String start) {
        StringBuilder out = new StringBuilder(start);
        boolean headSection = start.endsWith("<thead>");
        boolean bodySection = headSection || start.endsWith("<tbody>");
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            String cellName = section instanceof TableHead ? "th" : "td";
            if (!(section instanceof TableHead) && !(section instanceof TableBody)) {
                continue;
            }
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                if (row instanceof TableRow) {
                    row(row, cellName, out);
                }
            }
            if (section instanceof TableHead && headSection) {
                out.append("</thead><tbody>");
            }
        }
        if (bodySection) {
            out.append("</tbody>");
        }
        return out.append("</table>").toString();
    }

    private void row(Node row, String cellName, StringBuilder out) {
        out.append("<tr>");
        for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
            if (cell instanceof TableCell) {
                String content = inline.children(cell).strip();
                out.append('<').append(cellName).append('>');
                if (!content.isEmpty()) {
                    out.append("<p>").append(content).append("</p>");
                }
                out.append("</").append(cellName).append('>');
            }
        }
        out.append("</tr>");
    }
}
