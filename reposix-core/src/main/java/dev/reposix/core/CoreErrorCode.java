package dev.reposix.core;

import dev.reposix.api.ErrorCategory;
import dev.reposix.api.ErrorCode;
import dev.reposix.api.ErrorInfo;

/**
 * Error codes of reposix core (range 01xx of the api/core block).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public enum CoreErrorCode implements ErrorCode {
    /** No provider is registered for the scheme of a remote. */
    UNKNOWN_SCHEME(new ErrorInfo(101, ErrorCategory.USER,
            "The remote names a backend scheme that no installed provider serves.",
            "Use one of the schemes listed by `reposix backends`, or put the backend's jar on the class path"
                    + " (REPOSIX_CLASSPATH).",
            "reposix init confluence::ENG ./eng")),
    /** Two providers claim one scheme. */
    DUPLICATE_SCHEME(new ErrorInfo(102, ErrorCategory.USER,
            "Two backend providers on the class path claim the same scheme, so reposix cannot choose.",
            "Remove one of the two jars named in the message from the class path.",
            "")),
    /** A remote spec could not be parsed. */
    INVALID_REMOTE(new ErrorInfo(103, ErrorCategory.USER,
            "A remote must be written as <scheme>::<project>, for example confluence::ENG.",
            "Write the remote as <scheme>::<project>.",
            "reposix init confluence::ENG ./eng")),
    /** A tree was asked for with another layout than its cache uses. */
    LAYOUT_MISMATCH(new ErrorInfo(104, ErrorCategory.USER,
            "The cache of this remote already renders records with the other layout (tree or flat); one"
                    + " cache has one layout.",
            "Run without --layout, or point REPOSIX_CACHE_DIR elsewhere for a tree with the other layout.",
            "REPOSIX_CACHE_DIR=/tmp/flat-cache reposix init --layout flat confluence::ENG ./eng-flat")),
    /** The cache's refs moved during a sync, so the sync applied nothing. */
    CACHE_MOVED(new ErrorInfo(105, ErrorCategory.CONFLICT,
            "Another process changed the cache's refs while this sync was running; to stay consistent, this"
                    + " sync changed nothing.",
            "Run the command again.",
            "")),
    /** A directory given for a new working tree is not empty. */
    DIRECTORY_NOT_EMPTY(new ErrorInfo(106, ErrorCategory.USER,
            "reposix init creates a new working tree and will not write into a directory that has files.",
            "Choose a new or empty directory.",
            "reposix init confluence::ENG ./eng")),
    /** A command that needs a working tree ran outside one. */
    NOT_A_TREE(new ErrorInfo(107, ErrorCategory.USER,
            "The directory is not a working tree made by reposix init (it has no .reposix/config).",
            "Run the command inside a reposix working tree, or create one with reposix init.",
            "reposix init confluence::ENG ./eng && cd eng && reposix sync")),
    /** {@code reposix attach} ran in a directory that is not a usable clone of the mirror. */
    NOT_A_MIRROR_CLONE(new ErrorInfo(108, ErrorCategory.USER,
            "reposix attach binds a clone of a mirror to the mirror's source of truth, and this clone does not"
                    + " qualify: it has no remote of the given name, no main branch, or a main that shares no"
                    + " history with the mirror's main (or the mirror has no main yet).",
            "Run it in a full clone of the mirror (`git clone <mirror-url>`), name the clone's remote of the mirror"
                    + " with --mirror-name (`git remote -v` lists them), and run `reposix mirror sync` once if the"
                    + " mirror is empty.",
            "git clone https://github.com/acme/eng-docs.git eng && reposix attach confluence::ENG eng")),
    /** The clone is attached to, or mirrors, another project, or the remote name is taken. */
    ATTACHED_ELSEWHERE(new ErrorInfo(109, ErrorCategory.USER,
            "The clone is already attached to another source of truth or project (one of its remotes has a"
                    + " reposix:: URL naming it), it is a clone of another project's mirror (its .reposix/config"
                    + " names that project), or the remote name asked for belongs to a remote that is not reposix's."
                    + " One clone is bound to one project.",
            "Detach by hand: `git remote remove <remote>` and, if it names that remote, `git config --unset"
                    + " remote.pushDefault`; then attach again. For a taken name, choose another --remote-name.",
            "git remote remove reposix && git config --unset remote.pushDefault")),
    /** Files in the clone belong to records deleted in the source of truth, and the policy is to stop. */
    RECORDS_DELETED_AT_SOURCE(new ErrorInfo(110, ErrorCategory.CONFLICT,
            "Files in the clone belong to pages that were deleted in the source of truth (or are no longer"
                    + " current there). reposix attach stops by default so that nothing is lost; nothing was changed"
                    + " in the clone.",
            "Run again with --orphan-policy delete-local to let the files go (they stay in git history), or with"
                    + " --orphan-policy fork-as-new to keep them without their id, so that your next push creates"
                    + " them as new pages.",
            "reposix attach confluence::ENG --orphan-policy fork-as-new")),
    /** Files of deleted records cannot be kept as new ones because main cannot fast-forward. */
    CANNOT_FORK_DELETED(new ErrorInfo(111, ErrorCategory.USER,
            "--orphan-policy fork-as-new writes the files of deleted pages back without their id right after the"
                    + " clone's main is brought up to date, which needs main checked out, no uncommitted changes"
                    + " and no commits of its own. Nothing was changed in the clone.",
            "Commit or stash your changes and check out main; move commits of your own to a branch"
                    + " (`git branch mine && git reset --keep origin/main`), attach, then rebase the branch. Or use"
                    + " --orphan-policy delete-local and restore the files from git history.",
            "git stash && reposix attach confluence::ENG --orphan-policy fork-as-new && git stash pop")),
    /** An unexpected failure inside reposix. */
    INTERNAL_ERROR(new ErrorInfo(199, ErrorCategory.INTERNAL,
            "reposix hit a condition it did not expect: a bug.",
            "Run again with --verbose and report the output (it contains no secrets).",
            ""));

    private final ErrorInfo info;

    CoreErrorCode(ErrorInfo info) {
        this.info = info;
    }

    @Override
    public ErrorInfo info() {
        return info;
    }
}
