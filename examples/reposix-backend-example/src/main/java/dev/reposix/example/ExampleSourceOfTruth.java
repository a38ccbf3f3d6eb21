package dev.reposix.example;

import static java.util.Objects.requireNonNull;

import dev.reposix.api.AuditEvent;
import dev.reposix.api.BackendContext;
import dev.reposix.api.Capabilities;
import dev.reposix.api.DeleteOutcome;
import dev.reposix.api.ManifestEntry;
import dev.reposix.api.NewRecord;
import dev.reposix.api.Record;
import dev.reposix.api.RecordId;
import dev.reposix.api.RecordKind;
import dev.reposix.api.RecordStatus;
import dev.reposix.api.RecordUpdate;
import dev.reposix.api.ReposixException;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.api.StandardErrorCode;
import dev.reposix.api.UpdateOutcome;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One project of the example backend, a folder of record files. Every write checks and changes the
 * files under the folder's lock, which is what makes the optimistic version check safe. An update
 * may set any status but trashed (a deleted record's file is gone); version messages are accepted
 * and not kept, as there is no version history. Not
 * thread-safe (the SPI does not ask for it); separate instances, also in other processes, may share
 * a project.
 *
 * @since 0.1
 */
public final class ExampleSourceOfTruth implements SourceOfTruth {

    private final ProjectFolder folder;
    private final BackendContext context;
    private boolean closed;

    ExampleSourceOfTruth(ProjectFolder folder, BackendContext context) {
        this.folder = requireNonNull(folder, "folder is null");
        this.context = requireNonNull(context, "context is null");
    }

    @Override
    public String scheme() {
        return ExampleProvider.SCHEME;
    }

    @Override
    public Capabilities capabilities() {
        return ExampleProvider.CAPABILITIES;
    }

    @Override
    public List<ManifestEntry> manifest() {
        ensureOpen();
        return folder.readAll().stream().map(Record::entry).toList();
    }

    @Override
    public void readRecords(Collection<RecordId> ids, Consumer<? super Record> consumer) {
        ensureOpen();
        requireNonNull(consumer, "consumer is null");
        for (RecordId id : new LinkedHashSet<>(ids)) {
            folder.read(id).ifPresent(consumer);
        }
    }

    @Override
    public ManifestEntry create(NewRecord record) {
        ensureOpen();
        requireNonNull(record, "record is null");
        Labels.requireValid(record.labels());
        ManifestEntry created = folder.locked(() -> {
            record.parentId().ifPresent(this::requireExisting);
            requireUniqueTitle(record.title(), Optional.empty());
            ManifestEntry entry = new ManifestEntry(folder.allocateId(), RecordKind.DOCUMENT, record.title(),
                    record.parentId(), 1, RecordStatus.CURRENT, now(), Optional.empty());
            folder.write(new Record(entry, record.labels(), record.body()));
            return entry;
        });
        audit("create", created.id(), "ok", created.version());
        return created;
    }

    @Override
    public UpdateOutcome update(RecordUpdate update) {
        ensureOpen();
        requireNonNull(update, "update is null");
        Labels.requireValid(update.labelsToAdd());
        if (update.status().filter(RecordStatus.TRASHED::equals).isPresent()) {
            throw new ReposixException(StandardErrorCode.REJECTED_BY_SOURCE, "record " + update.id()
                    + " cannot be trashed by an update: this example project has no trash; delete the record instead");
        }
        UpdateOutcome outcome = folder.locked(() -> {
            Record current = requireExisting(update.id());
            long currentVersion = current.entry().version();
            if (currentVersion != update.expectedVersion()) {
                return new UpdateOutcome.Conflict(update.id(), update.expectedVersion(), OptionalLong.of(currentVersion));
            }
            update.parentId().ifPresent(parent -> requireNoCycle(update.id(), parent));
            requireUniqueTitle(update.title(), Optional.of(update.id()));
            Set<String> labels = new LinkedHashSet<>(current.labels());
            labels.removeAll(update.labelsToRemove());
            labels.addAll(update.labelsToAdd());
            ManifestEntry entry = new ManifestEntry(update.id(), RecordKind.DOCUMENT, update.title(), update.parentId(),
                    currentVersion + 1, update.status().orElse(current.entry().status()), now(), Optional.empty());
            folder.write(new Record(entry, labels, update.body()));
            return new UpdateOutcome.Updated(entry);
        });
        boolean applied = outcome instanceof UpdateOutcome.Updated;
        audit("update", update.id(), applied ? "ok" : "conflict", update.expectedVersion());
        return outcome;
    }

    @Override
    public DeleteOutcome delete(RecordId id) {
        ensureOpen();
        requireNonNull(id, "id is null");
        DeleteOutcome outcome = folder.locked(() -> {
            Optional<Record> deleted = folder.read(id);
            if (deleted.isEmpty()) {
                return DeleteOutcome.ALREADY_ABSENT;
            }
            // Children move up to the deleted record's parent rather than pointing at nothing.
            for (Record child : folder.readAll()) {
                if (child.entry().parentId().filter(id::equals).isPresent()) {
                    folder.write(moved(child, deleted.get().entry().parentId()));
                }
            }
            folder.remove(id);
            return DeleteOutcome.DELETED;
        });
        audit("delete", id, outcome == DeleteOutcome.DELETED ? "ok" : "absent", 0);
        return outcome;
    }

    @Override
    public void close() {
        closed = true;
    }

    private Record moved(Record child, Optional<RecordId> newParent) {
        ManifestEntry entry = child.entry();
        return new Record(new ManifestEntry(entry.id(), entry.kind(), entry.title(), newParent, entry.version() + 1,
                entry.status(), now(), Optional.empty()), child.labels(), child.body());
    }

    private Record requireExisting(RecordId id) {
        return folder.read(id).orElseThrow(() -> new ReposixException(StandardErrorCode.RECORD_NOT_FOUND,
                "record " + id + " does not exist in this example project; sync and try again"));
    }

    private void requireNoCycle(RecordId id, RecordId newParent) {
        Optional<RecordId> ancestor = Optional.of(newParent);
        while (ancestor.isPresent()) {
            if (ancestor.get().equals(id)) {
                throw new ReposixException(StandardErrorCode.REJECTED_BY_SOURCE,
                        "record " + id + " cannot move under its own descendant " + newParent + "; choose another parent");
            }
            ancestor = requireExisting(ancestor.get()).entry().parentId();
        }
    }

    private void requireUniqueTitle(String title, Optional<RecordId> except) {
        for (Record existing : folder.readAll()) {
            if (existing.entry().title().equals(title) && except.filter(existing.id()::equals).isEmpty()) {
                throw new ReposixException(StandardErrorCode.REJECTED_BY_SOURCE,
                        "title '" + title + "' is already used by record " + existing.id() + "; choose another title");
            }
        }
    }

    private Instant now() {
        return context.clock().instant();
    }

    private void audit(String operation, RecordId id, String outcome, long version) {
        context.audit().record(new AuditEvent(now(), operation, Optional.of(id), outcome,
                Map.of("version", Long.toString(version))));
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this example source of truth is closed; open a new one");
        }
    }
}
