package dev.reposix.testkit;

import static java.util.Objects.requireNonNull;

import dev.reposix.api.Attachment;
import dev.reposix.api.Capabilities;
import dev.reposix.api.Capability;
import dev.reposix.api.DeleteOutcome;
import dev.reposix.api.ManifestEntry;
import dev.reposix.api.NewRecord;
import dev.reposix.api.Record;
import dev.reposix.api.RecordId;
import dev.reposix.api.RecordStatus;
import dev.reposix.api.RecordUpdate;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.api.UpdateOutcome;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One opened project of {@link InMemoryProvider}. It honours exactly its {@link Capabilities}
 * (others throw the standard UNSUPPORTED error) and lists the manifest page by page, following its
 * own cursor as a REST backend would. An update may set any of {@link #SETTABLE_STATUSES}; it
 * refuses {@link RecordStatus#TRASHED}, since a deleted record is gone. Version messages are
 * accepted and not kept, as there is no version history; so are attachment comments. Each file
 * keeps only its current version; deleting a record drops its files. Thread-safe.
 *
 * @since 0.1
 */
public final class InMemorySourceOfTruth implements SourceOfTruth {

    /** The statuses an update may set: all but {@link RecordStatus#TRASHED}. */
    public static final Set<RecordStatus> SETTABLE_STATUSES = Set.of(RecordStatus.CURRENT, RecordStatus.DRAFT,
            RecordStatus.ARCHIVED);

    private final InMemoryProject project;
    private final Capabilities capabilities;
    private final int pageSize;
    private final Clock clock;
    private final AtomicBoolean closed = new AtomicBoolean();

    InMemorySourceOfTruth(InMemoryProject project, Capabilities capabilities, int pageSize, Clock clock) {
        this.project = requireNonNull(project, "project is null");
        this.capabilities = requireNonNull(capabilities, "capabilities is null");
        this.pageSize = pageSize;
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public String scheme() {
        return InMemoryProvider.SCHEME;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    /**
     * The number of records per listing page.
     *
     * @return the page size
     */
    public int pageSize() {
        return pageSize;
    }

    @Override
    public List<ManifestEntry> manifest() {
        ensureOpen();
        List<ManifestEntry> entries = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            InMemoryProject.ManifestPage page = project.page(cursor, pageSize);
            entries.addAll(page.entries());
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        return List.copyOf(entries);
    }

    @Override
    public void readRecords(Collection<RecordId> ids, Consumer<? super Record> consumer) {
        ensureOpen();
        requireNonNull(consumer, "consumer is null");
        for (RecordId id : new LinkedHashSet<>(ids)) {
            project.read(id).map(this::withSupportedLabels).ifPresent(consumer);
        }
    }

    @Override
    public ManifestEntry create(NewRecord record) {
        ensureOpen();
        requireNonNull(record, "record is null");
        require(Capability.CREATE);
        if (record.parentId().isPresent()) {
            require(Capability.HIERARCHY);
        }
        if (!record.labels().isEmpty()) {
            require(Capability.LABELS);
        }
        return project.create(record, clock.instant());
    }

    @Override
    public UpdateOutcome update(RecordUpdate update) {
        ensureOpen();
        requireNonNull(update, "update is null");
        require(Capability.UPDATE);
        // Without a hierarchy every record is top-level, so any parent at all would be a move.
        if (update.parentId().isPresent()) {
            require(Capability.HIERARCHY);
        }
        if (!update.labelsToAdd().isEmpty() || !update.labelsToRemove().isEmpty()) {
            require(Capability.LABELS);
        }
        return project.update(update, clock.instant());
    }

    @Override
    public DeleteOutcome delete(RecordId id) {
        ensureOpen();
        requireNonNull(id, "id is null");
        require(Capability.DELETE);
        return project.delete(id);
    }

    @Override
    public Map<RecordId, List<Attachment>> attachments(Collection<RecordId> records) {
        ensureOpen();
        require(Capability.ATTACHMENTS);
        return project.attachments(records);
    }

    @Override
    public byte[] readAttachment(Attachment attachment, long maxBytes) {
        ensureOpen();
        require(Capability.ATTACHMENTS);
        return project.readAttachment(requireNonNull(attachment, "attachment is null"), maxBytes);
    }

    @Override
    public Attachment writeAttachment(RecordId record, String fileName, String mediaType, byte[] content,
            String comment) {
        ensureOpen();
        require(Capability.ATTACHMENTS);
        require(Capability.UPDATE);
        requireNonNull(comment, "comment is null");
        return project.writeAttachment(requireNonNull(record, "record is null"),
                requireNonNull(fileName, "fileName is null"), requireNonNull(mediaType, "mediaType is null"),
                requireNonNull(content, "content is null"));
    }

    @Override
    public DeleteOutcome deleteAttachment(Attachment attachment) {
        ensureOpen();
        require(Capability.ATTACHMENTS);
        require(Capability.UPDATE);
        return project.deleteAttachment(requireNonNull(attachment, "attachment is null").id());
    }

    @Override
    public void close() {
        closed.set(true);
    }

    private Record withSupportedLabels(Record record) {
        return capabilities.supports(Capability.LABELS) ? record : new Record(record.entry(), Set.of(), record.body());
    }

    private void require(Capability capability) {
        capabilities.require(scheme(), capability);
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("this '" + scheme() + "' source of truth is closed; open a new one");
        }
    }
}
