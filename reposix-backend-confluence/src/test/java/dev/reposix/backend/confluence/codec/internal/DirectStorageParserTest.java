package dev.reposix.backend.confluence.codec.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reposix.api.ReposixException;
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
 * The direct parser builds exactly the JDK parser's tree or declines: on generated, real-world,
 * hand-made edge-case and damaged bodies, every body it accepts is one the JDK parser reads into an
 * equal tree (same nodes, names, attributes and text, node for node), and it accepts every valid body
 * the generators make, so the fast path is the one taken.
 */
class DirectStorageParserTest {

    private static final String[] DAMAGE = {"<!DOCTYPE x [<!ENTITY e \"y\">]>", "&e;", "&#0;", "&#x1F680;",
        "&#X41;", "&#65;", "&#xD800;", "&amp;", "&nbsp;", "&unknown;", "&;", "&#;", "<![CDATA[x]]>", "]]>", "<?php x ?>",
        "<!-- c -->", "<!-- a -- b -->", "<!--->", "<p>", "</p>", "<", ">", "\"", "'", "=", "\u0000", "\u0001", "\t",
        "\n", "\r", "\r\n", "\uFFFE", "\uFFFF", "\uD800", "\uDC00", "\uD83D\uDE80", "<p ", " a=\"1\"", " a='2'",
        " a=3", "<br/>", "</ br>", "<br / >", "<é>", "<p é=\"1\">", "<a:b:c>", "<_x>", "<x.y-z>", "<1p>", "< p>",
        "<p\ta=\"x\ty\n\">", "</reposix-storage>", "<ac:link>", "</ac:link>"};
    private static final List<String> EDGE_CASES = List.of("", " ", "plain text", "a\nb\tc", "<p/>", "<p />",
            "<p></p >", "<p a=\"1\" b='2'/>", "<p a=\"&lt;&amp;&gt;&quot;&apos;\"/>", "<p a=\"x\ny\tz\"/>",
            "<p a=\"&#10;&#9;\"/>", "<p a = \"1\"/>", "<p a=\"1\"b=\"2\"/>", "<p a=\"1\" a=\"2\"/>", "<p a=\"<\"/>",
            "<p a=\">\"/>", "<p>a &nbsp; b &ndash; &rarr; &eacute; &#8212; &#x2713; &amp; &lt;</p>",
            "<p>&nbsp;</p><p>&NotNestedGreaterGreater;</p>", "<p>&bogus;</p>", "<p>&#0;</p>", "<p>&#xFFFE;</p>",
            "<p>&#x10FFFF;</p>", "<p>&#x110000;</p>", "<p>&#99999999999;</p>", "<p>&#1a;</p>",
            "<p>a<!-- note -->b</p>", "<p><!----></p>", "<p><!-- a--></p>", "<p><!-- a---></p>",
            "<p><![CDATA[<x> & ]]></p>", "<p>x<![CDATA[y]]>z</p>", "<p>a]]>b</p>", "<p>a]]b>c</p>", "<p>]]</p>",
            "<p>\r\n</p>", "<?xml version=\"1.0\"?><p/>", "<p><?pi x?></p>", "<!DOCTYPE p><p/>", "<p>open",
            "</p>", "<p></q>", "<p><b></p></b>", "<p>a</p></reposix-storage><p>b</p>", "<reposix-storage/>",
            "<p>\u0001</p>", "<p>\uD83D\uDE80 \uD83D</p>", "<p>\uDE80</p>", "<p>\u00e9\u65e5\u672c</p>",
            "<ac:structured-macro ac:name=\"code\"><ac:plain-text-body><![CDATA[int x;\n]]></ac:plain-text-body>"
                    + "</ac:structured-macro>",
            "<p xmlns:ac=\"other\">x</p>", "<p>" + "&nbsp;".repeat(10_001) + "</p>", "<" + "x".repeat(1_001) + "/>",
            "<p>AT&T</p>", "<p>a & b</p>", "<p>&amp</p>");

