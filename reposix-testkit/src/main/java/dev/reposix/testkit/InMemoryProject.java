package dev.reposix.testkit;

import dev.reposix.api.Attachment;
import dev.reposix.api.DeleteOutcome;
import dev.reposix.api.ManifestEntry;
import dev.reposix.api.NewRecord;
import dev.reposix.api.Record;
import dev.reposix.api.RecordId;
import dev.reposix.api.RecordKind;
import dev.reposix.api.RecordStatus;
import dev.reposix.api.RecordUpdate;
import dev.reposix.api.ReposixException;
import dev.reposix.api.StandardErrorCode;
import dev.reposix.api.UpdateOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** The records of one in-memory project; every method holds the project's monitor. */
final class InMemoryProject {

    /** One page of the listing and where the next one starts. */
    record ManifestPage(List<ManifestEntry> entries, Optional<String> nextCursor) {
        ManifestPage {
            entries = List.copyOf(entries);
        }
    }

    /** A record and its creation sequence, which orders the listing stably under writes. */
    private record Stored(long sequence, Record record) {
    }

    private final String scheme;
    private final AtomicLong lastId;
    private final Map<RecordId, Stored> records = new LinkedHashMap<>();
    private final InMemoryAttachments attachments;
    private long lastSequence;

    InMemoryProject(String scheme, AtomicLong lastId) {
        this.scheme = scheme;
        this.lastId = lastId;
        this.attachments = new InMemoryAttachments(lastId);
    }

    synchronized int size() {
        return records.size();
    }

    /** Like a REST listing, the cursor is the position after which to continue, not an index. */
    synchronized ManifestPage page(Optional<String> cursor, int pageSize) {
        long after = cursor.map(Long::parseLong).orElse(0L);
        List<ManifestEntry> entries = new ArrayList<>();
        long lastListed = after;
        for (Stored stored : records.values()) {
            if (stored.sequence() > after && entries.size() < pageSize) {
                entries.add(stored.record().entry());
                lastListed = stored.sequence();
            }
        }
        long continueAfter = lastListed;
        boolean more = records.values().stream().anyMatch(stored -> stored.sequence() > continueAfter);
        return new ManifestPage(entries, more ? Optional.of(Long.toString(continueAfter)) : Optional.empty());
    }

    synchronized Optional<Record> read(RecordId id) {
        return Optional.ofNullable(records.get(id)).map(Stored::record);
    }

    synchronized ManifestEntry create(NewRecord record, Instant now) {
        record.parentId().ifPresent(this::requireExisting);
        requireUniqueTitle(record.title(), Optional.empty());
        RecordId id = RecordId.of(Long.toString(lastId.incrementAndGet()));
        ManifestEntry entry = new ManifestEntry(id, RecordKind.DOCUMENT, record.title(), record.parentId(), 1,
                RecordStatus.CURRENT, now, Optional.empty());
        records.put(id, new Stored(++lastSequence, new Record(entry, record.labels(), record.body())));
        return entry;
    }

    synchronized UpdateOutcome update(RecordUpdate update, Instant now) {
        if (update.status().filter(status -> !InMemorySourceOfTruth.SETTABLE_STATUSES.contains(status)).isPresent()) {
            throw new ReposixException(StandardErrorCode.REJECTED_BY_SOURCE, "record " + update.id()
                    + " cannot be set to " + update.status().get() + " by an update in this '" + scheme
                    + "' project, which has no trash; delete the record instead");
        }
        Stored stored = requireExisting(update.id());
        ManifestEntry current = stored.record().entry();
        if (current.version() != update.expectedVersion()) {
            return new UpdateOutcome.Conflict(update.id(), update.expectedVersion(), OptionalLong.of(current.version()));
        }
        update.parentId().ifPresent(parent -> requireNoCycle(update.id(), parent));
        requireUniqueTitle(update.title(), Optional.of(update.id()));
        Set<String> labels = new LinkedHashSet<>(stored.record().labels());
        labels.removeAll(update.labelsToRemove());
        labels.addAll(update.labelsToAdd());
        ManifestEntry entry = new ManifestEntry(update.id(), current.kind(), update.title(), update.parentId(),
                current.version() + 1, update.status().orElse(current.status()), now, Optional.empty());
        records.put(update.id(), new Stored(stored.sequence(), new Record(entry, labels, update.body())));
        return new UpdateOutcome.Updated(entry);
    }

