package dev.reposix.backend.confluence;

import dev.reposix.api.ErrorCategory;
import dev.reposix.api.ErrorCode;
import dev.reposix.api.ErrorInfo;

/**
 * Error codes of the Confluence backend (2001–2099; the storage codec uses 2100–2199).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public enum ConfluenceErrorCode implements ErrorCode {
    /** Confluence rejected the credentials (HTTP 401). */
    AUTHENTICATION_FAILED(new ErrorInfo(2001, ErrorCategory.USER,
            "Confluence answered 401: the e-mail is not the account the API token was issued to, the token"
                    + " expired or was revoked, or a scoped token was used against the site URL instead of"
                    + " https://api.atlassian.com/ex/confluence/<cloudId>.",
            "Check ATLASSIAN_EMAIL and ATLASSIAN_API_KEY (create a new token if it expired); for scoped tokens set"
                    + " REPOSIX_CONFLUENCE_BASE_URL to the api.atlassian.com address.",
            "export REPOSIX_CONFLUENCE_BASE_URL=https://api.atlassian.com/ex/confluence/<cloudId>")),
    /** The account may not do what was asked (HTTP 403). */
    PERMISSION_DENIED(new ErrorInfo(2002, ErrorCategory.USER,
            "Confluence answered 403: the account can see the content but may not change it (or the token's"
                    + " scopes do not allow it).",
            "Ask a space admin for the permission named in the message, or use an account that has it.",
            "")),
    /** The space does not exist or the account cannot see it. */
    SPACE_NOT_FOUND(new ErrorInfo(2003, ErrorCategory.USER,
            "No space with that key is visible to the account: the key is wrong (keys are case-sensitive;"
                    + " personal spaces start with ~) or the account lacks permission to view it.",
            "Run `reposix spaces` to list the spaces the account can read.",
            "reposix spaces")),
    /** A page body is larger than Confluence accepts (HTTP 413). */
    PAGE_TOO_LARGE(new ErrorInfo(2004, ErrorCategory.USER,
            "Confluence refused a page body as too large (HTTP 413).",
            "Split the page into smaller pages, or move large content into attachments.",
            "")),
    /** Confluence answered with something reposix cannot read. */
    UNEXPECTED_RESPONSE(new ErrorInfo(2005, ErrorCategory.EXTERNAL,
            "Confluence answered with a body reposix cannot read (malformed or unexpected JSON), or with a"
                    + " pagination link to another site, which reposix never follows.",
            "Try again later; if it persists, check REPOSIX_CONFLUENCE_BASE_URL points at Confluence itself"
                    + " and report the message.",
            "")),
    /** Confluence kept failing or rate-limiting after all retries. */
    SERVICE_UNAVAILABLE(new ErrorInfo(2006, ErrorCategory.EXTERNAL,
            "Confluence kept answering with server errors (5xx) or rate limits (429) after all retries.",
            "Wait a few minutes and run the command again; nothing was half-written.",
            "")),
    /** A write conflicted with a concurrent edit (HTTP 409) where no conflict outcome could be returned. */
    EDIT_CONFLICT(new ErrorInfo(2007, ErrorCategory.CONFLICT,
            "Someone changed the page in Confluence after reposix last read it.",
            "Fetch (git pull), merge, and push again.",
            "git pull && git push"));

    private final ErrorInfo info;

    ConfluenceErrorCode(ErrorInfo info) {
        this.info = info;
    }

    @Override
    public ErrorInfo info() {
        return info;
    }
}
