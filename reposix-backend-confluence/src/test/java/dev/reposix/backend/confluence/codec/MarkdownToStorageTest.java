package dev.reposix.backend.confluence.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reposix.api.ErrorCategory;
import dev.reposix.api.ReposixException;
import org.junit.jupiter.api.Test;

/** Markdown as a person writes it, converted to storage, one construct at a time. */
class MarkdownToStorageTest {

    private final StorageCodec codec = new StorageCodec(new TestPages());
    private final StorageCanonicalizer canonicalizer = new StorageCanonicalizer();

    private void assertStorage(String markdown, String expectedStorage) {
        assertThat(canonicalizer.canonicalize(codec.toStorage(markdown)))
                .isEqualTo(canonicalizer.canonicalize(expectedStorage));
    }

    @Test
    void headingsAndWrappedParagraphs() {
        assertStorage("# Title\n\nSome text\nwrapped here.\n\n### Small\n",
                "<h1>Title</h1><p>Some text wrapped here.</p><h3>Small</h3>");
    }

    @Test
    void emphasisStrongStrikeAndCode() {
        assertStorage("**b** *i* _j_ ~~s~~ `c` and <u>u</u>\n",
                "<p><strong>b</strong> <em>i</em> <em>j</em> <s>s</s> <code>c</code> and <u>u</u></p>");
    }

    @Test
    void webLinksAndAutolinks() {
        assertStorage("[Docs](https://example.com/docs \"Read\") and <https://example.com>\n",
                "<p><a href=\"https://example.com/docs\" title=\"Read\">Docs</a> and "
                        + "<a href=\"https://example.com\">https://example.com</a></p>");
    }

    @Test
    void referenceStyleLinks() {
        assertStorage("See [the docs][docs] and [Runbook][rb].\n\n[docs]: https://example.com/docs\n"
                        + "[rb]: reposix:record/65537\n",
                "<p>See <a href=\"https://example.com/docs\">the docs</a> and <ac:link><ri:page"
                        + " ri:content-title=\"Runbook\" /></ac:link>.</p>");
    }

    @Test
    void recordLinksBecomePageLinks() {
        assertStorage("[Runbook](reposix:record/65537), [the steps](reposix:record/65537#rollback)\n",
                "<p><ac:link><ri:page ri:content-title=\"Runbook\" /></ac:link>, <ac:link ac:anchor=\"rollback\">"
                        + "<ri:page ri:content-title=\"Runbook\" /><ac:plain-text-link-body><![CDATA[the steps]]>"
                        + "</ac:plain-text-link-body></ac:link></p>");
    }

    @Test
    void formattedLinkTextBecomesARichLinkBody() {
        assertStorage("[**Runbook** now](reposix:record/65537)\n",
                "<p><ac:link><ri:page ri:content-title=\"Runbook\" /><ac:link-body><strong>Runbook</strong> now"
                        + "</ac:link-body></ac:link></p>");
    }

    @Test
    void aLinkToAnUnknownRecordIsAUserError() {
        assertThatThrownBy(() -> codec.toStorage("See [gone](reposix:record/424242).\n"))
                .isInstanceOfSatisfying(ReposixException.class, failure -> {
                    assertThat(failure.errorCode()).isEqualTo(CodecErrorCode.UNKNOWN_RECORD_LINK);
                    assertThat(failure.category()).isEqualTo(ErrorCategory.USER);
                    assertThat(failure.getMessage()).contains("reposix:record/424242", "line 1");
                });
    }

    @Test
    void attachmentImagesAndLinks() {
        assertStorage("![Deploy flow](reposix:attachment/deploy%20flow.png) [report](reposix:attachment/r.pdf)\n",
                "<p><ac:image ac:alt=\"Deploy flow\"><ri:attachment ri:filename=\"deploy flow.png\" /></ac:image> "
                        + "<ac:link><ri:attachment ri:filename=\"r.pdf\" /><ac:plain-text-link-body><![CDATA[report]]>"
                        + "</ac:plain-text-link-body></ac:link></p>");
    }

    @Test
    void webImagesKeepTheirTitle() {
        assertStorage("![Logo](https://example.com/logo.png \"Our logo\")\n",
                "<p><ac:image ac:alt=\"Logo\" ac:title=\"Our logo\"><ri:url ri:value=\"https://example.com/logo.png\" />"
                        + "</ac:image></p>");
    }

    @Test
    void nestedOrderedAndBulletLists() {
        assertStorage("1. one\n   - a\n   - b\n2. two\n",
                "<ol><li>one<ul><li>a</li><li>b</li></ul></li><li>two</li></ol>");
    }

    @Test
    void looseListItemsKeepTheirParagraphs() {
        assertStorage("- first\n\n  more about it\n\n- second\n",
                "<ul><li><p>first</p><p>more about it</p></li><li>second</li></ul>");
    }

    @Test
    void taskLists() {
        assertStorage("- [ ] write docs\n- [x] ship it\n",
                "<ac:task-list><ac:task><ac:task-status>incomplete</ac:task-status><ac:task-body>write docs"
                        + "</ac:task-body></ac:task><ac:task><ac:task-status>complete</ac:task-status>"
                        + "<ac:task-body>ship it</ac:task-body></ac:task></ac:task-list>");
        assertThat(codec.toStorage("- [ ] a\n- [x] b\n")).contains("<ac:task-id>1</ac:task-id>", "<ac:task-id>2</ac:task-id>");
    }

    @Test
    void aListMixingTasksAndPlainItemsIsRefusedWithAFix() {
        assertThatThrownBy(() -> codec.toStorage("- [ ] task\n- plain\n"))
                .isInstanceOfSatisfying(ReposixException.class, failure -> {
                    assertThat(failure.errorCode()).isEqualTo(CodecErrorCode.UNSUPPORTED_MARKDOWN);
                    assertThat(failure.getMessage()).contains("line 1", "make every item a task");
                });
    }

