package dev.reposix.core.push;

import dev.reposix.api.ErrorCategory;
import dev.reposix.api.ErrorCode;
import dev.reposix.api.ErrorInfo;

/**
 * Error codes of pushes to a source of truth (range 4xxx). Each also has the short reason git shows
 * after {@code ! [remote rejected] main -> main}, in git's own vocabulary where git has a word for it.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public enum PushErrorCode implements ErrorCode {
    /** A page the push touches changed in the source of truth since the push's base. */
    FETCH_FIRST("fetch first", new ErrorInfo(4001, ErrorCategory.CONFLICT,
            "Someone changed a page in Confluence that your push also changes, after the version your commits"
                    + " are based on. Nothing was written.",
            "Fetch their change, rebase your commits on it, and push again; the push message prints the exact"
                    + " command for your working tree.",
            "git pull --rebase origin main && git push")),
    /** The push would delete more records than the cap allows. */
    BULK_DELETE("bulk-delete", new ErrorInfo(4002, ErrorCategory.USER,
            "The push deletes more than 5 pages and attachments together, which reposix refuses by default so"
                    + " that a mistaken `git rm -r` cannot empty a space. Nothing was written.",
            "If the deletions are intended, add [allow-bulk-delete] to the message of a commit in the push"
                    + " (e.g. git commit --amend) and push again.",
            "git commit --amend -m \"Retire old runbooks [allow-bulk-delete]\" && git push")),
    /** A file in the records folder cannot be sent: not UTF-8, not parseable, a link, a submodule, too large. */
    INVALID_FILE("invalid file", new ErrorInfo(4003, ErrorCategory.USER,
            "A file in the records folder of the pushed commit cannot become a page or an attachment: its"
                    + " frontmatter does not parse, it is not UTF-8 text, it is a symbolic link, a submodule, an"
                    + " executable, a file other than Markdown outside a page's .assets folder, a file in a folder"
                    + " inside an .assets folder, or an attachment above REPOSIX_ATTACHMENT_MAX_BYTES. Nothing was"
                    + " written.",
            "Fix the file named in the message (the line is given where known), commit, and push again.",
            "")),
    /** Two files claim one record id, or a file claims an id the space does not have. */
    BAD_ID("bad id", new ErrorInfo(4004, ErrorCategory.USER,
            "A record file's id does not fit: two files claim the same id (a copied file), or the id is not a page"
                    + " of this space as of your base. Nothing was written.",
            "Remove the id line from the copy to create it as a new page, or restore the original id with git.",
            "")),
    /** The push asks for something reposix cannot turn into writes. */
    UNSUPPORTED("unsupported", new ErrorInfo(4005, ErrorCategory.USER,
            "The push changes something reposix cannot send to the source of truth: a ref other than main, a"
                    + " deletion of main, .reposix/config, a page placed in a folder no page owns, an .assets folder"
                    + " without its page, or a status the source of truth cannot set. Nothing was written.",
            "Undo that part of the change (the message names it) and push again.",
            "")),
    /** The push's base commit has no recorded sync state. */
    NO_BASE_STATE("no sync state", new ErrorInfo(4006, ErrorCategory.USER,
            "reposix could not find the source-of-truth state behind the commit your push is based on, so it"
                    + " cannot tell your changes from other people's. Nothing was written.",
            "Fetch from the reposix remote and rebase on it (git pull --rebase), then push again.",
            "git pull --rebase origin main && git push")),
    /** Some writes landed, then the push stopped. */
    INTERRUPTED("interrupted", new ErrorInfo(4007, ErrorCategory.EXTERNAL,
            "The push stopped after some of its writes reached the source of truth; the message lists them."
                    + " They are recorded in the cache and the audit log.",
            "Fix the cause and push again: pages already written are recognised, so nothing is written twice.",
            ""));

    private final String reason;
    private final ErrorInfo info;

    PushErrorCode(String reason, ErrorInfo info) {
        this.reason = reason;
        this.info = info;
    }

    /**
     * The short reason git prints after {@code [remote rejected]}.
     *
     * @return the reason, e.g. {@code fetch first}
     */
    public String reason() {
        return reason;
    }

    @Override
    public ErrorInfo info() {
        return info;
    }
}
