package dev.reposix.backend.confluence.codec.internal;

/**
 * What the codec's passes over a text need to know about its characters, found in one pass: the
 * normalizer whether whitespace must be collapsed, the plain-block proof whether every character is
 * inert, the Markdown escaper whether any character needs a look. Each used to read the whole text
 * itself; {@link Node#textTraits()} keeps the answer with the text until the text changes. Each
 * trait answers with the same predicate its user states ({@link MarkdownEscaper#isSpecial},
 * {@link PlainBlockProof#isInert}), so the answers cannot drift apart. Stateless, thread-safe.
 */
final class TextTraits {

    /** A line feed, carriage return or tab. */
    static final int LINE_BREAK_OR_TAB = 1;
    /** Two spaces in a row. */
    static final int DOUBLE_SPACE = 2;
    /** A character {@link MarkdownEscaper} may change. */
    static final int MARKDOWN_SPECIAL = 4;
    /** A character {@link PlainBlockProof} does not count as inert. */
    static final int NOT_INERT = 8;

    private static final byte[] ASCII = asciiTraits();

    private TextTraits() {
    }

    /**
     * The traits of a text.
     *
     * @param text the text
     * @return the traits it has, or'ed together
     */
    static int of(String text) {
        int traits = 0;
        char previous = 0;
        for (int index = 0, length = text.length(); index < length; index++) {
            char character = text.charAt(index);
            traits |= of(character);
            if (character == ' ' && previous == ' ') {
                traits |= DOUBLE_SPACE;
            }
            previous = character;
        }
        return traits;
    }

    /**
     * The traits of one character: all but {@link #DOUBLE_SPACE}, which needs the one before.
     *
     * @param character the character
     * @return its traits
     */
    static int of(char character) {
        return character < ASCII.length ? ASCII[character] : beyondAscii(character);
    }

    private static int beyondAscii(char character) {
        return (MarkdownEscaper.isSpecial(character) ? MARKDOWN_SPECIAL : 0)
                | (PlainBlockProof.isInert(character) ? 0 : NOT_INERT);
    }

    private static byte[] asciiTraits() {
        byte[] traits = new byte[128];
        for (char character = 0; character < traits.length; character++) {
            boolean lineBreakOrTab = character == '\n' || character == '\r' || character == '\t';
            traits[character] = (byte) (beyondAscii(character) | (lineBreakOrTab ? LINE_BREAK_OR_TAB : 0));
        }
        return traits;
    }
}
