package dev.reposix.api;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A person (or bot) in the source of truth, as far as the backend knows them; used as the author
 * of sync commits.
 *
 * <p>Immutable and thread-safe.
 *
 * @param accountId the backend's stable account id
 * @param displayName the name shown in the source of truth, when known
 * @param email the e-mail address, when the source of truth discloses it
 * @since 0.1
 */
public record Author(String accountId, Optional<String> displayName, Optional<String> email) {

    /**
     * Validates.
     *
     * @param accountId the account id
     * @param displayName the display name
     * @param email the e-mail address
     */
    public Author {
        requireNonNull(accountId, "accountId is null");
        requireNonNull(displayName, "displayName is null");
        requireNonNull(email, "email is null");
        if (accountId.isBlank()) {
            throw new IllegalArgumentException("accountId is blank");
        }
    }

    /**
     * An author known only by account id.
     *
     * @param accountId the account id
     * @return the author
     */
    public static Author ofAccount(String accountId) {
        return new Author(accountId, Optional.empty(), Optional.empty());
    }
}
