package dev.reposix.core.push;

import dev.reposix.api.Attachment;
import dev.reposix.api.Author;
import dev.reposix.api.Capability;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectInserter;

/**
 * Compares each page a push touches with the source of truth now and with the sync state behind
 * the push's base, and each attachment it uploads or deletes likewise (by version, and by content
 * when the version moved). A page conflicts when its version moved since the base <em>and</em> its content,
 * title, parent or labels differ from the base — unless it already holds exactly what the push
 * wants (a re-push after a lost response or an interrupted push), which then needs no write. Pages
 * the push does not touch are never read. Not thread-safe.
 */
final class ConflictCheck {

    private final RecordRenderer hasher;
    private final boolean parentInFrontmatter;
    private final long attachmentMaxBytes;

    ConflictCheck(Layout layout, long attachmentMaxBytes) {
        this.hasher = RecordRenderer.forHashing(layout);
        this.parentInFrontmatter = layout.parentInFrontmatter();
        this.attachmentMaxBytes = attachmentMaxBytes;
    }

    /**
     * Reads the touched pages (in bulk) and checks each.
     *
     * @param source the source of truth
     * @param plan the plan
     * @return what to write and how, or the conflicts
     */
    Result check(SourceOfTruth source, PushPlan plan) {
        Set<RecordId> touched = new LinkedHashSet<>();
        plan.updates().forEach(update -> touched.add(update.id()));
        plan.deletes().forEach(delete -> touched.add(delete.id()));
        Set<RecordId> withAttachments = new LinkedHashSet<>();
        plan.uploads().forEach(upload -> upload.page().ifPresent(withAttachments::add));
        plan.attachmentDeletes().forEach(delete -> withAttachments.add(delete.page()));
        touched.addAll(withAttachments);
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
        AttachmentCheck attachments = checkAttachments(source, plan, withAttachments, current, conflicts);
        return new Result(expected, settled, conflicts, current, attachments.settled(), attachments.current());
    }

    /**
     * Checks the attachment writes of pages that exist: an attachment whose version moved since the
     * base, or a new file whose name the page has already, conflicts unless the source of truth holds
     * exactly the pushed bytes (then no write is needed); a delete of an attachment already gone is
     * settled.
     */
    private AttachmentCheck checkAttachments(SourceOfTruth source, PushPlan plan, Set<RecordId> pages,
            Map<RecordId, Record> current, List<Conflict> conflicts) {
        Set<PlannedWrite> settled = new HashSet<>();
        Map<PlannedWrite, Attachment> existing = new HashMap<>();
        if (!plan.uploads().isEmpty() || !plan.attachmentDeletes().isEmpty()) {
            source.capabilities().require(source.scheme(), Capability.ATTACHMENTS);
        }
        if (pages.isEmpty()) {
            return new AttachmentCheck(settled, existing);
        }
        Set<RecordId> gonePages = new HashSet<>();
        for (RecordId page : pages) {
            Record now = current.get(page);
            if (now == null || now.entry().status() != RecordStatus.CURRENT) {
                gonePages.add(page);
            }
        }
        List<RecordId> live = pages.stream().filter(page -> !gonePages.contains(page)).toList();
        Map<RecordId, List<Attachment>> listed = live.isEmpty() ? Map.of() : source.attachments(live);
        for (PlannedWrite.AttachmentUpload upload : plan.uploads()) {
            if (upload.page().isEmpty()) {
                continue;
            }
            if (gonePages.contains(upload.page().get())) {
                pageGone(upload.path(), upload.pagePath(), upload.page().get(), plan, conflicts);
                continue;
            }
            List<Attachment> onPage = listed.getOrDefault(upload.page().get(), List.of());
            Optional<Attachment> now = upload.baseId().flatMap(id -> find(onPage, attachment -> attachment.id().equals(id)))
                    .or(() -> find(onPage, attachment -> attachment.fileName().equals(upload.fileName())));
            if (now.isEmpty()) {
                if (upload.base().isPresent()) {
                    conflicts.add(new Conflict(upload.path(), upload.fileName(), Optional.empty(),
                            "was deleted in Confluence since your base"));
                }
                continue;
            }
            existing.put(upload, now.get());
            boolean unchangedSinceBase = upload.base().isPresent() && upload.baseId().get().equals(now.get().id())
                    && upload.base().get().version() == now.get().version();
            if (unchangedSinceBase) {
                continue;
            }
            if (holds(source, now.get(), upload)) {
                settled.add(upload);
            } else {
                conflicts.add(new Conflict(upload.path(), upload.fileName(), Optional.empty(), upload.base().isPresent()
                        ? "was changed in Confluence since your base (version " + upload.base().get().version() + " -> "
                                + now.get().version() + ")"
                        : "was attached to the page in Confluence meanwhile, with other content (version "
                                + now.get().version() + ")"));
            }
        }
        for (PlannedWrite.AttachmentDelete delete : plan.attachmentDeletes()) {
            if (gonePages.contains(delete.page())) {
                settled.add(delete);
                continue;
            }
            Optional<Attachment> now = find(listed.getOrDefault(delete.page(), List.of()),
                    attachment -> attachment.id().equals(delete.attachmentId()));
            if (now.isEmpty()) {
                settled.add(delete);
            } else if (now.get().version() != delete.base().version()) {
                conflicts.add(new Conflict(delete.path(), delete.base().fileName(), Optional.empty(),
                        "was changed in Confluence since your base (version " + delete.base().version() + " -> "
                                + now.get().version() + ")"));
            } else {
                existing.put(delete, now.get());
            }
        }
        return new AttachmentCheck(settled, existing);
    }

    private static void pageGone(String path, String pagePath, RecordId page, PushPlan plan, List<Conflict> conflicts) {
        String title = plan.baseState().get(page.value()).map(RecordState::title).orElse(page.value());
        boolean reported = conflicts.stream().anyMatch(conflict -> conflict.path().equals(pagePath));
        if (!reported) {
            conflicts.add(new Conflict(pagePath, title, Optional.empty(), "was deleted in Confluence (or is no longer"
                    + " published), so " + path + " cannot be attached to it"));
        }
    }

    /** Whether the attachment's current version holds exactly the pushed bytes (read within the cap). */
    private boolean holds(SourceOfTruth source, Attachment attachment, PlannedWrite.AttachmentUpload upload) {
        if (attachment.size() != upload.size() || attachment.size() > attachmentMaxBytes) {
            return false;
        }
        byte[] bytes = source.readAttachment(attachment, attachmentMaxBytes);
        return new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, bytes).equals(upload.blob());
    }

    private static Optional<Attachment> find(List<Attachment> attachments, Predicate<Attachment> wanted) {
        return attachments.stream().filter(wanted).findFirst();
    }

    /** The attachment side of the check. */
    private record AttachmentCheck(Set<PlannedWrite> settled, Map<PlannedWrite, Attachment> current) {
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
     * @param settledAttachments attachment writes already in place (the same bytes uploaded, or the file
     *     already deleted): no write
     * @param currentAttachments the attachment each attachment write replaces or deletes, as listed now
     */
    record Result(Map<RecordId, Long> expectedVersions, Set<RecordId> settled, List<Conflict> conflicts,
            Map<RecordId, Record> current, Set<PlannedWrite> settledAttachments,
            Map<PlannedWrite, Attachment> currentAttachments) {
    }
}