    @Test
    void alertsBecomePanels() {
        assertStorage("> [!NOTE]\n> Read this.\n\n> [!TIP]\n> Try that.\n\n> [!WARNING]\n> **Careful**\n>\n> Hot.\n\n"
                        + "> [!CAUTION]\n> Danger.\n",
                "<ac:structured-macro ac:name=\"info\"><ac:rich-text-body><p>Read this.</p></ac:rich-text-body>"
                        + "</ac:structured-macro><ac:structured-macro ac:name=\"tip\"><ac:rich-text-body><p>Try that.</p>"
                        + "</ac:rich-text-body></ac:structured-macro><ac:structured-macro ac:name=\"note\">"
                        + "<ac:parameter ac:name=\"title\">Careful</ac:parameter><ac:rich-text-body><p>Hot.</p>"
                        + "</ac:rich-text-body></ac:structured-macro><ac:structured-macro ac:name=\"warning\">"
                        + "<ac:rich-text-body><p>Danger.</p></ac:rich-text-body></ac:structured-macro>");
    }

    @Test
    void theImportantAlertHasNoConfluenceTwinAndIsRefusedWithAFix() {
        assertThatThrownBy(() -> codec.toStorage("Intro\n\n> [!IMPORTANT]\n> Do it.\n"))
                .isInstanceOfSatisfying(ReposixException.class, failure -> {
                    assertThat(failure.errorCode()).isEqualTo(CodecErrorCode.UNSUPPORTED_MARKDOWN);
                    assertThat(failure.category()).isEqualTo(ErrorCategory.USER);
                    assertThat(failure.getMessage()).contains("[!IMPORTANT]", "line 3", "use [!NOTE]");
                });
    }

    @Test
    void plainQuotesRulesAndBreaks() {
        assertStorage("> quoted\n\n---\n\nline one\\\nline two\n",
                "<blockquote><p>quoted</p></blockquote><hr /><p>line one<br />line two</p>");
    }

    @Test
    void fencedAndIndentedCodeBecomeTheCodeMacro() {
        assertStorage("```java title=\"Hello world\"\nclass A {}\n```\n\n    plain\n",
                "<ac:structured-macro ac:name=\"code\"><ac:parameter ac:name=\"language\">java</ac:parameter>"
                        + "<ac:parameter ac:name=\"title\">Hello world</ac:parameter><ac:plain-text-body>"
                        + "<![CDATA[class A {}]]></ac:plain-text-body></ac:structured-macro>"
                        + "<ac:structured-macro ac:name=\"code\"><ac:plain-text-body><![CDATA[plain]]>"
                        + "</ac:plain-text-body></ac:structured-macro>");
    }

    @Test
    void pipeTables() {
        assertStorage("| Name | Role |\n| --- | :-: |\n| Ann | *lead* |\n| Bob \\| Jr | dev |\n",
                "<table><tbody><tr><th>Name</th><th>Role</th></tr><tr><td>Ann</td><td><em>lead</em></td></tr>"
                        + "<tr><td>Bob | Jr</td><td>dev</td></tr></tbody></table>");
    }

    @Test
    void detailsBecomeAnExpandMacro() {
        assertStorage("<details><summary>More &amp; more</summary>\n\nHidden *text*.\n\n</details>\n",
                "<ac:structured-macro ac:name=\"expand\"><ac:parameter ac:name=\"title\">More &amp; more</ac:parameter>"
                        + "<ac:rich-text-body><p>Hidden <em>text</em>.</p></ac:rich-text-body></ac:structured-macro>");
    }

    @Test
    void statusSpansBecomeStatusMacros() {
        assertStorage("State: <span data-status=\"Red\">Blocked</span>\n",
                "<p>State: <ac:structured-macro ac:name=\"status\"><ac:parameter ac:name=\"colour\">Red</ac:parameter>"
                        + "<ac:parameter ac:name=\"title\">Blocked</ac:parameter></ac:structured-macro></p>");
    }

    @Test
    void preservedStoragePassesThrough() {
        assertStorage("Before <!--confluence <ac:emoticon ac:name=\"smile\" />--> after\n\n"
                        + "```confluence-storage\n<ac:structured-macro ac:name=\"toc\" />\n```\n",
                "<p>Before <ac:emoticon ac:name=\"smile\" /> after</p><ac:structured-macro ac:name=\"toc\" />");
    }

    @Test
    void aDamagedVerbatimBlockIsAUserErrorThatSaysHowToRepairIt() {
        assertThatThrownBy(() -> codec.toStorage("```confluence-storage\n<ac:structured-macro ac:name=\"x\">\n```\n"))
                .isInstanceOfSatisfying(ReposixException.class, failure -> {
                    assertThat(failure.errorCode()).isEqualTo(CodecErrorCode.INVALID_MARKDOWN_MARKUP);
                    assertThat(failure.category()).isEqualTo(ErrorCategory.USER);
                    assertThat(failure.getMessage()).contains("git diff");
                });
    }

    @Test
    void commentsAPersonWroteAreNotSentToConfluence() {
        assertStorage("<!-- TODO: expand -->\n\nText <!-- aside --> here\n", "<p>Text  here</p>");
    }

    @Test
    void windowsLineEndingsReadLikeUnixOnes() {
        assertThat(codec.toStorage("# A\r\n\r\ntext\r\n")).isEqualTo(codec.toStorage("# A\n\ntext\n"));
    }

    @Test
    void emptyMarkdownIsAnEmptyBody() {
        assertThat(codec.toStorage("")).isEmpty();
        assertThat(codec.toMarkdown("")).isEmpty();
    }
}
