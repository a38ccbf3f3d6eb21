package dev.reposix.core.provider;

import static java.util.Objects.requireNonNull;

/**
 * A backend provider found on the class path that could not be loaded; the other providers still
 * load.
 *
 * <p>Immutable and thread-safe.
 *
 * @param providerClass the class named in the service file (or the best description available)
 * @param reason why it failed, one line
 * @since 0.1
 */
public record ProviderLoadProblem(String providerClass, String reason) {

    /**
     * Validates.
     *
     * @param providerClass the class
     * @param reason the reason
     */
    public ProviderLoadProblem {
        requireNonNull(providerClass, "providerClass is null");
        requireNonNull(reason, "reason is null");
    }
}
