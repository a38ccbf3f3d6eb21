package dev.reposix.core.render;

/**
 * Writes a string as a YAML double-quoted scalar on one line, so that no value is ever read back
 * as a number, boolean, date, null, comment or key. Thread-safe (stateless).
 */
final class YamlQuoting {

    private YamlQuoting() {
    }

    /**
     * The double-quoted form: {@code "} and {@code \} escaped, line breaks and other characters
     * YAML does not allow raw (or would fold as line breaks) written as escapes; everything else,
     * including emoji and right-to-left text, literally.
     */
    static String quote(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        value.codePoints().forEach(codePoint -> {
            switch (codePoint) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                default -> {
                    if (needsEscape(codePoint)) {
                        quoted.append(String.format("\\u%04X", codePoint));
                    } else {
                        quoted.appendCodePoint(codePoint);
                    }
                }
            }
        });
        return quoted.append('"').toString();
    }

    /** Characters outside YAML's printable set, plus the Unicode line breaks and the byte-order mark. */
    private static boolean needsEscape(int codePoint) {
        return codePoint < 0x20 || codePoint >= 0x7F && codePoint <= 0x9F || codePoint == 0x2028 || codePoint == 0x2029
                || codePoint == 0xFEFF || codePoint == 0xFFFE || codePoint == 0xFFFF;
    }
}
