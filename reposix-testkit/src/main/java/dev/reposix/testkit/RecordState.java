package dev.reposix.testkit;

import dev.reposix.api.ManifestEntry;
import dev.reposix.api.Record;
import dev.reposix.api.RecordId;
import dev.reposix.api.RecordStatus;
import dev.reposix.api.SourceOfTruth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What the contract compares to prove that "nothing changed": everything a user can see of a
 * record except its modification time, which some backends touch on reads.
 */
record RecordState(String title, Optional<RecordId> parentId, long version, RecordStatus status, String body,
        Set<String> labels) {

    static RecordState of(Record record, UnaryOperator<String> normalizeBody) {
        ManifestEntry entry = record.entry();
        return new RecordState(entry.title(), entry.parentId(), entry.version(), entry.status(),
                normalizeBody.apply(record.body()), record.labels());
    }

    /** The state of every record in the manifest, read in bulk. */
    static Map<RecordId, RecordState> ofProject(SourceOfTruth sourceOfTruth, UnaryOperator<String> normalizeBody) {
        List<RecordId> ids = sourceOfTruth.manifest().stream().map(ManifestEntry::id).toList();
        Map<RecordId, RecordState> states = new LinkedHashMap<>();
        sourceOfTruth.readRecords(ids, record -> states.put(record.id(), of(record, normalizeBody)));
        return states;
    }
}
