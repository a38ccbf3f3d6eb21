package dev.reposix.core.sync;

import dev.reposix.api.ManifestEntry;
import dev.reposix.api.RecordId;
import dev.reposix.api.RecordKind;
import dev.reposix.core.layout.LayoutPlan;
import dev.reposix.git.RecordState;
import dev.reposix.git.SyncState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one sync has to do, derived from the previous sync state and the new manifest alone: which
 * records to fetch (new, or a new version), which only moved (same version, new path: the file is
 * renamed without a request), and which vanished from the listing (candidates for deletion, to be
 * confirmed with the source of truth before a file is removed). Immutable.
 *
 * @param fetch records whose bodies must be read
 * @param relocated records whose file moved without a new version, old path by id
 * @param vanished records of the previous state missing from the manifest
 * @param unchanged records whose version and path are as before
 */
record SyncPlan(List<ManifestEntry> fetch, Map<RecordId, String> relocated, List<RecordId> vanished,
        List<ManifestEntry> unchanged) {

    SyncPlan {
        fetch = List.copyOf(fetch);
        relocated = Map.copyOf(relocated);
        vanished = List.copyOf(vanished);
        unchanged = List.copyOf(unchanged);
    }

    /**
     * The records a sync must read, in manifest order: those new since the previous state or at
     * another version. It does not depend on the layout, so a sync may start reading before its plan
     * is made; {@link #of} fetches exactly these.
     */
    static List<ManifestEntry> toFetch(SyncState previous, List<ManifestEntry> manifest) {
        return manifest.stream().filter(entry -> entry.kind() != RecordKind.FOLDER && needsFetch(entry, previous))
                .toList();
    }

    private static boolean needsFetch(ManifestEntry entry, SyncState previous) {
        Optional<RecordState> before = previous.get(entry.id().value());
        return before.isEmpty() || before.get().version() != entry.version();
    }

    /** Diffs the manifest against the state; folders never need a fetch, they have no file. */
    static SyncPlan of(SyncState previous, List<ManifestEntry> manifest, LayoutPlan layout) {
        List<ManifestEntry> fetch = new ArrayList<>();
        Map<RecordId, String> relocated = new LinkedHashMap<>();
        List<ManifestEntry> unchanged = new ArrayList<>();
        Map<String, Boolean> listed = new LinkedHashMap<>();
        for (ManifestEntry entry : manifest) {
            listed.put(entry.id().value(), Boolean.TRUE);
            if (entry.kind() == RecordKind.FOLDER) {
                continue;
            }
            Optional<RecordState> before = previous.get(entry.id().value());
            String path = layout.pathOf(entry.id()).orElseThrow();
            if (needsFetch(entry, previous)) {
                fetch.add(entry);
            } else if (!before.get().path().equals(path)) {
                relocated.put(entry.id(), before.get().path());
                unchanged.add(entry);
            } else {
                unchanged.add(entry);
            }
        }
        List<RecordId> vanished = new ArrayList<>();
        for (String id : previous.records().keySet()) {
            if (!listed.containsKey(id)) {
                vanished.add(RecordId.of(id));
            }
        }
        return new SyncPlan(fetch, relocated, vanished, unchanged);
    }
}
