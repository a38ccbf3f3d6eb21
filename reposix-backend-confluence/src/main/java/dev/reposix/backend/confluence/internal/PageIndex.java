package dev.reposix.backend.confluence.internal;

import dev.reposix.api.ManifestEntry;
import dev.reposix.api.RecordId;
import dev.reposix.api.RecordKind;
import dev.reposix.api.RecordStatus;
import dev.reposix.backend.confluence.codec.PageDirectory;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one opened space knows about its pages: the whole last manifest once {@link #loaded()}, or
 * else only the pages and titles looked up so far (found or known to be absent); kept current by
 * this instance's own writes. It resolves page links for the codec, and like the manifest only
 * current pages take part: a link names a current page by its title. Not thread-safe: readers on
 * fetch and conversion threads only use it while the owning thread waits for them.
 */
final class PageIndex implements PageDirectory {

    private final Map<RecordId, ManifestEntry> entries = new HashMap<>();
    private final Map<String, RecordId> idsByTitle = new HashMap<>();
    private final Set<RecordId> absentIds = new HashSet<>();
    private final Set<String> absentTitles = new HashSet<>();
    private boolean loaded;

    /** Whether the index holds the whole space, so that a miss means the page does not exist. */
    boolean loaded() {
        return loaded;
    }

    void replaceAll(Collection<ManifestEntry> manifest) {
        entries.clear();
        idsByTitle.clear();
        absentIds.clear();
        absentTitles.clear();
        manifest.forEach(this::put);
        loaded = true;
    }

    void put(ManifestEntry entry) {
        ManifestEntry previous = entries.put(entry.id(), entry);
        if (previous != null) {
            idsByTitle.remove(previous.title(), previous.id());
        }
        absentIds.remove(entry.id());
        if (linkable(entry)) {
            idsByTitle.put(entry.title(), entry.id());
            absentTitles.remove(entry.title());
        }
    }

    void remove(RecordId id) {
        ManifestEntry previous = entries.remove(id);
        if (previous != null) {
            idsByTitle.remove(previous.title(), id);
        }
    }

    /** Records that a lookup found no current page of this space with this id. */
    void absentId(RecordId id) {
        absentIds.add(id);
    }

    /** Records that a lookup found no current page of this space with this title. */
    void absentTitle(String title) {
        absentTitles.add(title);
    }

    /** Whether resolving this id needs no request: it is known, known to be absent, or the index is whole. */
    boolean knows(RecordId id) {
        return loaded || entries.containsKey(id) || absentIds.contains(id);
    }

    /** Whether resolving this title needs no request. */
    boolean knowsTitle(String title) {
        return loaded || idsByTitle.containsKey(title) || absentTitles.contains(title);
    }

    Optional<ManifestEntry> get(RecordId id) {
        return Optional.ofNullable(entries.get(id));
    }

    @Override
    public Optional<RecordId> idOfTitle(String title) {
        return Optional.ofNullable(idsByTitle.get(title));
    }

    @Override
    public Optional<String> titleOf(RecordId id) {
        return Optional.ofNullable(entries.get(id)).filter(PageIndex::linkable).map(ManifestEntry::title);
    }

    /** Folders are not pages, and drafts or archived pages are not listed, so links never resolve to them. */
    private static boolean linkable(ManifestEntry entry) {
        return entry.kind() == RecordKind.DOCUMENT && entry.status() == RecordStatus.CURRENT;
    }
}
