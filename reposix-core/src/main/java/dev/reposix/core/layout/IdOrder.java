package dev.reposix.core.layout;

import dev.reposix.api.ManifestEntry;
import dev.reposix.api.RecordId;
import dev.reposix.api.ReposixException;
import dev.reposix.core.render.RenderErrorCode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The deterministic order of records in planning: shorter ids first, then by text, which is numeric
 * order for numeric ids such as Confluence's. Thread-safe (stateless).
 */
final class IdOrder {

    static final Comparator<RecordId> ORDER = Comparator.comparingInt((RecordId id) -> id.value().length())
            .thenComparing(RecordId::value);

    private IdOrder() {
    }

    /** Indexes a manifest by id in this order, refusing an id listed twice. */
    static Map<RecordId, ManifestEntry> index(List<ManifestEntry> manifest) {
        Map<RecordId, ManifestEntry> byId = new TreeMap<>(ORDER);
        for (ManifestEntry entry : manifest) {
            if (byId.put(entry.id(), entry) != null) {
                throw new ReposixException(RenderErrorCode.DUPLICATE_RECORD_ID,
                        "the source of truth listed record " + entry.id() + " twice; run the command again, and"
                                + " report it if it persists");
            }
        }
        return byId;
    }
}
