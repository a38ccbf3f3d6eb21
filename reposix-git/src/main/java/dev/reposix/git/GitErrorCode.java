package dev.reposix.git;

import dev.reposix.api.ErrorCategory;
import dev.reposix.api.ErrorCode;
import dev.reposix.api.ErrorInfo;

/**
 * Error codes of the git cache, commits, refs, sync state and cache lock (range 3001-3099).
 * Immutable and thread-safe.
 *
 * @since 0.1
 */
public enum GitErrorCode implements ErrorCode {
    /** The cache directory already serves another source of truth. */
    CACHE_OTHER_SOT(new ErrorInfo(3001, ErrorCategory.USER,
            "The cache for this scheme and project was created for a different source-of-truth URL;"
                    + " one cache never mixes two sources of truth.",
            "Point REPOSIX_CACHE_DIR at another directory for this source of truth, or remove the old cache"
                    + " if it is no longer used.",
            "REPOSIX_CACHE_DIR=$HOME/.cache/reposix-staging reposix init confluence::ENG ./eng")),
    /** A directory at the cache path is not a reposix cache. */
    CACHE_INVALID(new ErrorInfo(3002, ErrorCategory.USER,
            "The cache path holds a directory that is not a complete reposix cache (not a bare git repository,"
                    + " or without the reposix.sot setting), e.g. a leftover of another tool.",
            "Move the directory named in the message away, or set REPOSIX_CACHE_DIR to another directory.",
            "mv ~/.cache/reposix/confluence-ENG.git /tmp/")),
    /** Reading or writing the cache failed at the file-system level. */
    CACHE_IO(new ErrorInfo(3003, ErrorCategory.USER,
            "reposix could not read or write the cache directory (permissions, disk full, read-only file system).",
            "Check that the directory named in the message is writable and the disk has free space.",
            "df -h ~/.cache/reposix")),
    /** A path handed to the commit builder is not a valid repository path. */
    INVALID_PATH(new ErrorInfo(3004, ErrorCategory.USER,
            "A file path must be relative, '/'-separated, valid UTF-8, without empty, '.', '..' or '.git' components"
                    + " and without NUL characters.",
            "Rename the file named in the message.",
            "pages/Team/Roadmap.md")),
    /** A path is a file in one place and a directory in another. */
    PATH_CONFLICT(new ErrorInfo(3005, ErrorCategory.USER,
            "A change would make one path both a file and a directory (e.g. 'a' is a file and 'a/b' is added).",
            "Delete the file or the directory first, in the same change set.",
            "pages/Roadmap.md and pages/Roadmap.md/child.md")),
    /** A name or e-mail address cannot appear in a git commit. */
    INVALID_IDENTITY(new ErrorInfo(3006, ErrorCategory.USER,
            "Names and e-mail addresses in git commits must not contain '<', '>' or line breaks.",
            "Fix the display name or e-mail named in the message.",
            "Jane Doe <jane@example.com>")),
    /** Another process or thread holds the cache lock for longer than the caller waits. */
    LOCK_TIMEOUT(new ErrorInfo(3007, ErrorCategory.CONFLICT,
            "Another reposix process (or thread) is syncing or pushing through the same cache; one cache serves"
                    + " one writer at a time.",
            "Wait for the other process named in the message to finish and run the command again.",
            "ps -p <pid>")),
    /** An object or ref the cache should hold is missing or damaged. */
    CACHE_CORRUPT(new ErrorInfo(3008, ErrorCategory.USER,
            "The cache lacks an object or holds an object of an unexpected type, usually after a manual edit or"
                    + " a disk failure.",
            "Run `git fsck --strict` in the cache named in the message; if it reports errors, remove the cache"
                    + " and sync again (it is rebuilt from the source of truth).",
            "git -C ~/.cache/reposix/confluence-ENG.git fsck --strict")),
    /** A scheme or project cannot name a cache. */
    INVALID_CACHE_NAME(new ErrorInfo(3009, ErrorCategory.USER,
            "A scheme is lower-case letters, digits and '-', starting with a letter; a project is a non-empty"
                    + " name without NUL or line breaks.",
            "Check the remote spec (<scheme>::<project>).",
            "confluence::ENG")),
    /** The sync state was written in a format this version does not read. */
    STATE_FORMAT_UNSUPPORTED(new ErrorInfo(3010, ErrorCategory.USER,
            "The sync state in this repository was written by a newer reposix in a format this version cannot"
                    + " read.",
            "Upgrade reposix to the version that wrote the state (or newer).",
            "")),
    /** A sync transaction was used against its rules, e.g. without a commit on main. */
    TRANSACTION_MISUSE(new ErrorInfo(3011, ErrorCategory.INTERNAL,
            "A sync transaction was used against its contract (applied twice, marked without a commit, or without"
                    + " holding the cache lock): a bug in reposix.",
            "Run again with --verbose and report the output (it contains no secrets).",
            "")),
    /** The git binary is missing or failed while making or updating a working tree. */
    GIT_COMMAND_FAILED(new ErrorInfo(3012, ErrorCategory.USER,
            "reposix runs the git program to create working trees, and git is not installed, not on PATH, or"
                    + " failed (its own message is quoted).",
            "Install git 2.30 or newer and make sure `git --version` works in the same shell.",
            "git --version")),
    /** A command that works in a clone ran outside a git work tree. */
    NOT_A_WORK_TREE(new ErrorInfo(3013, ErrorCategory.USER,
            "The directory is not inside a git work tree: it does not exist, is a bare repository, or holds no"
                    + " repository at all.",
            "Run the command inside the clone (or pass its directory), e.g. after `git clone <mirror-url>`.",
            "git clone https://github.com/acme/eng-docs.git eng && reposix attach confluence::ENG eng")),
    /** The new working tree could not be written. */
    TREE_IO(new ErrorInfo(3014, ErrorCategory.USER,
            "reposix could not write the new working tree: its parent is not writable, a file stands where a"
                    + " folder must be, the disk is full or the file system is read-only.",
            "Check that the directory named in the message can be created there and the disk has free space,"
                    + " or choose another directory; nothing was left behind, so the same command can run again.",
            "reposix init confluence::ENG ./eng")),
    /** An unexpected failure inside JGit. */
    GIT_FAILURE(new ErrorInfo(3099, ErrorCategory.INTERNAL,
            "The git library failed in a way reposix did not expect.",
            "Run again with --verbose and report the output (it contains no secrets).",
            ""));

    private final ErrorInfo info;

    GitErrorCode(ErrorInfo info) {
        this.info = info;
    }

    @Override
    public ErrorInfo info() {
        return info;
    }
}
