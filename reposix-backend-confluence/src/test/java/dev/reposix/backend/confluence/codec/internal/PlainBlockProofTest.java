package dev.reposix.backend.confluence.codec.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reposix.backend.confluence.codec.PageDirectory;
import dev.reposix.backend.confluence.codec.StorageGrammar;
import dev.reposix.simulator.seed.SeedPage;
import dev.reposix.simulator.seed.Seeds;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shortcut proof never says "survives" where the full round trip would not: every block
 * element of the fuzz bodies, the corpus, generated pages and bodies made to probe the shortcut's
 * edges is written in every mode, and each shortcut "survives" is checked against the full proof.
 */
class PlainBlockProofTest {

    private static final List<String> TOKENS = List.of("alpha", "Beta", "42", "café", "日本", "x", "a-b", "e.g.",
            "(paren)", "\"quoted\"", "it's", "50%", "a/b", "1+1=2", ":", ";", "?", ",", ".", "-", "--", "a*b", "_x",
            "#", "!", "&", "&amp;", "|", "~", "`", "[x]", "<x>", "\\", "😀", "1.", "2)", "+", "=", "  ", "\t");
    private static final String[] CODE_LINES = {"int x = 1;", "  indented", "", "```", "~~~", "tab\there", "a ` b",
            "<xml> & </xml>", "]]>", "# not a heading", "- not a list"};

    private final PageDirectory directory = PageDirectory.empty();
    private final MarkdownWriter writer = new MarkdownWriter(directory, new MarkdownReader(directory));
    private int shortcuts;

    @Test
    void shortcutAgreesWithTheFullProofOnEveryBlock() throws IOException, URISyntaxException {
        for (int seed = 0; seed < 300; seed++) {
            check(new StorageGrammar(seed, false).document());
            check(new StorageGrammar(1_000_000L + seed, true).document());
        }
        for (SeedPage page : Seeds.generated("B", 50, 5000, 1L).spaces().get(0).pages()) {
            check(page.body());
        }
        for (SeedPage page : Seeds.demo().spaces().get(0).pages()) {
            check(page.body());
        }
        try (Stream<Path> files = Files.list(corpus())) {
            for (Path file : files.filter(file -> file.toString().endsWith(".xml")).toList()) {
                check(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        Random random = new Random(7);
        for (int index = 0; index < 3000; index++) {
            check(probe(random));
        }
        assertThat(shortcuts).as("blocks the shortcut decided").isGreaterThan(1000);
    }

    private void check(String storage) {
        Element root = StorageParser.parse(storage);
        StorageNormalizer.normalize(root);
        List<Element> blocks = new ArrayList<>();
        collect(root, blocks);
        for (Element block : blocks) {
            String canonical = Canonical.of(block);
            for (boolean alternate : new boolean[] {false, true}) {
                for (WriteMode mode : WriteMode.values()) {
                    String markdown;
                    try {
                        markdown = new BlockWriter(directory, mode).block(block, alternate);
                    } catch (NotRepresentable notInThisMode) {
                        continue;
                    }
                    if (PlainBlockProof.survives(block, markdown, mode, alternate)) {
                        shortcuts++;
                        assertThat(writer.survivesRoundTrip(block, canonical, markdown, mode, alternate))
                                .as("full proof of the shortcut's block %s written as%n%s", storage, markdown)
                                .isTrue();
                    }
                }
            }
        }
    }

    private static void collect(Node parent, List<Element> blocks) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                blocks.add(element);
                collect(element, blocks);
            }
        }
    }

    /** A body of blocks near the shortcut's edges: inert and active characters, runs side by side. */
    private static String probe(Random random) {
        StringBuilder out = new StringBuilder();
        switch (random.nextInt(5)) {
            case 0 -> out.append("<p>").append(inline(random)).append("</p>");
            case 1 -> out.append("<h").append(1 + random.nextInt(6)).append('>').append(inline(random)).append("</h")
                    .append(out.charAt(2)).append('>');
            case 2, 3 -> {
                String list = random.nextBoolean() ? "ul" : "ol";
                out.append('<').append(list).append('>');
                int items = 1 + random.nextInt(11);
                for (int item = 0; item < items; item++) {
                    boolean paragraph = random.nextBoolean();
                    out.append("<li>").append(paragraph ? "<p>" : "").append(inline(random))
                            .append(paragraph ? "</p>" : "").append("</li>");
                }
                out.append("</").append(list).append('>');
            }
            default -> out.append(code(random));
        }
        return out.toString();
    }

    private static String inline(Random random) {
        StringBuilder out = new StringBuilder();
        int parts = 1 + random.nextInt(6);
        for (int part = 0; part < parts; part++) {
            String text = Xml.text(token(random) + (random.nextBoolean() ? " " : "") + token(random));
            switch (random.nextInt(4)) {
                case 0 -> out.append("<strong>").append(text).append("</strong>");
                case 1 -> out.append("<em>").append(text).append("</em>");
                default -> out.append(text).append(random.nextInt(3) == 0 ? "" : " ");
            }
        }
        return out.toString();
    }

    private static String token(Random random) {
        return TOKENS.get(random.nextInt(random.nextInt(3) == 0 ? TOKENS.size() : 12));
    }

    private static String code(Random random) {
        StringBuilder out = new StringBuilder("<ac:structured-macro ac:name=\"code\" ac:macro-id=\"m1\">");
        String[] names = {"language", "linenumbers", "title", "theme", "language"};
        String[] values = {"java", "true", "Build", "c++", "two words", "a=b", ""};
        int parameters = random.nextInt(4);
        for (int index = 0; index < parameters; index++) {
            out.append("<ac:parameter ac:name=\"").append(names[random.nextInt(names.length)]).append("\">")
                    .append(Xml.text(values[random.nextInt(values.length)])).append("</ac:parameter>");
        }
        StringBuilder code = new StringBuilder();
        int lines = 1 + random.nextInt(4);
        for (int line = 0; line < lines; line++) {
            code.append(line == 0 ? "" : "\n").append(CODE_LINES[random.nextInt(random.nextInt(3) == 0 ? CODE_LINES.length : 3)]);
        }
        return out.append("<ac:plain-text-body>").append(Xml.cdata(code.toString()))
                .append("</ac:plain-text-body></ac:structured-macro>").toString();
    }

    private static Path corpus() throws URISyntaxException {
        return Path.of(PlainBlockProofTest.class.getResource("/codec/corpus").toURI());
    }
}
