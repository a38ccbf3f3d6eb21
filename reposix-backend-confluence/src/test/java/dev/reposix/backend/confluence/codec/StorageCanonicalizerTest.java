package dev.reposix.backend.confluence.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the canonicalizer treats as the same body, and what it must keep apart. */
class StorageCanonicalizerTest {

    private final StorageCanonicalizer canonicalizer = new StorageCanonicalizer();

    private void assertSame(String left, String right) {
        assertThat(canonicalizer.canonicalize(left)).isEqualTo(canonicalizer.canonicalize(right));
    }

    private void assertDifferent(String left, String right) {
        assertThat(canonicalizer.canonicalize(left)).isNotEqualTo(canonicalizer.canonicalize(right));
    }

    @Test
    void attributeOrderDoesNotMatter() {
        assertSame("<ac:image ac:width=\"400\" ac:align=\"center\"><ri:attachment ri:filename=\"a.png\" /></ac:image>",
                "<ac:image ac:align=\"center\" ac:width=\"400\"><ri:attachment ri:filename=\"a.png\"></ri:attachment></ac:image>");
    }

    @Test
    void idsConfluenceAssignsDoNotMatter() {
        assertSame("<table ac:local-id=\"1\"><tbody><tr><td local-id=\"x\">a</td></tr></tbody></table>"
                        + "<ac:structured-macro ac:name=\"toc\" ac:macro-id=\"m1\" ac:schema-version=\"1\" />"
                        + "<ac:task-list><ac:task><ac:task-id>42</ac:task-id><ac:task-status>complete</ac:task-status>"
                        + "<ac:task-body>t</ac:task-body></ac:task></ac:task-list>",
                "<table><tbody><tr><td>a</td></tr></tbody></table><ac:structured-macro ac:name=\"toc\" />"
                        + "<ac:task-list><ac:task><ac:task-id>1</ac:task-id><ac:task-status>complete</ac:task-status>"
                        + "<ac:task-body>t</ac:task-body></ac:task></ac:task-list>");
    }

    @Test
    void insignificantWhitespaceDoesNotMatter() {
        assertSame("\n<h1>\n  Title </h1>\n<p>a   b\n c <strong> bold </strong>d<br />  e</p>\n<ul>\n <li> x </li>\n</ul>",
                "<h1>Title</h1><p>a b c <strong>bold</strong> d<br />e</p><ul><li>x</li></ul>");
    }

    @Test
    void spacesMeetingWhereACommentWasOrWhereSpacesMovedOutOfFormattingAreOne() {
        assertSame("<p>a <!-- note --> b<!-- c --> c</p><p>x<strong>a </strong><em> b</em> <s> c</s>y</p>",
                "<p>a b c</p><p>x<strong>a</strong> <em>b</em> <s>c</s>y</p>");
        assertDifferent("<pre>a <!-- kept -->  b</pre>", "<pre>a b</pre>");
    }

    @Test
    void whitespaceInCodeAndWordsIsSignificant() {
        assertDifferent("<ac:structured-macro ac:name=\"code\"><ac:plain-text-body><![CDATA[a  b]]></ac:plain-text-body>"
                        + "</ac:structured-macro>",
                "<ac:structured-macro ac:name=\"code\"><ac:plain-text-body><![CDATA[a b]]></ac:plain-text-body>"
                        + "</ac:structured-macro>");
        assertDifferent("<p>ab</p>", "<p>a b</p>");
    }

    @Test
    void cdataAndEscapedTextAreTheSame() {
        assertSame("<ac:structured-macro ac:name=\"code\"><ac:plain-text-body><![CDATA[a < b]]></ac:plain-text-body>"
                        + "</ac:structured-macro>",
                "<ac:structured-macro ac:name=\"code\"><ac:plain-text-body>a &lt; b</ac:plain-text-body>"
                        + "</ac:structured-macro>");
    }

    @Test
    void macroParameterOrderDoesNotMatter() {
        assertSame("<ac:structured-macro ac:name=\"code\"><ac:parameter ac:name=\"title\">T</ac:parameter>"
                        + "<ac:parameter ac:name=\"language\">java</ac:parameter></ac:structured-macro>",
                "<ac:structured-macro ac:name=\"code\"><ac:parameter ac:name=\"language\">java</ac:parameter>"
                        + "<ac:parameter ac:name=\"title\">T</ac:parameter></ac:structured-macro>");
    }

    @Test
    void aLoneParagraphInAListItemOrCellIsTheSameAsItsText() {
        assertSame("<ul><li><p>a</p><ul><li><p>b</p></li></ul></li></ul><table><tbody><tr><td><p>c</p></td></tr>"
                        + "</tbody></table>",
                "<ul><li>a<ul><li>b</li></ul></li></ul><table><tbody><tr><td>c</td></tr></tbody></table>");
        assertDifferent("<ul><li><p>a</p><p>b</p></li></ul>", "<ul><li>ab</li></ul>");
    }

    @Test
    void aPageLinkWhoseTextIsTheTitleIsTheSameAsOneWithoutText() {
        assertSame("<ac:link><ri:page ri:content-title=\"Runbook\" /><ac:plain-text-link-body><![CDATA[Runbook]]>"
                        + "</ac:plain-text-link-body></ac:link>",
                "<ac:link><ri:page ri:content-title=\"Runbook\" /></ac:link>");
        assertDifferent("<ac:link><ri:page ri:content-title=\"Runbook\" /><ac:plain-text-link-body><![CDATA[Run]]>"
                        + "</ac:plain-text-link-body></ac:link>",
                "<ac:link><ri:page ri:content-title=\"Runbook\" /></ac:link>");
    }

    @Test
    void entitiesAndTheirCharactersAreTheSame() {
        assertSame("<p>a&nbsp;b&ndash;c</p>", "<p>a\u00a0b\u2013c</p>");
    }

    @Test
    void realChangesAreDifferent() {
        assertDifferent("<p>one</p>", "<p>two</p>");
        assertDifferent("<p><strong>x</strong></p>", "<p><em>x</em></p>");
        assertDifferent("<ac:structured-macro ac:name=\"info\" />", "<ac:structured-macro ac:name=\"tip\" />");
    }

    @Test
    void canonicalFormIsStable() {
        String canonical = canonicalizer.canonicalize("<p b=\"2\" a=\"1\">x <em> y</em></p>");
        assertThat(canonicalizer.canonicalize(canonical)).isEqualTo(canonical);
    }
}
