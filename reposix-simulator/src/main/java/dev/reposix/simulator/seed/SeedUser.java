package dev.reposix.simulator.seed;

import java.util.Objects;

/**
 * A user the simulator knows, returned by {@code POST /wiki/api/v2/users-bulk}.
 *
 * <p>Immutable value, thread-safe.
 */
public record SeedUser(String accountId, String displayName, String email) {
    /** Validates the user. */
    public SeedUser {
        Objects.requireNonNull(accountId, "accountId is null");
        Objects.requireNonNull(displayName, "displayName is null");
        Objects.requireNonNull(email, "email is null");
    }
}
