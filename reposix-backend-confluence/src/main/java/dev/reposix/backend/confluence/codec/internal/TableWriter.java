package dev.reposix.backend.confluence.codec.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a storage table as a GFM pipe table when it has one header row of {@code th} cells,
 * body rows of {@code td} cells, no merged cells and only inline content in cells; what the
 * pipe table cannot say about the table itself (attributes, column widths, {@code thead}) goes into
 * a {@code <!--confluence-table ...-->} line before it. Any other table is kept as an HTML block,
 * one row per line, which GitHub renders and flexmark passes through.
 *
 * <p>Immutable and thread-safe.
 */
final class TableWriter {

    /** The table start that a pipe table without a marker stands for. */
    static final String DEFAULT_START = "<table><tbody>";

    private final BlockWriter blocks;

    TableWriter(BlockWriter blocks) {
        this.blocks = blocks;
    }

    /**
     * Writes a table.
     *
     * @param table the table element
     * @return the Markdown
     */
    String table(Element table) {
        try {
            return pipeTable(table);
        } catch (NotRepresentable complex) {
            return htmlTable(table);
        }
    }

    private String pipeTable(Element table) {
        StorageSerializer serializer = new StorageSerializer(StorageSerializer.Style.ONE_LINE);
        StringBuilder start = new StringBuilder(serializer.startTag(table));
        List<Element> rows = new ArrayList<>();
        List<Element> parts = Dom.elements(table);
        if (Dom.hasText(table) || parts.isEmpty()) {
            throw new NotRepresentable("table text");
        }
        int index = 0;
        if ("colgroup".equals(parts.get(0).getTagName())) {
            start.append(serializer.write(parts.get(0)));
            index++;
        }
        List<Element> sections = parts.subList(index, parts.size());
        if (sections.size() == 1 && "tbody".equals(sections.get(0).getTagName())) {
            start.append("<tbody>");
            rows.addAll(Dom.elements(sections.get(0)));
        } else if (sections.size() == 2 && "thead".equals(sections.get(0).getTagName())
                && "tbody".equals(sections.get(1).getTagName()) && Dom.elements(sections.get(0)).size() == 1) {
            start.append("<thead>");
            rows.addAll(Dom.elements(sections.get(0)));
            rows.addAll(Dom.elements(sections.get(1)));
        } else if (sections.stream().allMatch(section -> "tr".equals(section.getTagName()))) {
            rows.addAll(sections);
        } else {
            throw new NotRepresentable("table sections");
        }
        for (Element section : sections) {
            if (section.attributeCount() > 0) {
                throw new NotRepresentable("section attributes");
            }
        }
        if (rows.isEmpty()) {
            throw new NotRepresentable("table without rows");
        }
        StringBuilder out = new StringBuilder();
        if (!DEFAULT_START.equals(start.toString())) {
            out.append(Markers.TABLE).append(start).append(Markers.END).append("\n\n");
        }
        int columns = -1;
        for (int rowIndex = 0; rowIndex < rows.size(); rowIndex++) {
            List<String> cells = row(rows.get(rowIndex), rowIndex == 0 ? "th" : "td");
            if (columns >= 0 && cells.size() != columns) {
                throw new NotRepresentable("ragged table");
            }
            columns = cells.size();
            out.append("| ").append(String.join(" | ", cells)).append(" |");
            if (rowIndex == 0) {
                out.append("\n|").append(" --- |".repeat(columns));
            }
            if (rowIndex < rows.size() - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private List<String> row(Element row, String cellName) {
        if (!"tr".equals(row.getTagName()) || row.attributeCount() > 0 || Dom.hasText(row)) {
            throw new NotRepresentable("row shape");
        }
        List<String> cells = new ArrayList<>();
        for (Element cell : Dom.elements(row)) {
            if (!cellName.equals(cell.getTagName()) || cell.attributeCount() > 0) {
                throw new NotRepresentable("cell shape");
            }
            for (Node child : Dom.children(cell)) {
                if (Dom.isBlock(child) || Dom.is(child, "ac:structured-macro")
                        && Dom.child(child, "ac:plain-text-body") != null) {
                    throw new NotRepresentable("block in a cell");
                }
            }
            String text = blocks.inline(cell, true);
            if (text.contains("\n")) {
                throw new NotRepresentable("line break in a cell");
            }
            cells.add(text);
        }
        if (cells.isEmpty()) {
            throw new NotRepresentable("empty row");
        }
        return cells;
    }

    private static String htmlTable(Element table) {
        StorageSerializer serializer = new StorageSerializer(StorageSerializer.Style.ONE_LINE);
        StringBuilder out = new StringBuilder(serializer.startTag(table));
        for (Node part : Dom.children(table)) {
            if (Dom.is(part, "tbody") || Dom.is(part, "thead") || Dom.is(part, "tfoot")) {
                out.append('\n').append(serializer.startTag((Element) part));
                for (Node row : Dom.children(part)) {
                    out.append('\n').append(serializer.write(row));
                }
                out.append('\n').append(StorageSerializer.endTag((Element) part));
            } else {
                out.append('\n').append(serializer.write(part));
            }
        }
        return out.append('\n').append(StorageSerializer.endTag(table)).toString();
    }
}
