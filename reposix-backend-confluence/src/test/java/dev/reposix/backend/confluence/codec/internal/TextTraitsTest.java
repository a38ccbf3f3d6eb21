package dev.reposix.backend.confluence.codec.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A text's traits say exactly what each pass would have found by reading the text itself, and a
 * node's traits follow its value: random texts over every character class the passes tell apart.
 */
class TextTraitsTest {

    private static final String ALPHABET = "ab Z09 .,;:?'\"()/%+=-\\`*[]<>~_&|!#\n\r\t\u00a0é日😀\u2028";

    @Test
    void traitsAgreeWithReadingTheTextCharacterByCharacter() {
        Random random = new Random(7);
        for (int round = 0; round < 20_000; round++) {
            String text = randomText(random);
            int traits = TextTraits.of(text);
            assertThat((traits & TextTraits.LINE_BREAK_OR_TAB) != 0).as(text)
                    .isEqualTo(text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\t') >= 0);
            assertThat((traits & TextTraits.DOUBLE_SPACE) != 0).as(text).isEqualTo(text.contains("  "));
            assertThat((traits & TextTraits.MARKDOWN_SPECIAL) != 0).as(text)
                    .isEqualTo(text.chars().anyMatch(character -> "\\`*[]<~_&|!\u00a0".indexOf(character) >= 0));
            assertThat((traits & TextTraits.NOT_INERT) != 0).as(text).isEqualTo(text.chars().anyMatch(character ->
                    !Character.isLetterOrDigit((char) character) && " .,;:?'\"()/%+=-".indexOf(character) < 0));
        }
    }

    @Test
    void aNodeEscapesAsItsValueAndForgetsItsTraitsWhenItChanges() {
        Random random = new Random(11);
        for (int round = 0; round < 5_000; round++) {
            String text = randomText(random);
            Node node = Node.text(text);
            boolean lineStart = random.nextBoolean();
            boolean inTable = random.nextBoolean();
            assertThat(MarkdownEscaper.escape(node, lineStart, inTable)).as(text)
                    .isEqualTo(MarkdownEscaper.escape(text, lineStart, inTable));
            String changed = randomText(random);
            node.setNodeValue(changed);
            assertThat(node.textTraits()).as(changed).isEqualTo(TextTraits.of(changed));
        }
        assertThat(new Element("p").textTraits()).isZero();
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        for (int length = random.nextInt(12); length > 0; length--) {
            int at = random.nextInt(ALPHABET.length());
            // a surrogate pair is taken whole
            if (Character.isLowSurrogate(ALPHABET.charAt(at))) {
                at--;
            }
            text.append(ALPHABET.charAt(at));
            if (Character.isHighSurrogate(ALPHABET.charAt(at))) {
                text.append(ALPHABET.charAt(at + 1));
            }
        }
        return text.toString();
    }
}