    synchronized DeleteOutcome delete(RecordId id) {
        Stored removed = records.remove(id);
        if (removed == null) {
            return DeleteOutcome.ALREADY_ABSENT;
        }
        attachments.removeAllOf(id);
        // Like Confluence, children of a deleted record move up to its parent instead of vanishing.
        Optional<RecordId> grandParent = removed.record().entry().parentId();
        records.replaceAll((childId, child) -> child.record().entry().parentId().filter(id::equals).isPresent()
                ? new Stored(child.sequence(), reparent(child.record(), grandParent))
                : child);
        return DeleteOutcome.DELETED;
    }

    synchronized Map<RecordId, List<Attachment>> attachments(Collection<RecordId> ids) {
        return attachments.of(Set.copyOf(ids));
    }

    synchronized byte[] readAttachment(Attachment attachment, long maxBytes) {
        byte[] content = attachments.content(attachment.id()).orElseThrow(() -> new ReposixException(
                StandardErrorCode.RECORD_NOT_FOUND, "attachment " + attachment.fileName() + " of record "
                        + attachment.record() + " does not exist in this '" + scheme + "' project; sync and try again"));
        if (content.length > maxBytes) {
            throw new ReposixException(StandardErrorCode.REJECTED_BY_SOURCE, "attachment " + attachment.fileName()
                    + " of record " + attachment.record() + " has " + content.length + " bytes, more than the "
                    + maxBytes + " asked for; raise REPOSIX_ATTACHMENT_MAX_BYTES to take it");
        }
        return content;
    }

    synchronized Attachment writeAttachment(RecordId record, String fileName, String mediaType, byte[] content) {
        requireExisting(record);
        return attachments.put(record, fileName, mediaType, content);
    }

    synchronized DeleteOutcome deleteAttachment(String id) {
        return attachments.remove(id) ? DeleteOutcome.DELETED : DeleteOutcome.ALREADY_ABSENT;
    }

    private static Record reparent(Record record, Optional<RecordId> parent) {
        ManifestEntry entry = record.entry();
        return new Record(new ManifestEntry(entry.id(), entry.kind(), entry.title(), parent, entry.version(),
                entry.status(), entry.lastModified(), entry.lastModifiedBy()), record.labels(), record.body());
    }

    private Stored requireExisting(RecordId id) {
        Stored stored = records.get(id);
        if (stored == null) {
            throw new ReposixException(StandardErrorCode.RECORD_NOT_FOUND,
                    "record " + id + " does not exist in this '" + scheme + "' project; sync and try again");
        }
        return stored;
    }

    private void requireNoCycle(RecordId id, RecordId newParent) {
        Optional<RecordId> ancestor = Optional.of(newParent);
        while (ancestor.isPresent()) {
            if (ancestor.get().equals(id)) {
                throw new ReposixException(StandardErrorCode.REJECTED_BY_SOURCE,
                        "record " + id + " cannot move under its own descendant " + newParent + "; choose another parent");
            }
            ancestor = requireExisting(ancestor.get()).record().entry().parentId();
        }
    }

    private void requireUniqueTitle(String title, Optional<RecordId> except) {
        for (Stored stored : records.values()) {
            ManifestEntry entry = stored.record().entry();
            if (entry.title().equals(title) && except.filter(entry.id()::equals).isEmpty()) {
                throw new ReposixException(StandardErrorCode.REJECTED_BY_SOURCE,
                        "title '" + title + "' is already used by record " + entry.id() + "; choose another title");
            }
        }
    }
}
