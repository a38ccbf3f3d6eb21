package dev.reposix.core.sync;

import static java.util.Objects.requireNonNull;

import dev.reposix.git.WorkingTree;
import java.nio.file.Path;

/**
 * The result of syncing a working tree: the cache's sync and what became of the tree. Immutable.
 *
 * @param directory the working tree
 * @param sync what the sync of the cache did
 * @param update whether the tree was fast-forwarded, or why not
 * @since 0.1
 */
public record TreeUpdate(Path directory, SyncReport sync, WorkingTree.Update update) {

    /**
     * Validates.
     *
     * @param directory the directory
     * @param sync the sync report
     * @param update the tree update
     */
    public TreeUpdate {
        requireNonNull(directory, "directory is null");
        requireNonNull(sync, "sync is null");
        requireNonNull(update, "update is null");
    }
}
