package dev.reposix.backend.confluence.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Storage converted to Markdown, one construct at a time; each case also checks the four
 * guarantees, so the Markdown shown is known to come back as the same storage.
 */
class StorageToMarkdownTest {

    private final StorageCodec codec = new StorageCodec(new TestPages());
    private final CodecGuarantees guarantees = new CodecGuarantees(codec);

    private void assertMarkdown(String storage, String expectedMarkdown) {
        assertThat(guarantees.assertAll(storage)).isEqualTo(expectedMarkdown);
    }

    @Test
    void headingsParagraphsAndEmphasis() {
        assertMarkdown("<h2>Setup</h2><p>Use <strong>bold</strong>, <em>italic</em>, <s>gone</s> and <code>x()</code>.</p>",
                "## Setup\n\nUse **bold**, *italic*, ~~gone~~ and `x()`.\n");
    }

    @Test
    void emphasisThatDelimitersCannotExpressFallsBackToInlineHtml() {
        assertMarkdown("<p><strong>a</strong><strong>b</strong></p>", "<strong>a</strong><strong>b</strong>\n");
    }

    @Test
    void textThatLooksLikeMarkdownIsEscaped() {
        assertMarkdown("<p># 1. *not* [a] `link` &lt;b&gt; snake_case</p>",
                "\\# 1. \\*not\\* \\[a\\] \\`link\\` \\<b> snake_case\n");
    }

    @Test
    void nestedListsFromTheEditor() {
        assertMarkdown("<ul><li><p>one</p><ol><li><p>a</p></li><li><p>b</p></li></ol></li><li><p>two</p></li></ul>",
                "- one\n  1. a\n  2. b\n- two\n");
    }

    @Test
    void adjacentListsStayApart() {
        assertMarkdown("<ul><li>a</li></ul><ul><li>b</li></ul>", "- a\n\n* b\n");
    }

    @Test
    void quotesRulesAndLineBreaks() {
        assertMarkdown("<blockquote><p>Wise words.</p></blockquote><hr /><p>one<br />two</p>",
                "> Wise words.\n\n---\n\none\\\ntwo\n");
    }

    @Test
    void simpleTablesArePipeTablesAndTheirLayoutIsKeptAboveThem() {
        assertMarkdown("<table><tbody><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>x | y</td></tr></tbody></table>",
                "| A | B |\n| --- | --- |\n| 1 | x \\| y |\n");
        assertMarkdown("<table data-layout=\"wide\"><tbody><tr><th><p>A</p></th></tr><tr><td><p>1</p></td></tr>"
                        + "</tbody></table>",
                "<!--confluence-table <table data-layout=\"wide\"><tbody>-->\n\n| A |\n| --- |\n| 1 |\n");
    }

    @Test
    void mergedCellsKeepTheTableAsHtml() {
        assertMarkdown("<table><tbody><tr><th colspan=\"2\">A</th></tr><tr><td>1</td><td>2</td></tr></tbody></table>",
                "<table>\n<tbody>\n<tr><th colspan=\"2\">A</th></tr>\n<tr><td>1</td><td>2</td></tr>\n</tbody>\n</table>\n");
    }

    @Test
    void theCodeMacroIsAFencedBlockWithItsLanguageAndParameters() {
        assertMarkdown("<ac:structured-macro ac:name=\"code\" ac:macro-id=\"9\"><ac:parameter ac:name=\"language\">sql"
                        + "</ac:parameter><ac:parameter ac:name=\"title\">Top users</ac:parameter><ac:plain-text-body>"
                        + "<![CDATA[select * from users\nwhere a < b]]></ac:plain-text-body></ac:structured-macro>",
                "```sql title=\"Top users\"\nselect * from users\nwhere a < b\n```\n");
    }

    @Test
    void panelsAreAlertsKeepingTheirTitle() {
        assertMarkdown("<ac:structured-macro ac:name=\"info\"><ac:rich-text-body><p>Read.</p></ac:rich-text-body>"
                        + "</ac:structured-macro><ac:structured-macro ac:name=\"note\"><ac:parameter ac:name=\"title\">"
                        + "Careful</ac:parameter><ac:rich-text-body><ul><li>hot</li></ul></ac:rich-text-body>"
                        + "</ac:structured-macro>",
                "> [!NOTE]\n> Read.\n\n> [!WARNING]\n> **Careful**\n>\n> - hot\n");
    }

    @Test
    void taskLists() {
        assertMarkdown("<ac:task-list><ac:task><ac:task-id>7</ac:task-id><ac:task-status>complete</ac:task-status>"
                        + "<ac:task-body>done</ac:task-body></ac:task><ac:task><ac:task-id>8</ac:task-id>"
                        + "<ac:task-status>incomplete</ac:task-status><ac:task-body>todo</ac:task-body></ac:task>"
                        + "</ac:task-list>",
                "- [x] done\n- [ ] todo\n");
    }

    @Test
    void pageLinksUseTheNeutralRecordForm() {
        assertMarkdown("<p><ac:link ac:anchor=\"s2\"><ri:page ri:content-title=\"Ops &amp; on-call\" /></ac:link></p>",
                "[Ops & on-call](reposix:record/131073#s2)\n");
    }

    @Test
    void linksTheDirectoryCannotResolveArePreservedInline() {
        assertMarkdown("<p>See <ac:link><ri:page ri:space-key=\"OPS\" ri:content-title=\"Home\" /></ac:link>.</p>",
                "See <!--confluence <ac:link><ri:page ri:content-title=\"Home\" ri:space-key=\"OPS\" /></ac:link>-->.\n");
    }

