package dev.reposix.git;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The result of {@link SyncTransaction#apply}: either every ref moved, or none did because a ref
 * moved since the transaction started (an expected outcome, not an exception). Immutable and
 * thread-safe.
 *
 * @param status applied or rejected
 * @param refs the ref updates of the batch: name → new id
 * @param syncTag the sync tag created, if the sync changed main
 * @param rejections for a rejected batch, one line per ref that failed and why
 * @since 0.1
 */
public record TransactionOutcome(Status status, Map<String, ObjectId> refs, Optional<String> syncTag,
        List<String> rejections) {

    /** Whether the batch was applied. */
    public enum Status {
        /** Every ref moved. */
        APPLIED,
        /** No ref moved: at least one ref was changed by someone else since the transaction started. */
        REJECTED
    }

    /**
     * Validates and copies.
     *
     * @param status the status
     * @param refs the ref updates
     * @param syncTag the sync tag
     * @param rejections the rejections
     */
    public TransactionOutcome {
        requireNonNull(status, "status is null");
        refs = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(refs, "refs is null")));
        requireNonNull(syncTag, "syncTag is null");
        rejections = List.copyOf(requireNonNull(rejections, "rejections is null"));
        if ((status == Status.REJECTED) == rejections.isEmpty()) {
            throw new IllegalArgumentException("a rejected outcome, and only that, lists rejections");
        }
    }

    /**
     * Whether every ref moved.
     *
     * @return true when applied
     */
    public boolean applied() {
        return status == Status.APPLIED;
    }
}
