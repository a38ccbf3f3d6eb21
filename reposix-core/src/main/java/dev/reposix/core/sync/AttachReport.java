package dev.reposix.core.sync;

import static java.util.Objects.requireNonNull;

import dev.reposix.core.RemoteSpec;
import dev.reposix.git.WorkingTree;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code reposix attach} did to a clone of a mirror. Immutable and thread-safe.
 *
 * @param directory the clone's top-level directory
 * @param remote the project it is attached to
 * @param remoteName the clone's remote for the source of truth
 * @param url that remote's URL (no credentials)
 * @param remoteAdded false when the clone was attached to this project already
 * @param reconciliation the clone's files matched against the pages
 * @param orphanPolicy the policy applied to files of deleted pages
 * @param sync the cache's sync on top of the mirror's {@code main}
 * @param update how the clone's {@code main} was brought up to the cache's
 * @param main the cache's {@code main} after the sync
 * @param forked files of deleted pages written back without their id (fork-as-new)
 * @param warnings what the user should know, one sentence each
 * @since 0.1
 */
public record AttachReport(Path directory, RemoteSpec remote, String remoteName, String url, boolean remoteAdded,
        Reconciliation reconciliation, OrphanPolicy orphanPolicy, SyncReport sync, WorkingTree.Update update,
        String main, List<String> forked, List<String> warnings) {

    /**
     * Validates.
     *
     * @param directory the clone
     * @param remote the project
     * @param remoteName the remote name
     * @param url the URL
     * @param remoteAdded whether the remote is new
     * @param reconciliation the reconciliation
     * @param orphanPolicy the orphan policy
     * @param sync the sync
     * @param update the clone's update
     * @param main the cache's main
     * @param forked the forked files
     * @param warnings the warnings
     */
    public AttachReport {
        requireNonNull(directory, "directory is null");
        requireNonNull(remote, "remote is null");
        requireNonNull(remoteName, "remoteName is null");
        requireNonNull(url, "url is null");
        requireNonNull(reconciliation, "reconciliation is null");
        requireNonNull(orphanPolicy, "orphanPolicy is null");
        requireNonNull(sync, "sync is null");
        requireNonNull(update, "update is null");
        requireNonNull(main, "main is null");
        forked = List.copyOf(forked);
        warnings = List.copyOf(warnings);
    }
}
