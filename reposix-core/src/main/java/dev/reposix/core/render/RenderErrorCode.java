package dev.reposix.core.render;

import dev.reposix.api.ErrorCategory;
import dev.reposix.api.ErrorCode;
import dev.reposix.api.ErrorInfo;

/**
 * Error codes of rendering, file parsing and layout (range 02xx of the api/core block). Immutable
 * and thread-safe.
 *
 * @since 0.1
 */
public enum RenderErrorCode implements ErrorCode {
    /** The frontmatter is not valid YAML, or not a mapping of the known keys. */
    FRONTMATTER_SYNTAX(new ErrorInfo(201, ErrorCategory.USER,
            "The YAML frontmatter between the two --- lines of a record file cannot be read.",
            "Fix the line the message names; quote every value with double quotes.",
            "title: \"Deploy runbook\"")),
    /** The frontmatter holds a key reposix does not know. */
    FRONTMATTER_UNKNOWN_KEY(new ErrorInfo(202, ErrorCategory.USER,
            "Record files hold only the keys id, title, status, labels (and parent in the flat layout);"
                    + " anything else would be silently lost on push.",
            "Remove the key the message names, or move the information into the body.",
            "")),
    /** A frontmatter value has the wrong type or form. */
    FRONTMATTER_INVALID_VALUE(new ErrorInfo(203, ErrorCategory.USER,
            "A frontmatter value has the wrong form: titles and ids are quoted strings, labels a list"
                    + " of strings, status one of current, draft, archived, trashed.",
            "Correct the value on the line the message names.",
            "labels: [\"ops\"]")),
    /** The frontmatter is larger than reposix accepts. */
    FRONTMATTER_TOO_LARGE(new ErrorInfo(204, ErrorCategory.USER,
            "The frontmatter is larger than 64 KB, or its closing --- line is missing in the first 64 KB.",
            "Close the frontmatter with a line holding only ---, and keep long text in the body.",
            "")),
    /** The frontmatter uses a YAML feature reposix refuses. */
    FRONTMATTER_UNSAFE_YAML(new ErrorInfo(205, ErrorCategory.USER,
            "Anchors, aliases, tags, nested structures and multiple documents are refused in frontmatter:"
                    + " they are never needed and can make a parser explode.",
            "Write plain key: \"value\" lines and a simple list for labels.",
            "")),
    /** A file is not valid UTF-8. */
    NOT_UTF8(new ErrorInfo(206, ErrorCategory.USER,
            "Record files and .reposix/config must be UTF-8; the file holds bytes that are not.",
            "Re-save the file as UTF-8 in your editor.",
            "iconv -f latin1 -t utf-8 page.md > fixed.md")),
    /** The frontmatter of a file is opened but never closed. */
    FRONTMATTER_NOT_CLOSED(new ErrorInfo(207, ErrorCategory.USER,
            "A record file starts with a --- line but no second --- line closes the frontmatter.",
            "Add a line holding only --- after the last frontmatter key.",
            "")),
    /** The .reposix/config file cannot be read. */
    TREE_CONFIG_INVALID(new ErrorInfo(210, ErrorCategory.USER,
            "The .reposix/config file at the root of the working tree is malformed or incomplete.",
            "Restore it with `git checkout -- .reposix/config`; reposix writes it, it is not meant to be edited.",
            "git checkout -- .reposix/config")),
    /** The tree was rendered by a newer reposix. */
    RENDER_VERSION_UNSUPPORTED(new ErrorInfo(211, ErrorCategory.USER,
            "The working tree was rendered by a newer reposix, with a render version this one does not know.",
            "Upgrade reposix to the version that rendered the tree.",
            "")),
    /** Two record files claim the same record id. */
    DUPLICATE_FILE_ID(new ErrorInfo(212, ErrorCategory.USER,
            "Two files in the records folder carry the same id in their frontmatter (usually one is a copy of the"
                    + " other); a page has exactly one file, so reposix cannot tell which one is the page, and"
                    + " stops before changing anything.",
            "Delete the copy, or remove the id line from it so that a push creates it as a new page; commit, and"
                    + " run the command again.",
            "sed -i '/^id: /d' 'pages/Copy of Roadmap.md'")),
    /** The source of truth listed a record twice. */
    DUPLICATE_RECORD_ID(new ErrorInfo(220, ErrorCategory.EXTERNAL,
            "The source of truth listed the same record id twice in one manifest, so no layout can be planned.",
            "Run the command again; if it persists, report it with the record id from the message.",
            ""));

    private final ErrorInfo info;

    RenderErrorCode(ErrorInfo info) {
        this.info = info;
    }

    @Override
    public ErrorInfo info() {
        return info;
    }
}
