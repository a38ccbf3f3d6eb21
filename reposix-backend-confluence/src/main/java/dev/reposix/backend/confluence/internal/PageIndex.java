package dev.reposix.backend.confluence.internal;

import dev.reposix.api.ManifestEntry;
import dev.reposix.api.RecordId;
import dev.reposix.backend.confluence.codec.PageDirectory;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one opened space knows about its pages: the last manifest, kept current by this instance's
 * own writes. It resolves page links for the codec. Not thread-safe: readers on fetch threads only
 * use it while the owning thread waits for them.
 */
final class PageIndex implements PageDirectory {

    private final Map<RecordId, ManifestEntry> entries = new LinkedHashMap<>();
    private final Map<String, RecordId> idsByTitle = new HashMap<>();
    private boolean loaded;

    boolean loaded() {
        return loaded;
    }

    void replaceAll(Collection<ManifestEntry> manifest) {
        entries.clear();
        idsByTitle.clear();
        manifest.forEach(this::put);
        loaded = true;
    }

    void put(ManifestEntry entry) {
        ManifestEntry previous = entries.put(entry.id(), entry);
        if (previous != null) {
            idsByTitle.remove(previous.title(), previous.id());
        }
        idsByTitle.put(entry.title(), entry.id());
    }

    void remove(RecordId id) {
        ManifestEntry previous = entries.remove(id);
        if (previous != null) {
            idsByTitle.remove(previous.title(), id);
        }
    }

    Optional<ManifestEntry> get(RecordId id) {
        return Optional.ofNullable(entries.get(id));
    }

    List<ManifestEntry> all() {
        return List.copyOf(entries.values());
    }

    @Override
    public Optional<RecordId> idOfTitle(String title) {
        return Optional.ofNullable(idsByTitle.get(title));
    }

    @Override
    public Optional<String> titleOf(RecordId id) {
        return Optional.ofNullable(entries.get(id)).map(ManifestEntry::title);
    }
}
