package dev.reposix.core;

import java.util.Optional;

/**
 * The version of reposix, read from the jar manifest ({@code dev} when run from classes).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class ReposixVersion {

    private ReposixVersion() {
    }

    /**
     * The running version.
     *
     * @return e.g. {@code 0.1.0}
     */
    public static String current() {
        return Optional.ofNullable(ReposixVersion.class.getPackage().getImplementationVersion()).orElse("dev");
    }
}
