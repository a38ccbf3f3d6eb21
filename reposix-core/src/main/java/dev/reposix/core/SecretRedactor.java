package dev.reposix.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Replaces known secret values with {@code ****} in text about to be shown, as a last line of
 * defence: messages are written not to contain secrets, and this catches a backend that slips.
 * Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class SecretRedactor {

    /** The replacement for a secret. */
    public static final String MASK = "****";

    /** Values shorter than this are not masked, so that {@code "a"} does not blank every message. */
    private static final int SHORTEST_MASKED = 4;

    private final List<String> secrets;

    /**
     * A redactor for these secret values; {@code null} and very short values are ignored.
     *
     * @param secrets the values to mask
     * @return the redactor
     */
    public static SecretRedactor of(Collection<String> secrets) {
        return new SecretRedactor(secrets);
    }

    private SecretRedactor(Collection<String> secrets) {
        this.secrets = secrets.stream()
                .filter(secret -> secret != null && secret.length() >= SHORTEST_MASKED)
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    /**
     * A redactor that also masks these values.
     *
     * @param more further secret values
     * @return the combined redactor
     */
    public SecretRedactor with(Collection<String> more) {
        List<String> all = new ArrayList<>(secrets);
        all.addAll(more);
        return new SecretRedactor(all);
    }

    /**
     * The text with every known secret masked.
     *
     * @param text any text, may be {@code null}
     * @return the redacted text ({@code null} stays {@code null})
     */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }
}
