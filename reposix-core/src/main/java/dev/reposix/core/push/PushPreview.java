package dev.reposix.core.push;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * What {@code git push} of a working tree's current branch would do, worked out without writing
 * anything: the planned writes and the pages that would block it, or why git itself would refuse
 * it. Immutable and thread-safe.
 *
 * @param plan the writes, when the push could be planned
 * @param conflicts one line per page that would make the push fail with {@code fetch first}
 * @param refusal why the push would be refused before any write (not a fast-forward, a bad file, ...)
 * @since 0.1
 */
public record PushPreview(Optional<PushPlan> plan, List<String> conflicts, Optional<String> refusal) {

    /**
     * Validates and copies.
     *
     * @param plan the plan
     * @param conflicts the conflicts
     * @param refusal the refusal
     */
    public PushPreview {
        requireNonNull(plan, "plan is null");
        conflicts = List.copyOf(conflicts);
        requireNonNull(refusal, "refusal is null");
    }
}
