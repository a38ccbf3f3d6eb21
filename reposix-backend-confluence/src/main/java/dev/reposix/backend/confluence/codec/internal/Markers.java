package dev.reposix.backend.confluence.codec.internal;

/**
 * The spellings the codec uses in Markdown for storage it keeps as is. Stateless, thread-safe.
 *
 * <ul>
 *   <li>A block without a Markdown form: a fenced block with the info string
 *       {@value #FENCE_INFO} holding the storage XHTML.</li>
 *   <li>Inline storage without a Markdown form, or the start or end tag of an inline wrapper whose
 *       content stays Markdown: {@code <!--confluence <ac:emoticon ac:name="smile" />-->}.</li>
 *   <li>The start or end tags of a block wrapper (a layout, a macro with a rich-text body) whose
 *       content stays Markdown, on a line of its own: {@code <!--confluence-block <ac:layout>-->}.</li>
 *   <li>Attributes of a paragraph or heading (alignment, indentation), at its start:
 *       {@code <!--confluence-attributes style="text-align: center;"-->Centred text}.</li>
 *   <li>What a pipe table cannot say about its table (attributes, column widths), on the line
 *       before the table: {@code <!--confluence-table <table data-layout="default"><tbody>-->}.</li>
 * </ul>
 */
public final class Markers {

    /** Info string of a verbatim block. */
    public static final String FENCE_INFO = "confluence-storage";
    /** Opening of an inline marker. */
    public static final String INLINE = "<!--confluence ";
    /** Opening of a block marker. */
    public static final String BLOCK = "<!--confluence-block ";
    /** Opening of a paragraph or heading attribute marker. */
    public static final String ATTRIBUTES = "<!--confluence-attributes ";
    /** Opening of a table marker. */
    public static final String TABLE = "<!--confluence-table ";
    /** Closing of every marker. */
    public static final String END = "-->";

    private Markers() {
    }

    /**
     * Wraps one-line storage in an inline marker.
     *
     * @param storage storage written in {@link StorageSerializer.Style#ONE_LINE}
     * @return the marker
     */
    public static String inline(String storage) {
        return INLINE + storage + END;
    }

    /**
     * The storage inside a marker comment, if the comment is one of the codec's markers.
     *
     * @param comment an HTML comment, {@code <!--...-->}
     * @param opening one of {@link #INLINE}, {@link #BLOCK}, {@link #TABLE}
     * @return the storage, or null if the comment is not such a marker
     */
    public static String content(String comment, String opening) {
        String trimmed = comment.strip();
        if (trimmed.startsWith(opening) && trimmed.endsWith(END)) {
            return trimmed.substring(opening.length(), trimmed.length() - END.length());
        }
        return null;
    }
}
