package dev.reposix.backend.confluence;

import static dev.reposix.backend.confluence.SimulatedSpace.page;
import static dev.reposix.backend.confluence.SimulatedSpace.spaceWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reposix.api.Record;
import dev.reposix.api.RecordId;
import dev.reposix.api.RecordStatus;
import dev.reposix.api.RecordUpdate;
import dev.reposix.api.ReposixException;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.api.StandardErrorCode;
import dev.reposix.api.UpdateOutcome;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Updates against the simulator: status changes, version messages, and the stored body in the outcome. */
class ConfluenceUpdateTest {

    private static final RecordId RUNBOOK = RecordId.of("101");

    private static SimulatedSpace runbookSpace(String status) {
        return SimulatedSpace.serving(spaceWith("UPD", page("101", "Runbook", status, "<p>Old.</p>"),
                page("104", "Rollback", "current", "<p>Undo.</p>")));
    }

    private static JsonNode stored(SimulatedSpace site, RecordId id) {
        return site.get("/wiki/api/v2/pages/" + id.value() + "?body-format=storage");
    }

    private static UpdateOutcome.Updated updated(UpdateOutcome outcome) {
        assertThat(outcome).as("outcome").isInstanceOf(UpdateOutcome.Updated.class);
        return (UpdateOutcome.Updated) outcome;
    }

    @Test
    void versionMessageIsSentAndDefaultsToEditedWithReposix() {
        try (SimulatedSpace site = runbookSpace("current"); SourceOfTruth space = site.open("UPD")) {
            Record base = space.readRecord(RUNBOOK).orElseThrow();

            updated(space.update(RecordUpdate.of(base, "Runbook", "New.\n").withMessage("Fix the rollback (abc1234)")));
            assertThat(stored(site, RUNBOOK).path("version").path("message").asText())
                    .isEqualTo("Fix the rollback (abc1234)");

            Record next = space.readRecord(RUNBOOK).orElseThrow();
            updated(space.update(RecordUpdate.of(next, "Runbook", "Newer.\n")));
            assertThat(stored(site, RUNBOOK).path("version").path("message").asText()).isEqualTo("Edited with reposix");
        }
    }

    @Test
    void statusOnlyChangeToDraftIsWrittenAsOneNewVersion() {
        try (SimulatedSpace site = runbookSpace("current"); SourceOfTruth space = site.open("UPD")) {
            Record base = space.readRecord(RUNBOOK).orElseThrow();

            UpdateOutcome.Updated outcome = updated(space.update(RecordUpdate.of(base, "Runbook", base.body())
                    .withStatus(RecordStatus.DRAFT)));

            assertThat(outcome.entry().status()).isEqualTo(RecordStatus.DRAFT);
            assertThat(outcome.entry().version()).isEqualTo(4);
            JsonNode page = stored(site, RUNBOOK);
            assertThat(page.path("status").asText()).isEqualTo("draft");
            assertThat(page.path("version").path("number").asLong()).isEqualTo(4);
            assertThat(page.path("body").path("storage").path("value").asText()).isEqualTo("<p>Old.</p>");
        }
    }

    @Test
    void draftIsPublishedByAnUpdateToCurrent() {
        try (SimulatedSpace site = runbookSpace("draft"); SourceOfTruth space = site.open("UPD")) {
            UpdateOutcome.Updated outcome = updated(space.update(new RecordUpdate(RUNBOOK, 3, "Runbook",
                    Optional.empty(), "Ready.\n", Set.of(), Set.of()).withStatus(RecordStatus.CURRENT)));

            assertThat(outcome.entry().status()).isEqualTo(RecordStatus.CURRENT);
            assertThat(stored(site, RUNBOOK).path("status").asText()).isEqualTo("current");
            assertThat(space.readRecord(RUNBOOK).orElseThrow().body()).isEqualTo("Ready.\n");
        }
    }

    @Test
    void archivingOrTrashingThroughAnUpdateIsRefusedBeforeAnyRequest() {
        try (SimulatedSpace site = runbookSpace("current"); SourceOfTruth space = site.open("UPD")) {
            Record base = space.readRecord(RUNBOOK).orElseThrow();
            site.simulator.counters().reset();

            assertThatExceptionOfType(ReposixException.class)
                    .isThrownBy(() -> space.update(RecordUpdate.of(base, "Runbook", "Gone.\n")
                            .withStatus(RecordStatus.ARCHIVED)))
                    .satisfies(error -> assertThat(error.errorCode()).isEqualTo(StandardErrorCode.REJECTED_BY_SOURCE))
                    .withMessageContaining("page 101 (\"Runbook\") to archived")
                    .withMessageContaining("archive the page in Confluence");
            assertThatExceptionOfType(ReposixException.class)
                    .isThrownBy(() -> space.update(RecordUpdate.of(base, "Runbook", "Gone.\n")
                            .withStatus(RecordStatus.TRASHED)))
                    .satisfies(error -> assertThat(error.errorCode()).isEqualTo(StandardErrorCode.REJECTED_BY_SOURCE))
                    .withMessageContaining("delete its file");

            assertThat(site.simulator.counters().total()).as("requests").isZero();
            assertThat(stored(site, RUNBOOK).path("version").path("number").asLong()).isEqualTo(3);
        }
    }

    @Test
    void editOfAnArchivedPageIsRefusedWithoutAWrite() {
        try (SimulatedSpace site = runbookSpace("archived"); SourceOfTruth space = site.open("UPD")) {
            RecordUpdate edit = new RecordUpdate(RUNBOOK, 3, "Runbook", Optional.empty(), "Edited.\n", Set.of(), Set.of());

            assertThatExceptionOfType(ReposixException.class).isThrownBy(() -> space.update(edit))
                    .satisfies(error -> assertThat(error.errorCode()).isEqualTo(StandardErrorCode.REJECTED_BY_SOURCE))
                    .withMessageContaining("is archived in Confluence").withMessageContaining("restore the page");

            assertThat(site.simulator.counters().count("PUT", "/wiki/api/v2/pages/{id}")).isZero();
        }
    }

    @Test
    void updatedCarriesTheBodyAsConfluenceStoredItWithNeutralLinks() {
        try (SimulatedSpace site = runbookSpace("current"); SourceOfTruth space = site.open("UPD")) {
            site.simulator.normalizeStorage(true);
            Record base = space.readRecord(RUNBOOK).orElseThrow();
            String body = "See [Rollback](reposix:record/104) first.\n\n```bash\n./deploy.sh --all\n```\n";

            UpdateOutcome.Updated outcome = updated(space.update(RecordUpdate.of(base, "Runbook", body)));

            assertThat(stored(site, RUNBOOK).path("body").path("storage").path("value").asText())
                    .as("Confluence added ids to what it stored").contains("ac:macro-id");
            assertThat(outcome.storedBody()).as("stored body").contains(body);
            try (SourceOfTruth fresh = site.open("UPD")) {
                assertThat(outcome.storedBody()).contains(fresh.readRecord(RUNBOOK).orElseThrow().body());
            }
        }
    }
}
