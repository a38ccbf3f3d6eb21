package dev.reposix.core.sync;

import dev.reposix.api.ManifestEntry;
import dev.reposix.api.Record;
import dev.reposix.api.RecordId;
import dev.reposix.api.RecordKind;
import dev.reposix.core.layout.LayoutPlan;
import dev.reposix.git.RecordState;
import dev.reposix.git.SyncState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/** Computes the sync state a sync leaves behind. Stateless. */
final class StateBuilder {

    static final String LINKS = RecordRenderer.LINKS;

    private StateBuilder() {
    }

    static SyncState next(SyncState previous, List<ManifestEntry> manifest, LayoutPlan plan,
            Map<RecordId, Record> fetched, Set<RecordId> deleted, Map<RecordId, Set<String>> relabelled,
            RecordRenderer renderer) {
        SortedMap<String, RecordState> next = new TreeMap<>();
        Set<String> listed = new TreeSet<>();
        for (ManifestEntry entry : manifest) {
            listed.add(entry.id().value());
            if (entry.kind() != RecordKind.DOCUMENT) {
                continue;
            }
            String path = plan.pathOf(entry.id()).orElseThrow();
            Optional<String> parent = entry.parentId().map(RecordId::value);
            Record record = fetched.get(entry.id());
            if (record != null) {
                SortedMap<String, String> attributes = new TreeMap<>();
                attributes.put(LINKS, renderer.linksOf(record));
                next.put(entry.id().value(), new RecordState(record.entry().version(), renderer.contentHash(record),
                        record.entry().title(), parent, new TreeSet<>(record.labels()), path, attributes));
            } else {
                Optional<RecordState> before = previous.get(entry.id().value());
                if (before.isPresent()) {
                    Set<String> labels = relabelled.containsKey(entry.id())
                            ? new TreeSet<>(relabelled.get(entry.id())) : before.get().labels();
                    next.put(entry.id().value(), new RecordState(before.get().version(),
                            before.get().contentHash(), entry.title(), parent, new TreeSet<>(labels), path,
                            before.get().attributes()));
                }
            }
        }
        for (Map.Entry<String, RecordState> survivor : previous.records().entrySet()) {
            if (!listed.contains(survivor.getKey()) && !deleted.contains(RecordId.of(survivor.getKey()))) {
                next.put(survivor.getKey(), survivor.getValue());
            }
        }
        return new SyncState(next);
    }
}
