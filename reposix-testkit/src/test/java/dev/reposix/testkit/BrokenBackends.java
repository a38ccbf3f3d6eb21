package dev.reposix.testkit;

import dev.reposix.api.Attachment;
import dev.reposix.api.Capabilities;
import dev.reposix.api.Capability;
import dev.reposix.api.DeleteOutcome;
import dev.reposix.api.ManifestEntry;
import dev.reposix.api.NewRecord;
import dev.reposix.api.Record;
import dev.reposix.api.RecordId;
import dev.reposix.api.RecordUpdate;
import dev.reposix.api.ReposixException;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.api.StandardErrorCode;
import dev.reposix.api.UpdateOutcome;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/** Backends with one planted bug each, wrapped around a correct in-memory source of truth. */
final class BrokenBackends {

    private BrokenBackends() {
    }

    /** Reads an attachment whatever its size, ignoring the caller's limit. */
    static final class IgnoresMaxBytes extends ForwardingSourceOfTruth {
        IgnoresMaxBytes(SourceOfTruth delegate) {
            super(delegate);
        }

        @Override
        public byte[] readAttachment(Attachment attachment, long maxBytes) {
            return delegate.readAttachment(attachment, Long.MAX_VALUE);
        }
    }

    /** Applies every update, whatever version the writer based it on (last writer wins). */
    static final class IgnoresExpectedVersion extends ForwardingSourceOfTruth {
        IgnoresExpectedVersion(SourceOfTruth delegate) {
            super(delegate);
        }

        @Override
        public UpdateOutcome update(RecordUpdate update) {
            long current = delegate.readRecord(update.id()).map(record -> record.entry().version()).orElse(update.expectedVersion());
            return delegate.update(new RecordUpdate(update.id(), current, update.title(), update.parentId(), update.body(),
                    update.labelsToAdd(), update.labelsToRemove(), update.status(), update.message()));
        }
    }

    /** Reports a conflict for a stale update, but has written it anyway. */
    static final class WritesDespiteConflict extends ForwardingSourceOfTruth {
        WritesDespiteConflict(SourceOfTruth delegate) {
            super(delegate);
        }

        @Override
        public UpdateOutcome update(RecordUpdate update) {
            UpdateOutcome outcome = delegate.update(update);
            if (outcome instanceof UpdateOutcome.Conflict conflict) {
                new IgnoresExpectedVersion(delegate).update(update);
                return new UpdateOutcome.Conflict(update.id(), update.expectedVersion(), OptionalLong.empty());
            }
            return outcome;
        }
    }

    /** Applies updates but ignores the status they ask for, as a backend built before statuses could be set would. */
    static final class IgnoresStatus extends ForwardingSourceOfTruth {
        IgnoresStatus(SourceOfTruth delegate) {
            super(delegate);
        }

        @Override
        public UpdateOutcome update(RecordUpdate update) {
            return delegate.update(new RecordUpdate(update.id(), update.expectedVersion(), update.title(),
                    update.parentId(), update.body(), update.labelsToAdd(), update.labelsToRemove()));
        }
    }

    /** Reports a stored body that is not what it stored. */
    static final class ReportsAnotherStoredBody extends ForwardingSourceOfTruth {
        ReportsAnotherStoredBody(SourceOfTruth delegate) {
            super(delegate);
        }

        @Override
        public UpdateOutcome update(RecordUpdate update) {
            UpdateOutcome outcome = delegate.update(update);
            if (outcome instanceof UpdateOutcome.Updated updated) {
                return new UpdateOutcome.Updated(updated.entry(), Optional.of(update.body() + "\nA line it never stored."));
            }
            return outcome;
        }
    }

    /** Loses the listing's second page, as a backend that mishandles the next-page cursor would. */
    static final class DropsSecondPage extends ForwardingSourceOfTruth {
        private final int pageSize;