    @Test
    void attachmentImagesKeepTheirDisplayAttributesInTheTitle() {
        assertMarkdown("<p><ac:image ac:width=\"300\" ac:alt=\"Flow\"><ri:attachment ri:filename=\"deploy flow.png\" />"
                        + "</ac:image></p>",
                "![Flow](reposix:attachment/deploy%20flow.png 'ac:width=\"300\"')\n");
    }

    @Test
    void anAttachmentLinkWithoutABodyShowsTheFileNameAndComesBackWithoutOne() {
        assertMarkdown("<p>Download <ac:link><ri:attachment ri:filename=\"notes 0.2.pdf\" /></ac:link>.</p>",
                "Download [notes 0.2.pdf](reposix:attachment/notes%200.2.pdf).\n");
        assertThat(guarantees.assertAll("<p><ac:link><ri:attachment ri:filename=\"a.pdf\" /><ac:plain-text-link-body>"
                + "<![CDATA[a.pdf]]></ac:plain-text-link-body></ac:link></p>"))
                .as("a body that repeats the file name is kept verbatim").startsWith("<!--confluence");
    }

    @Test
    void statusAndExpandMacros() {
        assertMarkdown("<p><ac:structured-macro ac:name=\"status\"><ac:parameter ac:name=\"colour\">Green</ac:parameter>"
                        + "<ac:parameter ac:name=\"title\">OK</ac:parameter></ac:structured-macro></p>"
                        + "<ac:structured-macro ac:name=\"expand\"><ac:parameter ac:name=\"title\">More</ac:parameter>"
                        + "<ac:rich-text-body><p>Hidden.</p></ac:rich-text-body></ac:structured-macro>",
                "<span data-status=\"Green\">OK</span>\n\n<details><summary>More</summary>\n\nHidden.\n\n</details>\n");
    }

    @Test
    void unknownBlockMacrosAreKeptVerbatimInAFencedBlock() {
        assertMarkdown("<ac:structured-macro ac:name=\"jira\" ac:macro-id=\"abc\"><ac:parameter ac:name=\"key\">ENG-1"
                        + "</ac:parameter></ac:structured-macro>",
                "```confluence-storage\n<ac:structured-macro ac:macro-id=\"abc\" ac:name=\"jira\"><ac:parameter"
                        + " ac:name=\"key\">ENG-1</ac:parameter></ac:structured-macro>\n```\n");
    }

    @Test
    void layoutsAndRichTextMacrosKeepOnlyTheirWrapperAndTheirContentEditable() {
        assertMarkdown("<ac:layout><ac:layout-section ac:type=\"two_equal\"><ac:layout-cell><p>Left</p></ac:layout-cell>"
                        + "<ac:layout-cell><ac:structured-macro ac:name=\"panel\"><ac:parameter ac:name=\"bgColor\">#fff"
                        + "</ac:parameter><ac:rich-text-body><p>Right</p></ac:rich-text-body></ac:structured-macro>"
                        + "</ac:layout-cell></ac:layout-section></ac:layout>",
                "<!--confluence-block <ac:layout><ac:layout-section ac:type=\"two_equal\"><ac:layout-cell>-->\n\n"
                        + "Left\n\n"
                        + "<!--confluence-block </ac:layout-cell><ac:layout-cell><ac:structured-macro ac:name=\"panel\">"
                        + "<ac:parameter ac:name=\"bgColor\">#fff</ac:parameter><ac:rich-text-body>-->\n\n"
                        + "Right\n\n"
                        + "<!--confluence-block </ac:rich-text-body></ac:structured-macro></ac:layout-cell>"
                        + "</ac:layout-section></ac:layout>-->\n");
    }

    @Test
    void inlineCommentMarkersWrapEditableText() {
        assertMarkdown("<p>A <ac:inline-comment-marker ac:ref=\"r1\">marked</ac:inline-comment-marker> word.</p>",
                "A <!--confluence <ac:inline-comment-marker ac:ref=\"r1\">-->marked"
                        + "<!--confluence </ac:inline-comment-marker>--> word.\n");
    }

    @Test
    void inlineStorageWithDoubleHyphensStaysInsideItsComment() {
        assertMarkdown("<p>x <ac:structured-macro ac:name=\"jira\"><ac:parameter ac:name=\"key\">a--b</ac:parameter>"
                        + "</ac:structured-macro></p>",
                "x <!--confluence <ac:structured-macro ac:name=\"jira\"><ac:parameter ac:name=\"key\">a-&#45;b"
                        + "</ac:parameter></ac:structured-macro>-->\n");
    }

    @Test
    void anchorMacrosAreHtmlAnchors() {
        assertMarkdown("<h2><ac:structured-macro ac:name=\"anchor\"><ac:parameter ac:name=\"\">rollback</ac:parameter>"
                        + "</ac:structured-macro>Rollback</h2>",
                "## <a id=\"rollback\"></a>Rollback\n");
    }

    @Test
    void cloudEmoticonsShowTheirEmoji() {
        assertMarkdown("<p>Done <ac:emoticon ac:name=\"tick\" ac:emoji-shortname=\":check_mark:\" ac:emoji-id=\"2714\""
                        + " ac:emoji-fallback=\"\u2714\" /></p>",
                "Done <span data-emoticon=\"tick\" data-emoji-id=\"2714\" data-emoji-shortname=\":check_mark:\">"
                        + "\u2714</span>\n");
    }
}
