package dev.reposix.core.layout;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Hands out names in one directory so that no two clash, not even on a case-insensitive file
 * system. Not thread-safe; one instance per directory during one planning run.
 */
final class NameAllocator {

    private final Set<String> taken = new HashSet<>();

    /** Claims a name for something that is not a titled record, such as {@code README}. */
    void reserve(String name) {
        taken.add(SafeNames.fold(name));
    }

    /** Claims a name if no name equal to it ignoring case is taken. */
    boolean tryClaim(String name) {
        return taken.add(SafeNames.fold(name));
    }

    /**
     * Claims {@code <stem>~<id>}, the stem shortened to fit, and on the rare clash (ids that differ
     * only by case) {@code <stem>~<id>~2}, {@code ~3} ... Escaped titles never contain {@code ~},
     * so these names never clash with a plain title.
     */
    String claimWithId(List<String> stemTokens, String idToken, int maxChars, int maxBytes) {
        for (int attempt = 1; ; attempt++) {
            String suffix = SafeNames.ID_MARKER + idToken + (attempt == 1 ? "" : SafeNames.ID_MARKER + Integer.toString(attempt));
            String name = shorten(stemTokens, maxChars - suffix.length(), maxBytes - utf8Length(suffix)) + suffix;
            if (tryClaim(name)) {
                return name;
            }
        }
    }

    /** Whether a name keeps within both limits. */
    static boolean fits(String name, int maxChars, int maxBytes) {
        return name.length() <= maxChars && utf8Length(name) <= maxBytes;
    }

    static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * The longest prefix of whole tokens within the limits, not ending in a combining mark or
     * joiner (which would orphan it from its base character).
     */
    private static String shorten(List<String> tokens, int maxChars, int maxBytes) {
        int end = 0;
        int chars = 0;
        int bytes = 0;
        while (end < tokens.size()) {
            String token = tokens.get(end);
            if (chars + token.length() > maxChars || bytes + utf8Length(token) > maxBytes) {
                break;
            }
            chars += token.length();
            bytes += utf8Length(token);
            end++;
        }
        if (end < tokens.size()) {
            while (end > 0 && SafeNames.isJoining(tokens.get(end - 1))) {
                end--;
            }
        }
        return String.join("", tokens.subList(0, end));
    }
}
