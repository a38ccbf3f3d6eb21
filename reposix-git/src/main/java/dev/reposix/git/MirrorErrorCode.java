package dev.reposix.git;

import dev.reposix.api.ErrorCategory;
import dev.reposix.api.ErrorCode;
import dev.reposix.api.ErrorInfo;

/**
 * Error codes of the network leg of a mirror sync (range 5001-5099). A lost lease is not an error
 * (it is a benign outcome) and has no code. Immutable and thread-safe.
 *
 * @since 0.1
 */
public enum MirrorErrorCode implements ErrorCode {
    /** {@code git ls-remote} or {@code git fetch} of the mirror failed. */
    MIRROR_UNREACHABLE(new ErrorInfo(5001, ErrorCategory.EXTERNAL,
            "git could not read the mirror (wrong URL or remote name, no network, missing or expired"
                    + " credentials); git's own message is quoted.",
            "Check that `git ls-remote <mirror>` works in the same directory and shell, with the same credentials.",
            "git ls-remote https://github.com/acme/eng-docs.git refs/heads/main")),
    /** The mirror refused the push of {@code main} while its {@code main} had not moved. */
    MIRROR_PUSH_REJECTED(new ErrorInfo(5002, ErrorCategory.EXTERNAL,
            "The mirror refused the fast-forward push of main (no write permission, branch protection that"
                    + " requires pull requests, a pre-receive hook); git's own message is quoted.",
            "Give the sync account write access to main and allow it to push without a pull request.",
            "git push --dry-run <mirror> main")),
    /** The clone the command runs in is shallow. */
    MIRROR_SHALLOW_CLONE(new ErrorInfo(5003, ErrorCategory.USER,
            "The clone of the mirror is shallow, so its history cannot be built on.",
            "Clone with full history: `git fetch --unshallow`, or `fetch-depth: 0` with actions/checkout.",
            "git -C ./mirror fetch --unshallow")),
    /** The cache's {@code main} does not descend from the mirror's: pushing would rewrite it. */
    MIRROR_NOT_FAST_FORWARD(new ErrorInfo(5004, ErrorCategory.INTERNAL,
            "The synced main does not descend from the mirror's main, so pushing it would rewrite the"
                    + " mirror's history; reposix refuses. A sync on top of the mirror's main should make this"
                    + " impossible: a bug in reposix.",
            "Run again with --verbose and report the output (it contains no secrets).",
            "")),
    /** A warning, not an error: files in the records folder were changed on the mirror without reposix. */
    MIRROR_RECORDS_EDITED(new ErrorInfo(5005, ErrorCategory.USER,
            "Files in the mirror's records folder were changed without reposix (a direct push or a merged pull"
                    + " request). The source of truth's content wins: the mirror sync put them back as the last"
                    + " sync left them, then synced as usual. Files outside the records folder are kept.",
            "Edit pages in the source of truth (or through an attached working tree), and protect the mirror's"
                    + " main so that only the sync account can push to it.",
            "git log --format='%h %an %s' -- pages/"));

    private final ErrorInfo info;

    MirrorErrorCode(ErrorInfo info) {
        this.info = info;
    }

    @Override
    public ErrorInfo info() {
        return info;
    }
}
