package dev.reposix.core.sync;

import dev.reposix.api.Author;
import dev.reposix.api.ManifestEntry;
import dev.reposix.git.Signature;
import java.net.URI;
import java.time.Instant;

/**
 * Git identities of a sync: the source of truth's editor as author ({@code Display Name
 * <accountId@site-host>}, dated at the edit), reposix as committer. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class Authors {

    /** The committer name of every sync commit. */
    static final String REPOSIX_NAME = "reposix";
    /** The committer e-mail of every sync commit. */
    static final String REPOSIX_EMAIL = "reposix@reposix.invalid";

    private final String host;

    Authors(URI location) {
        this.host = location.getHost() == null ? "reposix.invalid" : location.getHost();
    }

    Signature editorOf(ManifestEntry entry) {
        return entry.lastModifiedBy()
                .map(author -> Signature.utc(nameOf(author), author.accountId() + "@" + host, entry.lastModified()))
                .orElseGet(() -> Signature.utc(REPOSIX_NAME, REPOSIX_EMAIL, entry.lastModified()));
    }

    /**
     * reposix itself as a git identity, for commits and state that no editor made.
     *
     * @param when the time
     * @return the signature
     */
    public static Signature reposixAt(Instant when) {
        return Signature.utc(REPOSIX_NAME, REPOSIX_EMAIL, when);
    }

    /** Git refuses angle brackets and line breaks in identities; display names may contain them. */
    private static String nameOf(Author author) {
        String name = author.displayName().filter(text -> !text.isBlank()).orElse(author.accountId());
        return name.replaceAll("[<>\\r\\n\\x00]+", " ").strip();
    }
}
