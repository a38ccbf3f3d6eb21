package dev.reposix.core.layout;

import java.util.Locale;
import java.util.Optional;

/**
 * How records are arranged under the records folder; recorded in {@code .reposix/config}.
 * Thread-safe (an enum).
 */
public enum LayoutKind {
    /** The default: pages nest in folders named after their parents' titles. */
    TREE,
    /** Every record at {@code <records folder>/<id>.md}; the parent is written into the frontmatter. */
    FLAT;

    /**
     * The name in {@code .reposix/config}.
     *
     * @return {@code tree} or {@code flat}
     */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The kind with a config name.
     *
     * @param configName {@code tree} or {@code flat}
     * @return the kind, or empty for anything else
     */
    public static Optional<LayoutKind> ofConfigName(String configName) {
        for (LayoutKind kind : values()) {
            if (kind.configName().equals(configName)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
