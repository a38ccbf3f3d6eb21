package dev.reposix.backend.confluence.codec.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reposix.backend.confluence.codec.StorageGrammar;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A text's traits say exactly what each pass would have found by reading the text itself, whether
 * the parser found them while reading the body or the node when asked, and a node's traits follow
 * its value: random texts over every character class the passes tell apart, and grammar bodies.
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

    @Test
    void theParserFindsTheTraitsOfWhatItReads() {
        List<String> bodies = new ArrayList<>(List.of("<p>a  b\tc</p>", "<p>x &amp; y &lt;z&gt;</p>",
                "<p>one<![CDATA[ two  *three* ]]>four</p>", "<p>caf\u00e9 \u00a0nbsp</p>", "<p>[link](x)</p>",
                "<pre>  keep\n  these  </pre>", "<p>_a_ ~b~ |c| !d</p>"));
        for (int seed = 0; seed < 200; seed++) {
            bodies.add(new StorageGrammar(seed, false).document());
        }
        Random random = new Random(3);
        for (int body = 0; body < 300; body++) {
            bodies.add("<p>" + randomText(random).replace("&", "&amp;").replace("<", "&lt;").replace("\r", "")
                    + "<em>" + randomText(random).replace("&", "&amp;").replace("<", "&lt;").replace("\r", "")
                    + "</em></p>");
        }
        int checked = 0;
        for (String body : bodies) {
            Element root = StorageParser.parseDirectly(body);
            if (root != null) {
                checked += checkTexts(root);
            }
        }
        assertThat(checked).isGreaterThan(1_000);
    }

    /** Checks the traits of every text below a node against reading it afresh; returns how many. */
    private static int checkTexts(Node node) {
        int checked = 0;
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE) {
                assertThat(child.textTraits()).as(child.getNodeValue()).isEqualTo(TextTraits.of(child.getNodeValue()));
                checked++;
            }
            checked += checkTexts(child);
        }
        return checked;
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
