package dev.reposix.testkit;

import dev.reposix.api.Attachment;
import dev.reposix.api.Capabilities;
import dev.reposix.api.DeleteOutcome;
import dev.reposix.api.ManifestEntry;
import dev.reposix.api.NewRecord;
import dev.reposix.api.Record;
import dev.reposix.api.RecordId;
import dev.reposix.api.RecordUpdate;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.api.UpdateOutcome;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A source of truth that passes every call to a delegate, for tests that change one behaviour of a
 * real backend: override the one method, e.g. to make an upload fail as if the connection dropped,
 * or (as the contract suite's self-check does) to plant a bug. Thread-safety is the delegate's.
 *
 * @since 0.1
 */
public abstract class ForwardingSourceOfTruth implements SourceOfTruth {

    /** The backend every call goes to. */
    protected final SourceOfTruth delegate;

    /**
     * Wraps a backend.
     *
     * @param delegate the backend every call goes to
     */
    protected ForwardingSourceOfTruth(SourceOfTruth delegate) {
        this.delegate = java.util.Objects.requireNonNull(delegate, "delegate is null");
    }

    @Override
    public String scheme() {
        return delegate.scheme();
    }

    @Override
    public Capabilities capabilities() {
        return delegate.capabilities();
    }

    @Override
    public List<ManifestEntry> manifest() {
        return delegate.manifest();
    }

    @Override
    public void readRecords(Collection<RecordId> ids, Consumer<? super Record> consumer) {
        delegate.readRecords(ids, consumer);
    }

    @Override
    public ManifestEntry create(NewRecord record) {
        return delegate.create(record);
    }

    @Override
    public UpdateOutcome update(RecordUpdate update) {
        return delegate.update(update);
    }

    @Override
    public DeleteOutcome delete(RecordId id) {
        return delegate.delete(id);
    }

    @Override
    public Map<RecordId, List<Attachment>> attachments(Collection<RecordId> records) {
        return delegate.attachments(records);
    }

    @Override
    public byte[] readAttachment(Attachment attachment, long maxBytes) {
        return delegate.readAttachment(attachment, maxBytes);
    }

    @Override
    public void readAttachments(List<Attachment> attachments, long maxBytes,
            BiConsumer<Attachment, Optional<byte[]>> consumer) {
        delegate.readAttachments(attachments, maxBytes, consumer);
    }

    @Override
    public Attachment writeAttachment(RecordId record, String fileName, String mediaType, byte[] content,
            String comment) {
        return delegate.writeAttachment(record, fileName, mediaType, content, comment);
    }

    @Override
    public DeleteOutcome deleteAttachment(Attachment attachment) {
        return delegate.deleteAttachment(attachment);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
