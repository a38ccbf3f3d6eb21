package dev.reposix.core;

import dev.reposix.api.ReposixException;
import dev.reposix.api.StandardErrorCode;
import java.util.Locale;
import java.util.Map;

/**
 * The largest attachment reposix downloads or uploads, from {@code REPOSIX_ATTACHMENT_MAX_BYTES}
 * (bytes, or with a {@code K}, {@code M} or {@code G} suffix for KiB, MiB, GiB; default 20 MiB).
 * A larger file stays in the source of truth: the page's Markdown links to it there, and syncs
 * report it. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class AttachmentLimit {

    /** The environment variable. */
    public static final String VARIABLE = "REPOSIX_ATTACHMENT_MAX_BYTES";
    /** The default: 20 MiB. */
    public static final long DEFAULT_BYTES = 20L * 1024 * 1024;

    private AttachmentLimit() {
    }

    /**
     * Reads the limit from an environment.
     *
     * @param environment the environment variables
     * @return the limit in bytes, at least 0
     * @throws ReposixException {@link StandardErrorCode#INVALID_SETTING} naming the variable when the
     *     value is not a size
     */
    public static long fromEnvironment(Map<String, String> environment) {
        String value = environment.get(VARIABLE);
        if (value == null || value.isBlank()) {
            return DEFAULT_BYTES;
        }
        String text = value.strip().toUpperCase(Locale.ROOT);
        long unit = switch (text.charAt(text.length() - 1)) {
            case 'K' -> 1024L;
            case 'M' -> 1024L * 1024;
            case 'G' -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        String digits = unit == 1 ? text : text.substring(0, text.length() - 1);
        try {
            long number = Long.parseLong(digits);
            if (number >= 0 && number <= Long.MAX_VALUE / unit) {
                return number * unit;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new ReposixException(StandardErrorCode.INVALID_SETTING, VARIABLE + " is '" + value
                + "', which is not a size; set it to a number of bytes, optionally with K, M or G (e.g. 50M),"
                + " or unset it for the default of 20M");
    }
}
