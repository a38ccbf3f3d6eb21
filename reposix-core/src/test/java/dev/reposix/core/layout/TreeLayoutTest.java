package dev.reposix.core.layout;

import static dev.reposix.core.layout.Manifests.folder;
import static dev.reposix.core.layout.Manifests.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reposix.api.ManifestEntry;
import dev.reposix.api.RecordId;
import dev.reposix.api.ReposixException;
import dev.reposix.core.render.RenderErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TreeLayoutTest {

    private final TreeLayout layout = TreeLayout.standard();

    @Test
    void homepageIsReadmeAndPagesNestInFoldersNamedAfterTheirParents() {
        LayoutPlan plan = layout.plan(List.of(
                page("1", "Home"),
                page("2", "Ops", "1"),
                page("3", "Runbook", "2"),
                folder("4", "Archive", "1"),
                page("5", "Old plan", "4"),
                page("6", "Top level")), Optional.of(RecordId.of("1")));

        assertThat(path(plan, "1")).isEqualTo("pages/README.md");
        assertThat(path(plan, "2")).isEqualTo("pages/Ops.md");
        assertThat(path(plan, "3")).isEqualTo("pages/Ops/Runbook.md");
        assertThat(path(plan, "4")).isEqualTo("pages/Archive");
        assertThat(path(plan, "5")).isEqualTo("pages/Archive/Old plan.md");
        assertThat(path(plan, "6")).isEqualTo("pages/Top level.md");
        assertThat(plan.recordAt("pages/Ops/Runbook.md")).contains(RecordId.of("3"));
        assertThat(plan.recordAt("pages/Archive")).contains(RecordId.of("4"));
        assertThat(plan.recordAt("pages/Ops")).isEmpty();
        assertThat(plan.parentForNewFileIn("pages")).contains(RecordId.of("1"));
        assertThat(plan.parentForNewFileIn("pages/Ops")).contains(RecordId.of("2"));
        assertThat(plan.parentForNewFileIn("pages/Ops/Runbook")).contains(RecordId.of("3"));
        assertThat(plan.parentForNewFileIn("pages/Archive")).contains(RecordId.of("4"));
    }

    @Test
    void hostileTitlesGetSafeDistinctPaths() {
        LayoutPlan plan = layout.plan(List.of(
                page("10", "../../etc/passwd"),
                page("11", "CON"),
                page("12", "con.txt"),
                page("13", "a/b"),
                page("14", "a\\b"),
                page("15", ".hidden"),
                page("16", "trailing. "),
                page("17", "x".repeat(300)),
                page("18", "🚀 launch 👩‍👩‍👧"),
                page("19", "שלום עולם"),
                page("20", "README"),
                page("21", "a%2Fb")), Optional.empty());

        assertThat(path(plan, "10")).isEqualTo("pages/%2E.%2F..%2Fetc%2Fpasswd.md");
        assertThat(path(plan, "11")).isEqualTo("pages/%43ON.md");
        assertThat(path(plan, "12")).isEqualTo("pages/%63on.txt.md");
        assertThat(path(plan, "13")).isEqualTo("pages/a%2Fb.md");
        assertThat(path(plan, "14")).isEqualTo("pages/a%5Cb.md");
        assertThat(path(plan, "15")).isEqualTo("pages/%2Ehidden.md");
        assertThat(path(plan, "16")).isEqualTo("pages/trailing.%20.md");
        assertThat(path(plan, "17")).endsWith("~17.md").startsWith("pages/xxxx");
        assertThat(path(plan, "17").length()).isLessThanOrEqualTo(LayoutPlan.MAX_PATH_LENGTH);
        assertThat(path(plan, "18")).isEqualTo("pages/🚀 launch 👩‍👩‍👧.md");
        assertThat(path(plan, "19")).isEqualTo("pages/שלום עולם.md");
        assertThat(path(plan, "20")).isEqualTo("pages/%52EADME.md");
        assertThat(path(plan, "21")).isEqualTo("pages/a%252Fb.md");
        LayoutAssertions.assertSafe(plan);
    }

    @Test
    void titlesDifferingOnlyByCaseGetTheIdAppendedToAllButTheSmallestId() {
        LayoutPlan plan = layout.plan(List.of(page("300", "Plan"), page("20", "PLAN"), page("1000", "plan"),
                page("7", "Straße"), page("8", "STRASSE")), Optional.empty());

        assertThat(path(plan, "20")).isEqualTo("pages/PLAN.md");
        assertThat(path(plan, "300")).isEqualTo("pages/Plan~300.md");
        assertThat(path(plan, "1000")).isEqualTo("pages/plan~1000.md");
        assertThat(path(plan, "7")).isEqualTo("pages/Straße.md");
        assertThat(path(plan, "8")).isEqualTo("pages/STRASSE~8.md");
        LayoutAssertions.assertSafe(plan);
    }

    @Test
    void aFolderAndAPageWithTheSameTitleDoNotShareADirectory() {
        LayoutPlan plan = layout.plan(List.of(page("1", "Ops"), folder("2", "ops", null), page("3", "Child", "2")),
                Optional.empty());
        assertThat(path(plan, "1")).isEqualTo("pages/Ops.md");
        assertThat(path(plan, "2")).isEqualTo("pages/ops~2");
        assertThat(path(plan, "3")).isEqualTo("pages/ops~2/Child.md");
    }

    @Test
    void orphansAndLoopsLandInTheRecordsFolder() {
        LayoutPlan plan = layout.plan(List.of(
                page("1", "Orphan", "999"),
                page("2", "Loop a", "3"),
                page("3", "Loop b", "2")), Optional.empty());

        assertThat(path(plan, "1")).isEqualTo("pages/Orphan.md");
        assertThat(path(plan, "2")).isEqualTo("pages/Loop a.md");
        assertThat(path(plan, "3")).isEqualTo("pages/Loop a/Loop b.md");
    }

    @Test
    void deepTreesMoveChildrenToTheDeepFolderToKeepPathsShort() {
        List<ManifestEntry> chain = new ArrayList<>();
        chain.add(page("1", "Level 1 with a fairly long title"));
        for (int level = 2; level <= 30; level++) {
            chain.add(page(Integer.toString(level), "Level " + level + " with a fairly long title",
                    Integer.toString(level - 1)));
        }
        LayoutPlan plan = layout.plan(chain, Optional.empty());

        assertThat(path(plan, "30")).startsWith("pages/~deep/");
        LayoutAssertions.assertSafe(plan);
    }

    @Test
    void aManifestListingAnIdTwiceIsRefused() {
        assertThatThrownBy(() -> layout.plan(List.of(page("1", "a"), page("1", "b")), Optional.empty()))
                .isInstanceOfSatisfying(ReposixException.class,
                        error -> assertThat(error.errorCode()).isEqualTo(RenderErrorCode.DUPLICATE_RECORD_ID));
    }

    @Test
    void anotherRecordsFolderIsUsedThroughout() {
        LayoutPlan plan = new TreeLayout("docs/wiki").plan(List.of(page("1", "Home"), page("2", "A", "1")),
                Optional.of(RecordId.of("1")));
        assertThat(path(plan, "1")).isEqualTo("docs/wiki/README.md");
        assertThat(path(plan, "2")).isEqualTo("docs/wiki/A.md");
        assertThatThrownBy(() -> new TreeLayout("../x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TreeLayout("con")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void flatLayoutPutsEveryRecordAtItsId() {
        LayoutPlan plan = new FlatLayout("pages").plan(List.of(page("1", "Home"), page("2", "A", "1"),
                folder("3", "F", null), page("Ab", "x"), page("aB", "y"), page("CON", "z")), Optional.of(RecordId.of("1")));
        assertThat(path(plan, "1")).isEqualTo("pages/1.md");
        assertThat(path(plan, "2")).isEqualTo("pages/2.md");
        assertThat(path(plan, "3")).isEqualTo("pages/3");
        assertThat(path(plan, "Ab")).isEqualTo("pages/Ab.md");
        assertThat(path(plan, "aB")).isEqualTo("pages/aB~2.md");
        assertThat(path(plan, "CON")).isEqualTo("pages/%43ON.md");
        assertThat(plan.parentForNewFileIn("pages")).isEmpty();
        LayoutAssertions.assertSafe(plan);
    }

    private static String path(LayoutPlan plan, String id) {
        return plan.pathOf(RecordId.of(id)).orElseThrow();
    }
}
