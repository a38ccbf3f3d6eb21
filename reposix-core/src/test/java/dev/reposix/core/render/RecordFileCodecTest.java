package dev.reposix.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reposix.api.ErrorCategory;
import dev.reposix.api.RecordId;
import dev.reposix.api.RecordStatus;
import dev.reposix.api.ReposixException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordFileCodecTest {

    private static final String PATH = "pages/Ops/Runbook.md";
    private final RecordFileCodec tree = RecordFileCodec.tree();
    private final RecordFileCodec flat = RecordFileCodec.flat();

    @Test
    void rendersKeysInOrderEveryStringQuotedAndOneTrailingNewline() {
        RecordFile file = new RecordFile(Optional.of(RecordId.of("65537")), "Deploy runbook", RecordStatus.CURRENT,
                List.of("runbook", "ops", "ops"), Optional.empty(), "# Deploy\r\n\r\nSteps.\n\n\n");

        assertThat(tree.render(file)).isEqualTo("""
                ---
                id: "65537"
                title: "Deploy runbook"
                status: "current"
                labels:
                  - "ops"
                  - "runbook"
                ---

                # Deploy

                Steps.
                """);
    }

    @Test
    void flatLayoutWritesTheParentLastAndEmptyLabelsAsAnEmptyList() {
        RecordFile file = new RecordFile(Optional.of(RecordId.of("7")), "Child", RecordStatus.DRAFT, List.of(),
                Optional.of(RecordId.of("3")), "");

        String rendered = flat.render(file);

        assertThat(rendered).isEqualTo("---\nid: \"7\"\ntitle: \"Child\"\nstatus: \"draft\"\nlabels: []\n"
                + "parent: \"3\"\n---\n");
        assertThat(flat.parse("pages/7.md", rendered)).isEqualTo(file);
        assertThatThrownBy(() -> tree.render(file)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hostileTitlesStayStringsAndRoundTripExactly() {
        List<String> titles = List.of("yes", "no", "null", "~", "true", "1.0", "0x1F", "1e3", "2024-01-01", "#x",
                ": x", "'quote'", "\"double\"", "back\\slash", "multi\nline\r\nand\ttab", "- item", "[a, b]", "{a: b}",
                "&anchor", "*alias", "!tag", "%directive", "@at", "`tick`", "---", "...", " leading and trailing ",
                "emoji 🚀👩‍👩‍👧", "עברית right-to-left", "zero\u0000byte", "bell\u0007", "nel\u0085", "ls\u2028ps\u2029",
                "bom\uFEFF", "del\u007F", "C1\u009B", "e\u0301 combining", "\uD83D\uDE00");
        for (String title : titles) {
            RecordFile file = new RecordFile(Optional.of(RecordId.of("1")), title, RecordStatus.CURRENT,
                    List.of(title.strip().isEmpty() ? "x" : title.strip().replaceAll("\\p{Cc}", "")), Optional.empty(),
                    "body\n");
            String rendered = tree.render(file);
            RecordFile parsed = tree.parse(PATH, rendered.getBytes(StandardCharsets.UTF_8));
            assertThat(parsed).as(title).isEqualTo(file);
            assertThat(tree.render(parsed)).as(title).isEqualTo(rendered);
        }
    }

    @Test
    void renderingIsAFixpointAndCrlfInputIsNormalised() {
        String canonical = "---\nid: \"9\"\ntitle: \"Ünïcödé: ok\"\nstatus: \"archived\"\nlabels:\n  - \"a b\"\n---\n\n"
                + "text\n";
        assertThat(tree.render(tree.parse(PATH, canonical))).isEqualTo(canonical);
        String windows = "\uFEFF" + canonical.replace("\n", "\r\n");
        assertThat(tree.render(tree.parse(PATH, windows.getBytes(StandardCharsets.UTF_8)))).isEqualTo(canonical);
    }

    @Test
    void acceptsWhatAUserReasonablyWrites() {
        String handWritten = "---\n# a comment\ntitle: Plain title\nlabels: [ops, 'single']\n---\nBody without gap";
        RecordFile file = tree.parse(PATH, handWritten);
        assertThat(file.id()).isEmpty();
        assertThat(file.title()).isEqualTo("Plain title");
        assertThat(file.status()).isEqualTo(RecordStatus.CURRENT);
        assertThat(file.labels()).containsExactly("ops", "single");
        assertThat(file.body()).isEqualTo("Body without gap\n");
    }

    @Test
    void aFileWithoutFrontmatterIsANewRecordTitledAfterItsFileName() {
        RecordFile file = tree.parse("pages/Ops/Deploy%2FRollback plan.md", "# Hello\n");
        assertThat(file.id()).isEmpty();
        assertThat(file.title()).isEqualTo("Deploy/Rollback plan");
        assertThat(file.body()).isEqualTo("# Hello\n");
        assertThat(tree.parse("pages/Empty.md", "").title()).isEqualTo("Empty");
        assertThat(tree.parse("pages/Only.md", "---\n---\n").title()).isEqualTo("Only");
    }

    @Test
    void unknownKeysAreRefusedNamingFileAndLine() {
        assertRefused("---\nid: \"1\"\ntitle: \"x\"\nversion: 3\n---\n", RenderErrorCode.FRONTMATTER_UNKNOWN_KEY,
                PATH + ":4: unknown key 'version'");
        assertRefused("---\ntitle: \"x\"\nparent: \"2\"\n---\n", RenderErrorCode.FRONTMATTER_UNKNOWN_KEY,
                PATH + ":3: unknown key 'parent'");
        for (String serverField : new String[] {"version: 7", "author: \"mallory\"", "space: \"OTHER\"",
            "created: \"2020-01-01\"", "lastModifiedBy: \"x\""}) {
            assertRefused("---\nid: \"1\"\ntitle: \"x\"\n" + serverField + "\n---\n",
                    RenderErrorCode.FRONTMATTER_UNKNOWN_KEY, PATH + ":4: unknown key '" + serverField.split(":")[0] + "'");
        }
        assertRefused("---\nid: \"1\"\nid: \"2\"\n---\n", RenderErrorCode.FRONTMATTER_SYNTAX,
                PATH + ":3: key 'id' appears twice");
    }

    @Test
    void syntaxErrorsNameFileAndLine() {
        assertRefused("---\ntitle: \"x\"\nlabels: [a\n---\n", RenderErrorCode.FRONTMATTER_SYNTAX, PATH + ":");
        assertRefused("---\ntitle: \"unterminated\n---\n", RenderErrorCode.FRONTMATTER_SYNTAX, PATH + ":");
        assertRefused("---\ntitle: \"a\"\ntitle: \"b\"\n---\n", RenderErrorCode.FRONTMATTER_SYNTAX,
                PATH + ":3: key 'title' appears twice");
        assertRefused("---\n- \"a\"\n---\n", RenderErrorCode.FRONTMATTER_SYNTAX, PATH + ":2:");
    }

    @Test
    void wrongValuesAreRefusedWithAHint() {
        assertRefused("---\ntitle: 2024\n---\n", RenderErrorCode.FRONTMATTER_INVALID_VALUE,
                PATH + ":2: title must be a quoted string, not 2024");
        assertRefused("---\ntitle: true\n---\n", RenderErrorCode.FRONTMATTER_INVALID_VALUE, "not true");
        assertRefused("---\ntitle:\n---\n", RenderErrorCode.FRONTMATTER_INVALID_VALUE, PATH + ":2: title");
        assertRefused("---\ntitle: \"  \"\n---\n", RenderErrorCode.FRONTMATTER_INVALID_VALUE, PATH + ":2: title");
        assertRefused("---\nid: \"a b\"\n---\n", RenderErrorCode.FRONTMATTER_INVALID_VALUE, PATH + ":2: id is not");
        assertRefused("---\nstatus: \"published\"\n---\n", RenderErrorCode.FRONTMATTER_INVALID_VALUE,
                PATH + ":2: status must be one of");
        assertRefused("---\nlabels: \"ops\"\n---\n", RenderErrorCode.FRONTMATTER_INVALID_VALUE, "labels must be a list");
        assertRefused("---\nlabels: [[\"ops\"]]\n---\n", RenderErrorCode.FRONTMATTER_INVALID_VALUE, "each label");
        assertRefused("---\nlabels: [\" padded\"]\n---\n", RenderErrorCode.FRONTMATTER_INVALID_VALUE, PATH + ":2: label");
    }

    @Test
    void anchorsAliasesTagsAndBombsAreRefused() {
        String bomb = "---\nlabels: &a [\"lol\", \"lol\"]\ntitle: *a\n---\n";
        assertRefused(bomb, RenderErrorCode.FRONTMATTER_UNSAFE_YAML, PATH + ":2: anchors");
        assertRefused("---\nlabels: [\"x\", *a]\n---\n", RenderErrorCode.FRONTMATTER_UNSAFE_YAML, "aliases");
        assertRefused("---\ntitle: !custom \"x\"\n---\n", RenderErrorCode.FRONTMATTER_UNSAFE_YAML, "tags");
        assertRefused("---\ntitle: !!python/object:os.system \"x\"\n---\n", RenderErrorCode.FRONTMATTER_UNSAFE_YAML,
                "tags");
        StringBuilder laughs = new StringBuilder("---\nlabels: &l0 [\"lol\"]\n");
        for (int level = 1; level < 10; level++) {
            laughs.append("l").append(level).append(": &l").append(level).append(" [*l").append(level - 1)
                    .append(", *l").append(level - 1).append("]\n");
        }
        assertRefused(laughs.append("---\n").toString(), RenderErrorCode.FRONTMATTER_UNSAFE_YAML, "anchors");
        assertRefused("---\ntitle: \"x\"\n...\ntitle: \"y\"\n---\n", RenderErrorCode.FRONTMATTER_SYNTAX, PATH + ":4: invalid YAML");
    }

    @Test
    void deepNestingIsRefusedAtTheFirstLevel() {
        String deep = "---\nlabels: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n---\n";
        long start = System.nanoTime();
        assertRefused(deep, RenderErrorCode.FRONTMATTER_INVALID_VALUE, "each label");
        assertRefused("---\ntitle: " + "{a: ".repeat(5000) + "1" + "}".repeat(5000) + "\n---\n",
                RenderErrorCode.FRONTMATTER_INVALID_VALUE, "title must be a quoted string");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
    }

    @Test
    void aHugeFrontmatterIsRefusedQuickly() {
        byte[] huge = ("---\ntitle: \"" + "x".repeat(10 * 1024 * 1024) + "\"\n---\nbody\n")
                .getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        assertThatThrownBy(() -> tree.parse(PATH, huge)).isInstanceOfSatisfying(ReposixException.class, error -> {
            assertThat(error.errorCode()).isEqualTo(RenderErrorCode.FRONTMATTER_TOO_LARGE);
            assertThat(error.getMessage()).startsWith(PATH + ":1:");
        });
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000);
        assertRefused("---\ntitle: \"x\"\nbody without closing line\n", RenderErrorCode.FRONTMATTER_NOT_CLOSED,
                PATH + ":1: the frontmatter opened here is never closed");
    }

    @Test
    void nonUtf8BytesAreRefusedNamingTheLine() {
        byte[] latin1 = "---\ntitle: \"Caf\u00e9\"\n---\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> tree.parse(PATH, latin1)).isInstanceOfSatisfying(ReposixException.class, error -> {
            assertThat(error.errorCode()).isEqualTo(RenderErrorCode.NOT_UTF8);
            assertThat(error.category()).isEqualTo(ErrorCategory.USER);
            assertThat(error.getMessage()).startsWith(PATH + ":2: byte 0xE9").contains("re-save");
        });
    }

    @Test
    void aBodyThatLooksLikeFrontmatterSurvives() {
        RecordFile file = new RecordFile(Optional.of(RecordId.of("1")), "t", RecordStatus.CURRENT, List.of(),
                Optional.empty(), "---\ntitle: \"fake\"\n---\n\n\nmore\n");
        assertThat(tree.parse(PATH, tree.render(file))).isEqualTo(file);
        RecordFile leadingBlank = file.withBody("\n\nafter blank lines\n");
        assertThat(tree.parse(PATH, tree.render(leadingBlank))).isEqualTo(leadingBlank);
    }

    private void assertRefused(String content, RenderErrorCode code, String messageStart) {
        assertThatThrownBy(() -> tree.parse(PATH, content)).as(content.length() > 200 ? "long input" : content)
                .isInstanceOfSatisfying(ReposixException.class, error -> {
                    assertThat(error.errorCode()).isEqualTo(code);
                    assertThat(error.category()).isEqualTo(ErrorCategory.USER);
                    assertThat(error.getMessage()).contains(messageStart);
                });
    }
}
