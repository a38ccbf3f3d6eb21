package dev.reposix.backend.confluence.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reposix.backend.confluence.codec.internal.Element;
import dev.reposix.backend.confluence.codec.internal.Node;
import dev.reposix.backend.confluence.codec.internal.StorageNormalizer;
import dev.reposix.backend.confluence.codec.internal.StorageParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the four guarantees of the codec on one storage body: (a) the Markdown is a fixpoint,
 * (b) the round trip is canonically equal, (c) no text node is lost, (d) a one-word edit in the
 * Markdown changes only that word in storage. Stateless, thread-safe.
 */
final class CodecGuarantees {

    private static final Pattern WORD = Pattern.compile("(?<![&\\w])[A-Za-z]{4,}\\b");
    private static final Set<String> GENERATED_TEXT = Set.of("ac:task-id", "ac:task-uuid");
    private static final String EDITED = "Zyxwvut";

    private final StorageCodec codec;
    private final StorageCanonicalizer canonicalizer = new StorageCanonicalizer();

    CodecGuarantees(StorageCodec codec) {
        this.codec = codec;
    }

    /**
     * Asserts all four guarantees.
     *
     * @param storage the input body
     * @return the Markdown the codec produced
     */
    String assertAll(String storage) {
        String markdown = codec.toMarkdown(storage);
        String back = codec.toStorage(markdown);
        assertFixpoint(markdown, back);
        assertCanonicallyEqual(storage, back, markdown);
        assertNoTextLost(storage, back);
        assertOneWordEditsStayLocal(storage, markdown);
        return markdown;
    }

    void assertFixpoint(String markdown, String storage) {
        assertThat(codec.toMarkdown(storage)).as("(a) fixpoint: toMarkdown(toStorage(md)) == md").isEqualTo(markdown);
    }

    void assertCanonicallyEqual(String original, String back, String markdown) {
        assertThat(canonicalizer.canonicalize(back))
                .as("(b) storage -> Markdown -> storage is canonically equal; Markdown was:%n%s", markdown)
                .isEqualTo(canonicalizer.canonicalize(original));
    }

    void assertNoTextLost(String original, String back) {
        assertThat(texts(back)).as("(c) every text node survives").isEqualTo(texts(original));
    }

    /**
     * For every word that occurs once in the Markdown and once in the text of the canonical
     * storage, replacing it in the Markdown replaces exactly it in the storage.
     */
    void assertOneWordEditsStayLocal(String original, String markdown) {
        String canonical = canonicalizer.canonicalize(original);
        int checked = 0;
        Matcher words = WORD.matcher(markdown);
        while (words.find() && checked < 5) {
            String word = words.group();
            if (count(markdown, word) != 1 || count(canonical, word) != 1 || insideTag(canonical, word)) {
                continue;
            }
            String edited = markdown.replaceFirst("\\b" + word + "\\b", EDITED);
            assertThat(canonicalizer.canonicalize(codec.toStorage(edited)))
                    .as("(d) editing '%s' changes only that word", word)
                    .isEqualTo(canonical.replaceFirst("\\b" + word + "\\b", EDITED));
            checked++;
        }
    }

    /** How often a word occurs as a whole word (not inside a longer word). */
    private static int count(String text, String word) {
        int count = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            boolean startsWord = at == 0 || !isWordCharacter(text.charAt(at - 1));
            int end = at + word.length();
            boolean endsWord = end == text.length() || !isWordCharacter(text.charAt(end));
            if (startsWord && endsWord) {
                count++;
            }
        }
        return count;
    }

    /** The characters regex {@code \\b} treats as word characters, so counting agrees with replacing. */
    private static boolean isWordCharacter(char character) {
        return Character.isLetterOrDigit(character) || character == '_';
    }

    private static boolean insideTag(String storage, String word) {
        Matcher matcher = Pattern.compile("\\b" + word + "\\b").matcher(storage);
        if (!matcher.find()) {
            return true;
        }
        String before = storage.substring(0, matcher.start());
        return before.lastIndexOf('<') > before.lastIndexOf('>');
    }

    /** The text of every text node, whitespace removed (where whitespace goes is canonicalisation's business). */
    static String texts(String storage) {
        List<String> texts = new ArrayList<>();
        Element root = StorageParser.parse(storage);
        // normalized, so that reordered macro parameters compare equal
        StorageNormalizer.normalize(root);
        collect(root, texts);
        return String.join("", texts);
    }

    private static void collect(Node node, List<String> texts) {
        if (GENERATED_TEXT.contains(node.getNodeName())) {
            return;
        }
        if (node.getNodeType() == Node.TEXT_NODE) {
            texts.add(node.getNodeValue().replaceAll("\\s+", ""));
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            collect(child, texts);
        }
    }
}
