package dev.reposix.backend.confluence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reposix.api.ManifestEntry;
import dev.reposix.api.NewRecord;
import dev.reposix.api.Record;
import dev.reposix.api.RecordUpdate;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.api.UpdateOutcome;
import dev.reposix.simulator.seed.SeedPage;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Against a simulator that adds Cloud's macro ids on save, as Confluence Cloud does. */
class CloudNormalizationRoundTripTest {

    private static final String MARKDOWN = "Deploy with:\n\n```bash\n./deploy.sh --all\n```\n";
    private static final Pattern MACRO_ID = Pattern.compile("ac:macro-id=\"([0-9a-f-]+)\"");

    private static String storedBody(SimulatedSpace site, String id) {
        return site.simulator.snapshot().spaces().get(0).pages().stream().filter(page -> page.id().equals(id))
                .map(SeedPage::body).findFirst().orElseThrow();
    }

    private static String macroId(String storage) {
        Matcher matcher = MACRO_ID.matcher(storage);
        assertThat(matcher.find()).as("a macro id in " + storage).isTrue();
        return matcher.group(1);
    }

    @Test
    void idsCloudAddsNeitherLeakIntoMarkdownNorChurnOnATitleOnlyUpdate() {
        try (SimulatedSpace site = SimulatedSpace.serving(SimulatedSpace.emptySpace("CLOUD"));
             SourceOfTruth space = site.open("CLOUD")) {
            site.simulator.normalizeStorage(true);
            ManifestEntry created = space.create(NewRecord.of("Deploy", MARKDOWN));
            String savedId = macroId(storedBody(site, created.id().value()));

            Record read = space.readRecord(created.id()).orElseThrow();
            assertThat(read.body()).isEqualTo(MARKDOWN);

            UpdateOutcome renamed = space.update(new RecordUpdate(created.id(), read.entry().version(), "Deploying",
                    read.entry().parentId(), read.body(), Set.of(), Set.of()));

            assertThat(renamed).isInstanceOf(UpdateOutcome.Updated.class);
            assertThat(macroId(storedBody(site, created.id().value()))).as("the stored body went back byte for byte")
                    .isEqualTo(savedId);
        }
    }
}