    @Test
    void everyBodyItAcceptsIsTheJdkParsersTreeAndItAcceptsEveryValidGeneratedBody() throws Exception {
        List<String> valid = new ArrayList<>();
        for (SeedPage page : Seeds.generated("BENCH", 300, 5_000, 7).spaces().get(0).pages()) {
            valid.add(page.body());
        }
        Seeds.demo().spaces().get(0).pages().forEach(page -> valid.add(page.body()));
        for (int seed = 0; seed < 300; seed++) {
            valid.add(new StorageGrammar(seed, seed % 2 == 0).document());
        }
        valid.addAll(corpus());
        for (String body : valid) {
            assertThat(agrees(body)).as("accepted:%n%s", body).isTrue();
        }

        Random random = new Random(20261124L);
        int accepted = 0;
        int declined = 0;
        for (int input = 0; input < 3_000; input++) {
            String body = damage(random, valid.get(random.nextInt(valid.size())));
            if (agrees(body)) {
                accepted++;
            } else {
                declined++;
            }
        }
        assertThat(accepted).as("damaged bodies that are still well-formed").isPositive();
        assertThat(declined).as("damaged bodies left to the JDK parser").isPositive();
    }

    @Test
    void edgeCasesAreReadAsTheJdkParserReadsThemOrLeftToIt() {
        int accepted = 0;
        for (String body : EDGE_CASES) {
            if (agrees(body)) {
                accepted++;
            }
        }
        assertThat(accepted).isBetween(20, EDGE_CASES.size() - 20);
    }

    @Test
    void whatItDeclinesIsStillReadOrRefusedByTheJdkParser() {
        assertThat(StorageParser.parse("<p>a\r\nb</p>").getTextContent()).isEqualTo("a\nb");
        assertThat(StorageParser.parse("<p><?pi x?>a</p>").getTextContent()).isEqualTo("a");
        Element unicodeName = (Element) StorageParser.parse("<caf\u00e9 x=\"1\"/>").getFirstChild();
        assertThat(unicodeName.getTagName()).isEqualTo("caf\u00e9");
        assertThat(catchMessage("<p>a &bogus; b</p>")).contains("bogus", "line 1");
        assertThat(catchMessage("<p>fine</p>\n<p>broken <b>here</p>")).contains("line 2");
    }

    /**
     * Whether the direct parser accepted the body; fails if it accepted a body the JDK parser refuses
     * or reads into another tree.
     */
    private static boolean agrees(String body) {
        Element direct = StorageParser.parseDirectly(body);
        Element jdk;
        try {
            jdk = StorageParser.parseWithJdkParser(body);
        } catch (ReposixException refused) {
            assertThat(direct).as("accepted a body the JDK parser refuses (%s):%n%s", refused.getMessage(), body)
                    .isNull();
            return false;
        }
        if (direct == null) {
            return false;
        }
        assertThat(describe(direct)).as("the tree of:%n%s", body).isEqualTo(describe(jdk));
        return true;
    }

    /** Every node, in order, with its type, name, value and attributes: a readable diff when trees differ. */
    private static String describe(Node node) {
        StringBuilder out = new StringBuilder();
        describe(node, 0, out);
        return out.toString();
    }

    private static void describe(Node node, int depth, StringBuilder out) {
        out.append("  ".repeat(depth)).append(node.getNodeType()).append(' ').append(node.getNodeName());
        if (node.getNodeValue() != null) {
            out.append(" \"").append(node.getNodeValue()).append('"');
        }
        for (int index = 0; node instanceof Element element && index < element.attributeCount(); index++) {
            out.append(' ').append(element.attributeName(index)).append("=\"").append(element.attributeValue(index))
                    .append('"');
        }
        out.append('\n');
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            describe(child, depth + 1, out);
        }
    }

    private static String catchMessage(String body) {
        try {
            StorageParser.parse(body);
            throw new AssertionError("read a malformed body: " + body);
        } catch (ReposixException refused) {
            return refused.getMessage();
        }
    }

    private static String damage(Random random, String original) {
        StringBuilder text = new StringBuilder(original);
        for (int edit = 1 + random.nextInt(3); edit > 0; edit--) {
            int at = random.nextInt(text.length() + 1);
            switch (random.nextInt(5)) {
                case 0, 1, 2 -> text.insert(at, DAMAGE[random.nextInt(DAMAGE.length)]);
                case 3 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(8)));
                default -> text.setLength(at);
            }
        }
        return text.toString();
    }

    private static List<String> corpus() throws IOException, URISyntaxException {
        Path folder = Path.of(DirectStorageParserTest.class.getResource("/codec/corpus").toURI());
        List<String> bodies = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".xml")).sorted().toList()) {
                bodies.add(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return bodies;
    }
}
