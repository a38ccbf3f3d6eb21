package dev.reposix.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reposix.api.ReposixException;
import dev.reposix.core.render.RenderErrorCode;
import dev.reposix.git.RecordState;
import dev.reposix.git.SyncState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

    private static RecordState page(long version, String path) {
        return new RecordState(version, "hash-" + version, path, Optional.empty(), new TreeSet<>(), path);
    }

    private static SyncState state(Map<String, RecordState> records) {
        return new SyncState(new TreeMap<>(records));
    }

    private static SortedMap<String, Optional<String>> files(Map<String, Optional<String>> files) {
        return new TreeMap<>(files);
    }

    @Test
    void filesAreMatchedByIdNewOnesLeftAloneAndDeletedPagesReported() {
        SyncState mirrored = state(Map.of("1", page(1, "pages/A.md"), "2", page(1, "pages/B.md"),
                "3", page(1, "pages/C.md")));
        SyncState now = state(Map.of("1", page(1, "pages/A.md"), "2", page(2, "pages/B.md"), "4", page(1, "pages/D.md")));

        Reconciliation reconciliation = Reconciliation.of(files(Map.of("pages/A.md", Optional.of("1"),
                "pages/B.md", Optional.of("2"), "pages/C.md", Optional.of("3"), "pages/Idea.md", Optional.empty())),
                now, mirrored);

        assertThat(reconciliation.matched()).isEqualTo(2);
        assertThat(reconciliation.localNew()).containsExactly("pages/Idea.md");
        assertThat(reconciliation.orphans()).containsExactly(new Reconciliation.Orphan("pages/C.md", "3"));
        assertThat(reconciliation.mirrorLag()).as("B changed and D is new since the mirror's sync").isEqualTo(2);
    }

    @Test
    void aMirrorInStepWithTheSourceOfTruthDoesNotLag() {
        SyncState both = state(Map.of("1", page(3, "pages/A.md")));

        Reconciliation reconciliation = Reconciliation.of(files(Map.of("pages/A.md", Optional.of("1"))), both, both);

        assertThat(reconciliation).isEqualTo(new Reconciliation(1, List.of(), List.of(), 0));
    }

    @Test
    void twoFilesClaimingOneIdAreAHardStopNamingBoth() {
        SortedMap<String, Optional<String>> copied = files(Map.of("pages/Roadmap.md", Optional.of("7"),
                "pages/Copy of Roadmap.md", Optional.of("7"), "pages/Other.md", Optional.of("8")));

        assertThatThrownBy(() -> Reconciliation.requireUniqueIds(copied))
                .isInstanceOfSatisfying(ReposixException.class, failure -> {
                    assertThat(failure.errorCode()).isEqualTo(RenderErrorCode.DUPLICATE_FILE_ID);
                    assertThat(failure.getMessage()).contains("pages/Copy of Roadmap.md and pages/Roadmap.md (id 7)")
                            .doesNotContain("Other").contains("Nothing was changed");
                });
    }

    @Test
    void orphanPoliciesReadAsTheCommandLineWritesThem() {
        assertThat(OrphanPolicy.parse("delete-local")).isEqualTo(OrphanPolicy.DELETE_LOCAL);
        assertThat(OrphanPolicy.parse("Fork-As-New")).isEqualTo(OrphanPolicy.FORK_AS_NEW);
        assertThat(OrphanPolicy.ABORT.option()).isEqualTo("abort");
        assertThatThrownBy(() -> OrphanPolicy.parse("keep")).hasMessageContaining("abort, delete-local or fork-as-new");
    }
}
