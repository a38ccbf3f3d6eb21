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
import java.util.function.Consumer;

/** Passes every call to a delegate; the broken backends override one method each to plant a bug. */
abstract class ForwardingSourceOfTruth implements SourceOfTruth {

    protected final SourceOfTruth delegate;

    ForwardingSourceOfTruth(SourceOfTruth delegate) {
        this.delegate = delegate;
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