        DropsSecondPage(SourceOfTruth delegate, int pageSize) {
            super(delegate);
            this.pageSize = pageSize;
        }

        @Override
        public List<ManifestEntry> manifest() {
            List<ManifestEntry> all = delegate.manifest();
            List<ManifestEntry> kept = new ArrayList<>(all.subList(0, Math.min(pageSize, all.size())));
            if (all.size() > 2 * pageSize) {
                kept.addAll(all.subList(2 * pageSize, all.size()));
            }
            return kept;
        }
    }

    /** Hands every record to the consumer twice, as a backend retrying a page might. */
    static final class DeliversRecordsTwice extends ForwardingSourceOfTruth {
        DeliversRecordsTwice(SourceOfTruth delegate) {
            super(delegate);
        }

        @Override
        public void readRecords(Collection<RecordId> ids, Consumer<? super Record> consumer) {
            delegate.readRecords(ids, record -> {
                consumer.accept(record);
                consumer.accept(record);
            });
        }
    }

    /** Treats the labels to add as the complete new set, losing labels the writer kept. */
    static final class ReplacesLabelsInsteadOfApplyingDeltas extends ForwardingSourceOfTruth {
        ReplacesLabelsInsteadOfApplyingDeltas(SourceOfTruth delegate) {
            super(delegate);
        }

        @Override
        public UpdateOutcome update(RecordUpdate update) {
            Set<String> dropped = new HashSet<>(delegate.readRecord(update.id()).map(Record::labels).orElse(Set.of()));
            dropped.removeAll(update.labelsToAdd());
            return delegate.update(new RecordUpdate(update.id(), update.expectedVersion(), update.title(), update.parentId(),
                    update.body(), update.labelsToAdd(), dropped, update.status(), update.message()));
        }
    }

    /** Says DELETED even when there was nothing left to delete. */
    static final class AlwaysReportsDeleted extends ForwardingSourceOfTruth {
        AlwaysReportsDeleted(SourceOfTruth delegate) {
            super(delegate);
        }

        @Override
        public DeleteOutcome delete(RecordId id) {
            delegate.delete(id);
            return DeleteOutcome.DELETED;
        }
    }

    /** Declares fewer capabilities on the opened project than its provider promises. */
    static final class UnderstatesCapabilities extends ForwardingSourceOfTruth {
        UnderstatesCapabilities(SourceOfTruth delegate) {
            super(delegate);
        }

        @Override
        public Capabilities capabilities() {
            return Capabilities.of(Capability.CREATE);
        }
    }

    /** A read-only backend that refuses writes with a plain Java exception instead of the coded error. */
    static final class ThrowsIllegalStateForUnsupported extends ForwardingSourceOfTruth {
        ThrowsIllegalStateForUnsupported(SourceOfTruth delegate) {
            super(delegate);
        }

        @Override
        public ManifestEntry create(NewRecord record) {
            throw new IllegalStateException("read-only");
        }

        @Override
        public UpdateOutcome update(RecordUpdate update) {
            throw new IllegalStateException("read-only");
        }

        @Override
        public DeleteOutcome delete(RecordId id) {
            throw new IllegalStateException("read-only");
        }
    }

    /** A read-only backend that refuses writes with a coded error, but the wrong code. */
    static final class ThrowsWrongErrorCodeForUnsupported extends ForwardingSourceOfTruth {
        ThrowsWrongErrorCodeForUnsupported(SourceOfTruth delegate) {
            super(delegate);
        }

        @Override
        public ManifestEntry create(NewRecord record) {
            throw refused();
        }

        @Override
        public UpdateOutcome update(RecordUpdate update) {
            throw refused();
        }

        @Override
        public DeleteOutcome delete(RecordId id) {
            throw refused();
        }

        private static ReposixException refused() {
            return new ReposixException(StandardErrorCode.REJECTED_BY_SOURCE, "read-only; writes are rejected");
        }
    }
}
