package dev.reposix.core.layout;

import static dev.reposix.core.layout.Manifests.folder;
import static dev.reposix.core.layout.Manifests.page;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reposix.api.RecordId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LinkRewriterTest {

    private final LayoutPlan plan = TreeLayout.standard().plan(List.of(
            page("1", "Home"),
            page("2", "Ops", "1"),
            page("3", "Runbook", "2"),
            page("4", "Deploy (v2): a/b & more #1", "3"),
            folder("5", "Archive", "1"),
            page("6", "Old", "5"),
            page("7", "Ünïcödé 🚀", "1")), Optional.of(RecordId.of("1")));
    private final LinkRewriter rewriter = new LinkRewriter(plan);

    @Test
    void neutralLinksBecomeRelativePathsFromTheContainingFile() {
        String neutral = "See [runbook](reposix:record/3#rollback), [home](reposix:record/1) and"
                + " ![old](reposix:record/6 \"title\").";
        String tree = rewriter.toWorkingTree(neutral, "pages/Archive/Old.md");

        assertThat(tree).isEqualTo("See [runbook](../Ops/Runbook.md#rollback), [home](../README.md) and"
                + " ![old](Old.md \"title\").");
        assertThat(rewriter.toNeutral(tree, "pages/Archive/Old.md")).isEqualTo(neutral);
    }

    @Test
    void specialCharactersArePercentEncodedAsDestinationsNeed() {
        String neutral = "[deploy](reposix:record/4#step-1) [u](reposix:record/7)";
        String tree = rewriter.toWorkingTree(neutral, "pages/README.md");

        assertThat(tree).isEqualTo("[deploy](Ops/Runbook/Deploy%20%28v2%29%253A%20a%252Fb%20%26%20more%20%231.md#step-1)"
                + " [u](Ünïcödé%20🚀.md)");
        assertThat(rewriter.toNeutral(tree, "pages/README.md")).isEqualTo(neutral);
        assertThat(rewriter.toWorkingTree("[x](reposix:record/2)", "pages/Ops/Runbook/Deploy%20x.md"))
                .isEqualTo("[x](../../Ops.md)");
    }

    @Test
    void attachmentsLiveInThePagesAssetsFolder() {
        String neutral = "![flow](reposix:attachment/deploy%20flow.png) [pdf](reposix:attachment/a%2Fb%25.pdf)";
        String tree = rewriter.toWorkingTree(neutral, "pages/Ops/Runbook.md");

        assertThat(tree).isEqualTo("![flow](Runbook.assets/deploy%20flow.png) [pdf](Runbook.assets/a%252Fb%2525.pdf)");
        assertThat(rewriter.toNeutral(tree, "pages/Ops/Runbook.md")).isEqualTo(neutral);
        assertThat(rewriter.toNeutral("![x](../Ops.assets/x.png)", "pages/Ops/Runbook.md"))
                .as("another page's attachment stays a path").isEqualTo("![x](../Ops.assets/x.png)");
    }

    @Test
    void anAttachmentKeptInTheSourceOfTruthIsLinkedThereAndComesBackAsTheAttachment() {
        Map<String, String> remote = Map.of("big video.mp4", "https://acme.example/wiki/download/attachments/7/big%20video.mp4");
        String neutral = "[video](reposix:attachment/big%20video.mp4) ![flow](reposix:attachment/flow.png)";

        String tree = rewriter.toWorkingTree(neutral, "pages/Ops/Runbook.md", remote);

        assertThat(tree).isEqualTo("[video](https://acme.example/wiki/download/attachments/7/big%20video.mp4)"
                + " ![flow](Runbook.assets/flow.png)");
        assertThat(rewriter.toNeutral(tree, "pages/Ops/Runbook.md", remote)).isEqualTo(neutral);
        assertThat(rewriter.toNeutral(tree, "pages/Ops/Runbook.md")).as("without the state, a web link stays one")
                .startsWith("[video](https://acme.example/");
    }

    @Test
    void pathsInsideAnAssetsFolderAreAttachmentsEvenWhenTheyEndInMd() {
        assertThat(LinkRewriter.isInAssetsFolder("pages/Ops/Runbook.assets/notes.md")).isTrue();
        assertThat(LinkRewriter.isInAssetsFolder("pages/Runbook.assets/x.png")).isTrue();
        assertThat(LinkRewriter.isInAssetsFolder("pages/Ops/Runbook.md")).isFalse();
        assertThat(LinkRewriter.isInAssetsFolder("pages/Ops/Runbook.assets")).as("the folder's own name").isFalse();
    }

    @Test
    void codeSpansFencedCodeAndCommentsAreUntouched() {
        String neutral = """
                Inline `[a](reposix:record/3)` and ``[b](reposix:record/3) ` x`` stay.

                ```markdown
                [c](reposix:record/3)
                ```

                   ~~~~
                [d](reposix:record/3)
                ~~~~

                <!-- [e](reposix:record/3) -->
                > ```
                > [f](reposix:record/3)
                > ```
                But [g](reposix:record/3) changes, \\[h](reposix:record/3) too as a link after text.
                """;
        String tree = rewriter.toWorkingTree(neutral, "pages/README.md");

        assertThat(tree).isEqualTo(neutral.replace("[g](reposix:record/3)", "[g](Ops/Runbook.md)")
                .replace("[h](reposix:record/3)", "[h](Ops/Runbook.md)"));
        assertThat(rewriter.toNeutral(tree, "pages/README.md")).isEqualTo(neutral);
    }

    @Test
    void referenceDefinitionsAndAngleDestinationsAreRewritten() {
        String neutral = "[runbook][r]\n\n[r]: reposix:record/3#a \"Runbook\"\n[s]: <reposix:record/2#with space>\n";
        String tree = rewriter.toWorkingTree(neutral, "pages/Ops.md");

        assertThat(tree).isEqualTo("[runbook][r]\n\n[r]: Ops/Runbook.md#a \"Runbook\"\n[s]: <Ops.md#with space>\n");
        assertThat(rewriter.toNeutral(tree, "pages/Ops.md")).isEqualTo(neutral);
    }

    @Test
    void linksThatAreNotRecordsStayAsWritten() {
        String text = "[web](https://example.com/a.md) [mail](mailto:x@y) [top](#top) [abs](/pages/Ops.md)"
                + " [other](../notes.txt) [out](../../../etc/passwd) [q](Ops.md?x=1) [bad](%ZZ.md)"
                + " [folder](Archive) [unknown](reposix:record/999) [folder-link](reposix:record/5)"
                + " [odd](reposix:record/3#) [empty]()";
        assertThat(rewriter.toNeutral(text, "pages/README.md")).isEqualTo(text);
        assertThat(rewriter.toWorkingTree(text, "pages/README.md")).isEqualTo(text);
    }

    @Test
    void userWrittenRelativeLinksResolveToTheNeutralForm() {
        assertThat(rewriter.toNeutral("[a](./Runbook.md) [b](<Runbook/Deploy (v2)%253A a%252Fb & more %231.md>)",
                "pages/Ops/x.md")).isEqualTo("[a](reposix:record/3) [b](<reposix:record/4>)");
    }

    @Test
    void everyProducedLinkRoundTripsFromEveryFile() {
        for (Placement source : plan.placements()) {
            if (!source.isFile()) {
                continue;
            }
            for (Placement target : plan.placements()) {
                String neutral = "[x](reposix:record/" + target.id() + "#anchor-1) ![y](reposix:record/" + target.id()
                        + ")\n[z]: reposix:attachment/f%20" + target.id() + ".png\n";
                String tree = rewriter.toWorkingTree(neutral, source.path());
                assertThat(rewriter.toNeutral(tree, source.path())).as(source.path() + " -> " + target.path())
                        .isEqualTo(neutral);
                assertThat(tree.contains("reposix:record/")).isEqualTo(!target.isFile());
            }
        }
    }
}
