package dev.reposix.backend.confluence.codec;

import dev.reposix.api.ErrorCategory;
import dev.reposix.api.ErrorCode;
import dev.reposix.api.ErrorInfo;

/**
 * Error codes of the storage ⇄ Markdown codec (range 2100..2199 of the Confluence block).
 * Immutable and thread-safe.
 */
public enum CodecErrorCode implements ErrorCode {
    /** Storage XHTML that is not well-formed even after the codec's lenient wrapping. */
    MALFORMED_STORAGE(new ErrorInfo(2101, ErrorCategory.EXTERNAL,
            "A page body in Confluence storage format is not well-formed XHTML (an unclosed tag, an"
                    + " unknown entity, a stray '&' or '<'), so it cannot be converted to Markdown.",
            "Open the page in Confluence and re-save it, or fix the storage at the line and column the"
                    + " message names (for `reposix convert`, fix the input file).",
            "reposix convert --to markdown < page.xml")),
    /** Markdown that has no Confluence equivalent. */
    UNSUPPORTED_MARKDOWN(new ErrorInfo(2102, ErrorCategory.USER,
            "The Markdown uses a construct Confluence cannot store, such as a [!IMPORTANT] alert.",
            "Change the construct as the message suggests (for example use [!NOTE], [!TIP], [!WARNING]"
                    + " or [!CAUTION]) and push again.",
            "> [!NOTE]")),
    /** Markdown whose raw HTML or preserved Confluence markers do not form valid storage. */
    INVALID_MARKDOWN_MARKUP(new ErrorInfo(2103, ErrorCategory.USER,
            "The Markdown contains raw HTML, a ```confluence-storage block or a <!--confluence ...-->"
                    + " marker that is damaged or unbalanced, so the page body would not be valid storage.",
            "Restore the marker or block named in the message from git (`git diff` shows what changed),"
                    + " or close the HTML tag, and push again.",
            "git diff -- pages/")),
    /** A link to a record that the space does not contain. */
    UNKNOWN_RECORD_LINK(new ErrorInfo(2104, ErrorCategory.USER,
            "A Markdown link points at reposix:record/<id> (or the file of a page) that is not a page of"
                    + " this space.",
            "Point the link at an existing page of the space, or remove it.",
            "[Runbook](Runbook.md)"));

    private final ErrorInfo info;

    CodecErrorCode(ErrorInfo info) {
        this.info = info;
    }

    @Override
    public ErrorInfo info() {
        return info;
    }
}
