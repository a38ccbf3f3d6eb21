package dev.reposix.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reposix.api.ManifestEntry;
import dev.reposix.api.Record;
import dev.reposix.api.RecordId;
import dev.reposix.api.RecordKind;
import dev.reposix.api.RecordStatus;
import dev.reposix.core.layout.FlatLayout;
import dev.reposix.core.layout.Layout;
import dev.reposix.core.layout.LayoutPlan;
import dev.reposix.core.layout.TreeLayout;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordRendererTest {

    private static final Record HOME = record("1", "Home", null, "Welcome.\n");
    private static final Record OPS = record("2", "Ops", "1", "See [home](reposix:record/1) and `[x](reposix:record/1)`.");
    private static final Record RUNBOOK = record("3", "Runbook", "2", "Plain text, no links.\r\n\r\n");

    @Test
    void renderingAheadGivesTheSameFilesAndHashesInBothLayouts() {
        for (Layout layout : List.of(TreeLayout.standard(), new FlatLayout("pages"))) {
            LayoutPlan plan = layout.plan(List.of(HOME.entry(), OPS.entry(), RUNBOOK.entry()), Optional.of(HOME.id()));
            RecordRenderer plain = new RecordRenderer(layout, plan);
            RecordRenderer ahead = new RecordRenderer(layout, plan);
            for (Record record : List.of(HOME, OPS, RUNBOOK)) {
                String path = plan.pathOf(record.id()).orElseThrow();
                ahead.renderAhead(record, path);

                assertThat(ahead.contentHash(record)).isEqualTo(plain.contentHash(record));
                assertThat(ahead.render(record, path)).isEqualTo(plain.render(record, path));
                assertThat(ahead.render(record, path)).as("rendered again once taken").isEqualTo(plain.render(record, path));
                assertThat(ahead.contentHash(record)).isEqualTo(plain.contentHash(record));
            }
            assertThat(new String(ahead.render(OPS, plan.pathOf(OPS.id()).orElseThrow())))
                    .contains("[home](").doesNotContain("[home](reposix:record/1)");
        }
    }

    @Test
    void aRecordRenderedAheadForAnotherPathOrAsAnotherObjectIsRenderedAgain() {
        Layout layout = TreeLayout.standard();
        LayoutPlan plan = layout.plan(List.of(HOME.entry(), OPS.entry()), Optional.of(HOME.id()));
        RecordRenderer renderer = new RecordRenderer(layout, plan);
        renderer.renderAhead(OPS, "pages/Elsewhere/Ops.md");
        Record edited = record("2", "Ops", "1", "Edited.");

        assertThat(renderer.render(OPS, "pages/Ops.md")).isEqualTo(new RecordRenderer(layout, plan).render(OPS, "pages/Ops.md"));
        assertThat(renderer.contentHash(edited)).isEqualTo(new RecordRenderer(layout, plan).contentHash(edited));

        renderer.renderAhead(HOME, "pages/README.md");
        Map<String, String> remote = Map.of("big.png", "https://acme.example/big.png");
        assertThat(renderer.render(HOME, "pages/README.md", remote))
                .isEqualTo(new RecordRenderer(layout, plan).render(HOME, "pages/README.md", remote));
    }

    private static Record record(String id, String title, String parent, String body) {
        ManifestEntry entry = new ManifestEntry(RecordId.of(id), RecordKind.DOCUMENT, title,
                Optional.ofNullable(parent).map(RecordId::of), 1, RecordStatus.CURRENT, Instant.EPOCH, Optional.empty());
        return new Record(entry, Set.of("ops"), body);
    }
}
