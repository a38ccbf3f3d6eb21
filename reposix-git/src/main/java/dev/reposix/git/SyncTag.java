package dev.reposix.git;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One sync that changed something, as its sync tag records it. Immutable and thread-safe.
 *
 * @param ref the tag's ref name, e.g. {@code refs/reposix/sync/20261124T061500Z}
 * @param commit the commit {@code main} was at after that sync
 * @param committedAt when that commit was made
 * @param subject the commit's first line
 * @since 0.1
 */
public record SyncTag(String ref, String commit, Instant committedAt, String subject) {

    /**
     * Validates.
     *
     * @param ref the ref
     * @param commit the commit
     * @param committedAt the time
     * @param subject the subject
     */
    public SyncTag {
        requireNonNull(ref, "ref is null");
        requireNonNull(commit, "commit is null");
        requireNonNull(committedAt, "committedAt is null");
        requireNonNull(subject, "subject is null");
    }
}
