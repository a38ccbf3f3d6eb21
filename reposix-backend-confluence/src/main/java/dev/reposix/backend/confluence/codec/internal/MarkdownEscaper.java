package dev.reposix.backend.confluence.codec.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Escapes text so that a CommonMark parser reads it back as the same text and nothing else.
 * It escapes as little as it safely can, so that prose stays readable: an underscore inside a
 * word, an ampersand that cannot start an entity and punctuation in the middle of a line are
 * left alone. Stateless, thread-safe.
 */
public final class MarkdownEscaper {

    private static final Pattern ENTITY_LIKE = Pattern.compile("&(#?[A-Za-z0-9]+);");
    private static final Pattern ORDERED_MARKER = Pattern.compile("^(\\d{1,9})([.)])");
    /** The ASCII characters {@link #escapeFrom} may change; beyond ASCII only the no-break space. */
    private static final boolean[] SPECIAL = special("\\`*[]<~_&|!");

    private MarkdownEscaper() {
    }

    /**
     * Escapes a run of inline text.
     *
     * @param text the text, whitespace already collapsed
     * @param lineStart whether the text starts a line of the paragraph
     * @param inTable whether the text is inside a pipe-table cell, or pipes must be escaped anyway
     * @return Markdown that reads back as {@code text}
     */
    public static String escape(String text, boolean lineStart, boolean inTable) {
        return escape(text, firstSpecial(text), lineStart, inTable);
    }

    /**
     * Escapes a text node of the storage tree, as {@link #escape(String, boolean, boolean)} does its
     * value; the node's {@link TextTraits} tell at once when no character needs a look.
     *
     * @param text a text node, whitespace already collapsed
     * @param lineStart whether the text starts a line of the paragraph
     * @param inTable whether the text is inside a pipe-table cell, or pipes must be escaped anyway
     * @return Markdown that reads back as the node's text
     */
    static String escape(Node text, boolean lineStart, boolean inTable) {
        String value = text.getNodeValue();
        boolean plain = (text.textTraits() & TextTraits.MARKDOWN_SPECIAL) == 0;
        return escape(value, plain ? value.length() : firstSpecial(value), lineStart, inTable);
    }

    private static String escape(String text, int first, boolean lineStart, boolean inTable) {
        // most text runs are plain prose: no character to look at, so no copy character by character
        String escaped = first == text.length() ? text : escapeFrom(text, first, inTable);
        return lineStart ? escapeLineStart(escaped) : escaped;
    }

    /**
     * Whether {@link #escape} may change a character: one of {@code \`*[]<~_&|!} or the no-break space.
     *
     * @param character the character
     * @return true if it may
     */
    static boolean isSpecial(char character) {
        return character < SPECIAL.length ? SPECIAL[character] : character == '\u00a0';
    }

    /** The index of the first character {@link #escapeFrom} treats specially, or the text's length. */
    private static int firstSpecial(String text) {
        for (int index = 0, length = text.length(); index < length; index++) {
            if (isSpecial(text.charAt(index))) {
                return index;
            }
        }
        return text.length();
    }

    private static String escapeFrom(String text, int first, boolean inTable) {
        StringBuilder out = new StringBuilder(text.length() + 8).append(text, 0, first);
        for (int index = first; index < text.length(); index++) {
            char character = text.charAt(index);
            switch (character) {
                case '\\', '`', '*', '[', ']', '<' -> out.append('\\').append(character);
                case '~' -> {
                    // a lone tilde is text; two in a row, or one at an edge beside a strike delimiter, are not
                    boolean risky = index == 0 || index == text.length() - 1 || text.charAt(index - 1) == '~'
                            || text.charAt(index + 1) == '~';
                    out.append(risky ? "\\~" : "~");
                }
                case '_' -> {
                    boolean inWord = index > 0 && index < text.length() - 1
                            && Character.isLetterOrDigit(text.charAt(index - 1))
                            && Character.isLetterOrDigit(text.charAt(index + 1));
                    out.append(inWord ? "_" : "\\_");
                }
                case '&' -> out.append(ENTITY_LIKE.matcher(text).region(index, text.length()).lookingAt() ? "\\&" : "&");
                case '|' -> out.append(inTable ? "\\|" : "|");
                case '!' -> out.append(index == text.length() - 1 ? "\\!" : "!");
                case '\u00a0' -> out.append("&nbsp;");
                default -> out.append(character);
            }
        }
        return out.toString();
    }

    private static boolean[] special(String characters) {
        boolean[] special = new boolean[128];
        for (char character : characters.toCharArray()) {
            special[character] = true;
        }
        return special;
    }

    private static String escapeLineStart(String escaped) {
        if (escaped.isEmpty()) {
            return escaped;
        }
        char first = escaped.charAt(0);
        if (first == '#' || first == '>' || first == '-' || first == '+' || first == '=' || first == '|') {
            return "\\" + escaped;
        }
        if (first < '0' || first > '9') {
            return escaped;
        }
        Matcher ordered = ORDERED_MARKER.matcher(escaped);
        if (ordered.find()) {
            return ordered.group(1) + "\\" + ordered.group(2) + escaped.substring(ordered.end());
        }
        return escaped;
    }

    /**
     * Escapes the text of a heading: like a line start, plus a trailing {@code #} that would
     * otherwise be read as a closing sequence.
     *
     * @param markdown the heading's inline Markdown
     * @return the safe heading text
     */
    public static String protectHeadingEnd(String markdown) {
        if (markdown.endsWith("#") && !markdown.endsWith("\\#")) {
            return markdown.substring(0, markdown.length() - 1) + "\\#";
        }
        return markdown;
    }
}
