package dev.reposix.core.sync;

import java.util.Locale;

/**
 * What {@code reposix attach} does with files in the clone whose page was deleted in the source of
 * truth (or is no longer current there). Immutable and thread-safe.
 *
 * @since 0.1
 */
public enum OrphanPolicy {
    /** Stop before changing anything in the clone and explain the other policies (the default). */
    ABORT,
    /** Let the files go: the sync removes them, and the clone loses them when its main is brought up to date. */
    DELETE_LOCAL,
    /** Keep the files without their id, so that the next push creates them as new pages. */
    FORK_AS_NEW;

    /**
     * The policy as the command line writes it.
     *
     * @return e.g. {@code fork-as-new}
     */
    public String option() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Reads a policy as the command line writes it.
     *
     * @param text {@code abort}, {@code delete-local} or {@code fork-as-new} (any case)
     * @return the policy
     * @throws IllegalArgumentException for anything else, listing the choices
     */
    public static OrphanPolicy parse(String text) {
        for (OrphanPolicy policy : values()) {
            if (policy.option().equalsIgnoreCase(text.strip())) {
                return policy;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not an orphan policy; use abort, delete-local or"
                + " fork-as-new");
    }
}
