package dev.reposix.backend.confluence;

import static dev.reposix.backend.confluence.SimulatedSpace.page;
import static dev.reposix.backend.confluence.SimulatedSpace.spaceWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.reposix.api.AuditEvent;
import dev.reposix.api.DeleteOutcome;
import dev.reposix.api.ManifestEntry;
import dev.reposix.api.NewRecord;
import dev.reposix.api.Record;
import dev.reposix.api.RecordId;
import dev.reposix.api.RecordUpdate;
import dev.reposix.api.ReposixException;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.api.StandardErrorCode;
import dev.reposix.api.UpdateOutcome;
import dev.reposix.simulator.Fault;
import dev.reposix.simulator.FaultRule;
import dev.reposix.simulator.RequestCounters;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Writes whose answer never arrives (the simulator applies them, then drops the connection): they
 * must neither look like conflicts nor happen twice.
 */
class ConfluenceLostAnswerTest {

    private static final String PAGE = "/wiki/api/v2/pages/{id}";
    private static final String PAGES = "/wiki/api/v2/pages";
    private static final RecordId RUNBOOK = RecordId.of("101");

    private static SimulatedSpace runbookSpace() {
        return SimulatedSpace.serving(spaceWith("LOST", page("101", "Runbook", "current", "<p>Old.</p>")));
    }

    private static void dropNextAnswer(SimulatedSpace site, String method, String pathTemplate) {
        site.simulator.faults().add(FaultRule.on(method, pathTemplate, Fault.dropResponseAfterWrite()).times(1));
    }

    private static List<ManifestEntry> titled(SourceOfTruth space, String title) {
        return space.manifest().stream().filter(entry -> entry.title().equals(title)).toList();
    }

    private static String lastOutcome(SimulatedSpace.Audited opened) {
        List<AuditEvent> events = opened.context().auditEvents();
        return events.get(events.size() - 1).outcome();
    }

    @Test
    void updateWhoseAnswerIsLostIsAdoptedAsOneNewVersion() {
        try (SimulatedSpace site = runbookSpace(); SimulatedSpace.Audited opened = site.openAudited("LOST")) {
            Record base = opened.space().readRecord(RUNBOOK).orElseThrow();
            dropNextAnswer(site, "PUT", PAGE);

            UpdateOutcome outcome = opened.space().update(RecordUpdate.of(base, "Runbook", "New.\n"));

            assertThat(outcome).isInstanceOfSatisfying(UpdateOutcome.Updated.class, updated -> {
                assertThat(updated.entry().version()).isEqualTo(4);
                assertThat(updated.storedBody()).contains("New.\n");
            });
            assertThat(site.simulator.counters().count("PUT", PAGE)).as("the PUT and its resend").isEqualTo(2);
            assertThat(site.get("/wiki/api/v2/pages/101").path("version").path("number").asLong())
                    .as("versions written").isEqualTo(4);
            assertThat(lastOutcome(opened)).isEqualTo("adopted");
        }
    }

    @Test
    void createWhoseAnswerIsLostIsAdoptedNotDuplicated() {
        try (SimulatedSpace site = runbookSpace(); SimulatedSpace.Audited opened = site.openAudited("LOST")) {
            dropNextAnswer(site, "POST", PAGES);

            ManifestEntry created = opened.space().create(new NewRecord("Postmortem", Optional.of(RUNBOOK),
                    Set.of("incident"), "What happened.\n"));

            assertThat(created.title()).isEqualTo("Postmortem");
            assertThat(created.parentId()).contains(RUNBOOK);
            assertThat(site.simulator.counters().count("POST", PAGES)).as("creates sent").isEqualTo(1);
            assertThat(titled(opened.space(), "Postmortem")).extracting(ManifestEntry::id).containsExactly(created.id());
            assertThat(opened.space().readRecord(created.id()).orElseThrow().labels()).containsExactly("incident");
            assertThat(lastOutcome(opened)).isEqualTo("adopted");
        }
    }

    @Test
    void createRepeatedAfterAnEarlierPushMadeThePageAdoptsIt() {
        try (SimulatedSpace site = runbookSpace(); SourceOfTruth first = site.open("LOST");
             SourceOfTruth second = site.open("LOST")) {
            NewRecord record = NewRecord.of("Postmortem", "What happened.\n");
            ManifestEntry earlier = first.create(record);

            ManifestEntry again = second.create(record);

            assertThat(again.id()).isEqualTo(earlier.id());
            assertThat(titled(second, "Postmortem")).hasSize(1);
        }
    }

    @Test
    void createOfATitleThatADifferentPageHasSaysToRename() {
        try (SimulatedSpace site = runbookSpace(); SourceOfTruth space = site.open("LOST")) {
            assertThatExceptionOfType(ReposixException.class)
                    .isThrownBy(() -> space.create(NewRecord.of("Runbook", "Another runbook.\n")))
                    .satisfies(error -> assertThat(error.errorCode()).isEqualTo(StandardErrorCode.REJECTED_BY_SOURCE))
                    .withMessageContaining("\"Runbook\"").withMessageContaining("different page with that title (id 101)")
                    .withMessageContaining("rename your page");

            assertThat(titled(space, "Runbook")).hasSize(1);
            assertThat(space.readRecord(RUNBOOK).orElseThrow().body()).isEqualTo("Old.\n");
        }
    }

    @Test
    void deleteWhoseAnswerIsLostFindsThePageAlreadyInTheTrash() {
        try (SimulatedSpace site = runbookSpace(); SourceOfTruth space = site.open("LOST")) {
            dropNextAnswer(site, "DELETE", PAGE);

            DeleteOutcome outcome = space.delete(RUNBOOK);

            assertThat(outcome).isEqualTo(DeleteOutcome.ALREADY_ABSENT);
            assertThat(site.simulator.counters().count("DELETE", PAGE)).as("the DELETE and its resend").isEqualTo(2);
            assertThat(site.get("/wiki/api/v2/pages/101").path("status").asText()).isEqualTo("trashed");
        }
    }

    @Test
    void labelWriteWhoseAnswerIsLostIsResent() {
        try (SimulatedSpace site = runbookSpace(); SourceOfTruth space = site.open("LOST")) {
            Record base = space.readRecord(RUNBOOK).orElseThrow();
            dropNextAnswer(site, "POST", "/wiki/rest/api/content/{id}/label");
            dropNextAnswer(site, "DELETE", "/wiki/rest/api/content/{id}/label/{name}");
            RequestCounters counters = site.simulator.counters();

            UpdateOutcome added = space.update(new RecordUpdate(RUNBOOK, 3, "Runbook", Optional.empty(), base.body(),
                    Set.of("ops", "oncall"), Set.of()));
            UpdateOutcome removed = space.update(new RecordUpdate(RUNBOOK, 3, "Runbook", Optional.empty(), base.body(),
                    Set.of(), Set.of("ops")));

            assertThat(added).isInstanceOf(UpdateOutcome.Updated.class);
            assertThat(removed).isInstanceOf(UpdateOutcome.Updated.class);
            assertThat(counters.count("POST", "/wiki/rest/api/content/{id}/label")).isEqualTo(2);
            assertThat(counters.count("DELETE", "/wiki/rest/api/content/{id}/label/{name}")).isEqualTo(2);
            assertThat(space.readRecord(RUNBOOK).orElseThrow().labels()).containsExactly("oncall");
        }
    }
}
