package dev.reposix.git;

import static java.util.Objects.requireNonNull;

import dev.reposix.api.ReposixException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Who did something and when, as written into a git commit or tag: name, e-mail, instant and time
 * zone, all chosen by the caller. Immutable and thread-safe.
 *
 * @param name the display name, without {@code <}, {@code >} or line breaks
 * @param email the e-mail address, without {@code <}, {@code >} or line breaks
 * @param when the instant, stored by git with seconds precision
 * @param zone the time zone the instant is shown in
 * @since 0.1
 */
public record Signature(String name, String email, Instant when, ZoneId zone) {

    /**
     * Validates.
     *
     * @param name the name
     * @param email the e-mail
     * @param when the instant
     * @param zone the zone
     * @throws ReposixException with {@link GitErrorCode#INVALID_IDENTITY} for characters git cannot store
     */
    public Signature {
        requireNonNull(name, "name is null");
        requireNonNull(email, "email is null");
        requireNonNull(when, "when is null");
        requireNonNull(zone, "zone is null");
        checkText("name", name);
        checkText("e-mail", email);
    }

    /**
     * A signature in UTC.
     *
     * @param name the name
     * @param email the e-mail
     * @param when the instant
     * @return the signature
     */
    public static Signature utc(String name, String email, Instant when) {
        return new Signature(name, email, when, ZoneOffset.UTC);
    }

    /**
     * The same person at another instant.
     *
     * @param instant the new instant
     * @return the signature
     */
    public Signature at(Instant instant) {
        return new Signature(name, email, instant, zone);
    }

    /**
     * Converts to JGit's form.
     *
     * @return the person identity
     */
    PersonIdent toPersonIdent() {
        return new PersonIdent(name, email, when, zone);
    }

    /**
     * Converts from JGit's form.
     *
     * @param ident the person identity
     * @return the signature
     */
    static Signature of(PersonIdent ident) {
        return new Signature(ident.getName(), ident.getEmailAddress(), ident.getWhenAsInstant(),
                ident.getZoneId());
    }

    private static void checkText(String what, String text) {
        if (text.indexOf('<') >= 0 || text.indexOf('>') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0 || text.indexOf('\0') >= 0) {
            throw new ReposixException(GitErrorCode.INVALID_IDENTITY,
                    "the " + what + " '" + text.replaceAll("[\\r\\n\\x00]", " ")
                            + "' cannot be written into a git commit: remove '<', '>' and line breaks");
        }
    }
}
