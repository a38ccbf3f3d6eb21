package dev.reposix.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValuesTest {

    private static ManifestEntry entry(String id, long version) {
        return new ManifestEntry(RecordId.of(id), RecordKind.DOCUMENT, "Runbook", Optional.empty(), version,
                RecordStatus.CURRENT, Instant.parse("2026-11-24T06:15:00Z"), Optional.empty());
    }

    @Test
    void recordIdsRejectBlankAndWhitespace() {
        assertThat(RecordId.of("65537").toString()).isEqualTo("65537");
        assertThatThrownBy(() -> RecordId.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordId.of("12 34")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordId.of("12\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecordId(null)).isInstanceOf(NullPointerException.class).hasMessage("value is null");
    }

    @Test
    void manifestEntriesNeedAPositiveVersionAndCannotBeTheirOwnParent() {
        assertThat(entry("1", 1).version()).isEqualTo(1);
        assertThatThrownBy(() -> entry("1", 0)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new ManifestEntry(RecordId.of("1"), RecordKind.DOCUMENT, "x", Optional.of(RecordId.of("1")),
                1, RecordStatus.CURRENT, Instant.EPOCH, Optional.empty())).hasMessageContaining("own parent");
    }

    @Test
    void recordsCopyTheirLabels() {
        Set<String> labels = new HashSet<>(Set.of("ops"));
        Record record = new Record(entry("7", 3), labels, "body");
        labels.add("later");

        assertThat(record.labels()).containsExactly("ops");
        assertThat(record.id()).isEqualTo(RecordId.of("7"));
        assertThatThrownBy(() -> record.labels().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void updatesCannotAddAndRemoveTheSameLabel() {
        assertThatThrownBy(() -> new RecordUpdate(RecordId.of("7"), 3, "t", Optional.empty(), "b", Set.of("a"), Set.of("a")))
                .hasMessageContaining("both added and removed");
    }

    @Test
    void updateOfKeepsParentAndBasesOnTheReadVersion() {
        Record base = new Record(entry("7", 3), Set.of(), "old");

        RecordUpdate update = RecordUpdate.of(base, "New title", "new");

        assertThat(update.expectedVersion()).isEqualTo(3);
        assertThat(update.parentId()).isEmpty();
        assertThat(update.labelsToAdd()).isEmpty();
    }

    @Test
    void conflictCarriesBothVersions() {
        UpdateOutcome outcome = new UpdateOutcome.Conflict(RecordId.of("7"), 3, OptionalLong.of(5));

        assertThat(outcome).isInstanceOfSatisfying(UpdateOutcome.Conflict.class,
                conflict -> assertThat(conflict.currentVersion()).hasValue(5));
    }

    @Test
    void neutralRecordLinksRoundTrip() {
        String target = RecordLinks.target(RecordId.of("65537"), "rollback");

        assertThat(target).isEqualTo("reposix:record/65537#rollback");
        assertThat(RecordLinks.recordOf(target)).contains(RecordId.of("65537"));
        assertThat(RecordLinks.anchorOf(target)).contains("rollback");
        assertThat(RecordLinks.recordOf(RecordLinks.target(RecordId.of("9")))).contains(RecordId.of("9"));
        assertThat(RecordLinks.anchorOf("reposix:record/9")).isEmpty();
        assertThat(RecordLinks.recordOf("https://example.com/page")).isEmpty();
        assertThat(RecordLinks.recordOf("reposix:record/")).isEmpty();
    }

    @Test
    void neutralAttachmentLinksRoundTripOddFileNames() {
        for (String name : new String[] {"deploy flow.png", "a+b(1).pdf", "straße #2.svg", "100%.txt"}) {
            String target = RecordLinks.attachmentTarget(name);
            assertThat(target).startsWith("reposix:attachment/").doesNotContain(" ").doesNotContain("#");
            assertThat(RecordLinks.attachmentOf(target)).as(name).contains(name);
        }
        assertThat(RecordLinks.attachmentOf("reposix:record/1")).isEmpty();
    }

    @Test
    void capabilitiesRequireThrowsTheStandardUnsupportedError() {
        Capabilities capabilities = Capabilities.of(Capability.CREATE);

        capabilities.require("wiki", Capability.CREATE);
        assertThatThrownBy(() -> capabilities.require("wiki", Capability.DELETE))
                .isInstanceOfSatisfying(ReposixException.class, error -> {
                    assertThat(error.errorCode()).isEqualTo(StandardErrorCode.UNSUPPORTED_OPERATION);
                    assertThat(error.getMessage()).contains("'wiki'").contains("deleting records");
                    assertThat(error.toString()).startsWith("RPX-0001: ");
                });
        assertThat(Capabilities.all().supported()).as("fixed, so older backends never claim newer operations")
                .containsExactlyInAnyOrder(Capability.CREATE, Capability.UPDATE, Capability.DELETE, Capability.LABELS,
                        Capability.HIERARCHY);
        assertThat(Capabilities.all().with(Capability.ATTACHMENTS).supports(Capability.ATTACHMENTS)).isTrue();
        assertThat(Capabilities.READ_ONLY.with(Capability.LABELS).supported()).containsExactly(Capability.LABELS);
    }

    @Test
    void errorCodesFormatAsFourDigits() {
        assertThat(ErrorCode.format(1)).isEqualTo("RPX-0001");
        assertThat(ErrorCode.format(9001)).isEqualTo("RPX-9001");
        assertThat(StandardErrorCode.MISSING_SETTINGS.code()).isEqualTo("RPX-0003");
        assertThatThrownBy(() -> ErrorCode.format(10000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ErrorInfo(-1, ErrorCategory.USER, "c", "r", "")).isInstanceOf(IllegalArgumentException.class);
    }
}
