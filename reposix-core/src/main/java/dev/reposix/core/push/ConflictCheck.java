package dev.reposix.core.push;

import dev.reposix.api.Author;
import dev.reposix.api.ManifestEntry;
import dev.reposix.api.Record;
import dev.reposix.api.RecordId;
import dev.reposix.api.RecordStatus;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.core.layout.Layout;
import dev.reposix.core.render.RecordFile;
import dev.reposix.core.sync.RecordRenderer;
import dev.reposix.git.RecordState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares each page a push touches with the source of truth now and with the sync state behind
 * the push's base. A page conflicts when its version moved since the base <em>and</em> its content,
 * title, parent or labels differ from the base — unless it already holds exactly what the push
 * wants (a re-push after a lost response or an interrupted push), which then needs no write. Pages
 * the push does not touch are never read. Not thread-safe.
 */
final class ConflictCheck {

    private final RecordRenderer hasher;
    private final boolean parentInFrontmatter;

    ConflictCheck(Layout layout) {
        this.hasher = RecordRenderer.forHashing(layout);
        this.parentInFrontmatter = layout.parentInFrontmatter();
    }

    /**
     * Reads the touched pages (in bulk) and checks each.
     *
     * @param source the source of truth
     * @param plan the plan
     * @return what to write and how, or the conflicts
     */
    Result check(SourceOfTruth source, PushPlan plan) {
        List<RecordId> touched = new ArrayList<>();
        plan.updates().forEach(update -> touched.add(update.id()));
        plan.deletes().forEach(delete -> touched.add(delete.id()));
        Map<RecordId, Record> current = new HashMap<>();
        if (!touched.isEmpty()) {
            source.readRecords(touched, record -> current.put(record.id(), record));
        }
        Map<RecordId, Long> expected = new HashMap<>();
        Set<RecordId> settled = new HashSet<>();
        List<Conflict> conflicts = new ArrayList<>();
        for (PlannedWrite.Update update : plan.updates()) {
            Record now = current.get(update.id());
            if (now == null || now.entry().status() != RecordStatus.CURRENT) {
                conflicts.add(new Conflict(update.path(), update.base().title(), Optional.empty(),
                        "was deleted in Confluence (or is no longer published)"));
            } else if (sameAs(now, update.contentHash(), update.file().title(), update.parent(),
                    new TreeSet<>(update.file().labels()))) {
                settled.add(update.id());
            } else if (now.entry().version() == update.base().version() || unchangedSinceBase(now, update.base())) {
                expected.put(update.id(), now.entry().version());
            } else {
                conflicts.add(changed(update.path(), now));
            }
        }
        for (PlannedWrite.Delete delete : plan.deletes()) {
            Record now = current.get(delete.id());
            if (now == null || now.entry().status() != RecordStatus.CURRENT) {
                settled.add(delete.id());
            } else if (now.entry().version() != delete.base().version() && !unchangedSinceBase(now, delete.base())) {
                conflicts.add(changed(delete.path(), now));
            }
        }
        return new Result(expected, settled, conflicts, current);
    }

    private boolean unchangedSinceBase(Record now, RecordState base) {
        return sameAs(now, base.contentHash(), base.title(), base.parent().map(RecordId::of), base.labels());
    }

    private boolean sameAs(Record now, String contentHash, String title, Optional<RecordId> parent, Set<String> labels) {
        return now.entry().title().equals(title) && now.entry().parentId().equals(parent)
                && new TreeSet<>(now.labels()).equals(new TreeSet<>(labels))
                && hasher.contentHash(RecordFile.of(now, parentInFrontmatter)).equals(contentHash);
    }

    private static Conflict changed(String path, Record now) {
        ManifestEntry entry = now.entry();
        String who = entry.lastModifiedBy().map(ConflictCheck::nameOf).orElse("someone");
        return new Conflict(path, entry.title(), Optional.of(entry),
                "was changed in Confluence by " + who + " at " + entry.lastModified() + " (version " + entry.version() + ")");
    }

    private static String nameOf(Author author) {
        return author.displayName().filter(name -> !name.isBlank()).orElse(author.accountId());
    }

    /**
     * One page that blocks the push.
     *
     * @param path the file
     * @param title the page's title
     * @param now the page's entry now, when it still exists
     * @param what what happened to it, e.g. {@code was changed in Confluence by Jane at ...}
     */
    record Conflict(String path, String title, Optional<ManifestEntry> now, String what) {
        String describe() {
            return "\"" + title + "\" (" + path + ") " + what;
        }
    }

    /**
     * The outcome of the check.
     *
     * @param expectedVersions the version each update is based on (the base's, or the current one when
     *     only the version moved)
     * @param settled records that already hold what the push wants, or deletes already gone: no write
     * @param conflicts the pages that block the push
     * @param current the touched records as read now
     */
    record Result(Map<RecordId, Long> expectedVersions, Set<RecordId> settled, List<Conflict> conflicts,
            Map<RecordId, Record> current) {
    }
}
