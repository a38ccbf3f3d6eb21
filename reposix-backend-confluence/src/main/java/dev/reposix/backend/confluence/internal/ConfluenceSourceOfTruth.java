package dev.reposix.backend.confluence.internal;

import dev.reposix.backend.confluence.ConfluenceSpace;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reposix.api.Attachment;
import dev.reposix.api.AuditEvent;
import dev.reposix.api.BackendContext;
import dev.reposix.api.Capabilities;
import dev.reposix.api.Capability;
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
import dev.reposix.backend.confluence.codec.StorageCanonicalizer;
import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Confluence space as a {@link SourceOfTruth}: pages are records, bodies cross the SPI as
 * Markdown (converted by the storage codec), global labels are labels, Confluence folders are
 * {@link RecordKind#FOLDER} records, page attachments are {@link Attachment}s. Writes and reads of a few records never list the space: page
 * links are resolved by looking up only what a body links to. A write whose answer is lost is
 * recognised by the page it left behind, so it neither looks like a conflict nor runs twice. Used
 * from one thread at a time; close it to stop its fetch and conversion threads.
 */
public final class ConfluenceSourceOfTruth implements SourceOfTruth {

    /** The scheme of this backend. */
    public static final String SCHEME = "confluence";

    private static final Logger LOG = LoggerFactory.getLogger(ConfluenceSourceOfTruth.class);
    private static final String VERSION_MESSAGE = "Edited with reposix";
    private static final StorageCanonicalizer CANONICALIZER = new StorageCanonicalizer();

    private final ConfluenceHttp http;
    private final ConfluenceSpace space;
    private final BackendContext context;
    private final UserDirectory users;
    private final PageWriter writer;
    private final PageIndex pages = new PageIndex();
    private final PageLookup lookup;
    private final SpaceCodec codec;
    private final RecordReader reader;
    private final AttachmentReader attachmentReader;
    private final AttachmentWriter attachmentWriter;

    /**
     * Opens a space.
     *
     * @param http the site client
     * @param space the space
     * @param context host services
     * @param concurrency how many body requests, attachment downloads and label listings may run at once
     */
    public ConfluenceSourceOfTruth(ConfluenceHttp http, ConfluenceSpace space, BackendContext context, int concurrency) {
        this.http = http;
        this.space = space;
        this.context = context;
        this.users = new UserDirectory(http);
        this.writer = new PageWriter(http, space);
        this.lookup = new PageLookup(http, space);
        this.codec = new SpaceCodec(pages, lookup, page -> PageJson.entry(page, RecordKind.DOCUMENT, users)
                .map(this::present));
        ExecutorService fetchers = daemonPool("confluence-fetch-" + space.key(), concurrency);
        // Converting bodies is CPU work: one thread per processor, whatever the request concurrency.
        ExecutorService converters = daemonPool("confluence-convert-" + space.key(),
                Runtime.getRuntime().availableProcessors());
        this.reader = new RecordReader(http, space, context.progress(), fetchers, converters, pages, lookup, codec,
                (page, kind) -> PageJson.entry(page, kind, users).map(this::present));
        this.attachmentReader = new AttachmentReader(http, fetchers, concurrency);
        this.attachmentWriter = new AttachmentWriter(http);
    }

    private static ExecutorService daemonPool(String name, int threads) {
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public Capabilities capabilities() {
        return Capabilities.all().with(Capability.ATTACHMENTS);
    }

    @Override
    public URI location() {
        return http.site().baseUrl();
    }

    @Override
    public Optional<RecordId> homeRecord() {
        return space.homepageId().map(RecordId::of);
    }

    @Override
    public List<ManifestEntry> manifest() {
        List<ManifestEntry> entries = new ManifestReader(http, users, context.progress()).read(space).stream()
                .map(this::present).toList();
        pages.replaceAll(entries);
        return entries;
    }

    /**
     * A handful of ids is read page by page with labels and only the links they need, whatever the
     * size of the space; more need the manifest (titles for the links, kinds for folders) and are
     * read in bulk.
     */
    @Override
    public void readRecords(Collection<RecordId> ids, Consumer<? super Record> consumer) {
        List<RecordId> distinct = List.copyOf(new LinkedHashSet<>(ids));
        if (!pages.loaded() && distinct.size() > RecordReader.FEW) {
            manifest();
        }
        reader.read(distinct, consumer);
    }

    @Override
    public Map<RecordId, Set<String>> labels(Collection<RecordId> ids) {
        return reader.labels(List.copyOf(new LinkedHashSet<>(ids)));
    }

    @Override
    public ManifestEntry create(NewRecord record) {
        String storage = codec.toStorage(record.body());
        WriteAnswer answer = writer.create(record.title(), record.parentId(), storage);
        String outcome = "ok";
        JsonNode created;
        if (answer instanceof WriteAnswer.Saved saved) {
            created = saved.page();
        } else {
            created = adoptCreated(record, storage, answer);
            outcome = "adopted";
        }
        RecordId id = RecordId.of(PageJson.requiredText(created, "id"));
        writer.markForNewEditor(id.value());
        writer.addLabels(id, record.labels());
        reader.labelsChanged();
        ManifestEntry entry = entryOf(created);
        pages.put(entry);
        audit("create", id, outcome, Map.of("title", record.title(), "version", String.valueOf(entry.version())));
        return entry;
    }

    /**
     * After a lost answer or a refusal, the page with the title is this create's result when parent
     * and body are what it sent (the POST went through, or an earlier push's did); any other page
     * with that title blocks the create.
     */
    private JsonNode adoptCreated(NewRecord record, String storage, WriteAnswer answer) {
        ReposixException failure = answer instanceof WriteAnswer.Refused refused ? refused.refusal()
                : ((WriteAnswer.Lost) answer).failure();
        Optional<JsonNode> existing;
        try {
            existing = lookup.currentPageTitled(record.title(), true);
        } catch (ReposixException unreachable) {
            failure.addSuppressed(unreachable);
            throw failure;
        }
        if (existing.isEmpty()) {
            throw failure;
        }
        WriteIntent intent = new WriteIntent(record.title(), record.parentId(), "current", storage, OptionalLong.empty());
        if (!intent.isMetBy(existing.get(), this::hideHome)) {
            throw new ReposixException(StandardErrorCode.REJECTED_BY_SOURCE, "cannot create page \"" + record.title()
                    + "\": space " + space.key() + " already has a different page with that title (id "
                    + existing.get().path("id").asText() + "); titles are unique in a space, so rename your page"
                    + " (its title, and its file) and push again", failure);
        }
        LOG.info("page \"{}\" was created although Confluence's answer was lost or refused; using it", record.title());
        return existing.get();
    }

    @Override
    public UpdateOutcome update(RecordUpdate update) {
        Optional<String> requestedStatus = update.status().map(status -> requireSettable(update, status));
        JsonNode current = writer.current(update.id()).orElseThrow(() -> new ReposixException(
                StandardErrorCode.RECORD_NOT_FOUND, "page " + update.id() + " does not exist in space " + space.key()
                        + " or is not visible to " + http.site().email() + "; it may have been deleted in Confluence"));
        long currentVersion = current.path("version").path("number").asLong();
        if (currentVersion != update.expectedVersion()) {
            return conflict(update, OptionalLong.of(currentVersion));
        }
        String currentStatus = current.path("status").asText("current");
        String status = requestedStatus.orElse(requireEditable(update, currentStatus));
        Optional<RecordId> currentParent = hideHome(PageJson.parent(current));
        boolean moved = !update.parentId().equals(currentParent);
        Optional<RecordId> newParent = update.parentId().or(this::homeRecord);
        if (moved && newParent.isEmpty()) {
            throw new ReposixException(StandardErrorCode.REJECTED_BY_SOURCE, "page " + update.id()
                    + " cannot be moved to the top level of space " + space.key()
                    + ", which has no homepage; move it under another page instead");
        }
        String currentStorage = PageJson.storage(current).orElse("");
        String storage = codec.toStorage(update.body());
        if (CANONICALIZER.canonicalize(storage).equals(CANONICALIZER.canonicalize(currentStorage))) {
            // Unchanged content goes back byte for byte, so a rename or move never churns the body.
            storage = currentStorage;
        }
        boolean contentChanged = moved || !storage.equals(currentStorage) || !status.equals(currentStatus)
                || !update.title().equals(current.path("title").asText());
        JsonNode stored = current;
        String outcome = "ok";
        if (contentChanged) {
            WriteIntent intent = new WriteIntent(update.title(), update.parentId(), status, storage,
                    OptionalLong.of(currentVersion + 1));
            WriteAnswer answer = writer.update(update.id(), currentVersion + 1, update.title(),
                    moved ? newParent : Optional.empty(), status, storage, update.message().orElse(VERSION_MESSAGE));
            if (answer instanceof WriteAnswer.Saved saved) {
                stored = saved.page();
            } else {
                Optional<JsonNode> now = rereadAfter(update.id(), answer);
                if (now.isPresent() && intent.isMetBy(now.get(), this::hideHome)) {
                    stored = now.get();
                    outcome = "adopted";
                } else if (answer instanceof WriteAnswer.Lost lost) {
                    throw lost.failure();
                } else {
                    return conflict(update, now.map(page -> OptionalLong.of(page.path("version").path("number")
                            .asLong())).orElse(OptionalLong.empty()));
                }
            }
        }
        update.labelsToRemove().forEach(label -> writer.removeLabel(update.id(), label));
        writer.addLabels(update.id(), update.labelsToAdd());
        if (!update.labelsToAdd().isEmpty() || !update.labelsToRemove().isEmpty()) {
            reader.labelsChanged();
        }
        ManifestEntry entry = entryOf(stored);
        pages.put(entry);
        audit("update", update.id(), outcome, Map.of("version", String.valueOf(entry.version())));
        return new UpdateOutcome.Updated(entry, storedBody(stored));
    }

    /**
     * The page after an update whose answer was not the saved page: a 409 may come from the update
     * itself, resent by the transport after its first answer was lost; a lost answer needs the page
     * readable, or the failure stands.
     */
    private Optional<JsonNode> rereadAfter(RecordId id, WriteAnswer answer) {
        try {
            return writer.current(id);
        } catch (ReposixException unreachable) {
            if (answer instanceof WriteAnswer.Lost lost) {
                lost.failure().addSuppressed(unreachable);
                throw lost.failure();
            }
            throw unreachable;
        }
    }

    private String requireSettable(RecordUpdate update, RecordStatus status) {
        String confluenceStatus = PageStatus.toConfluence(status);
        if (PageStatus.updatable(confluenceStatus)) {
            return confluenceStatus;
        }
        String remedy = status == RecordStatus.TRASHED ? "delete its file and push to move the page to the trash"
                : "archive the page in Confluence instead, or keep its status current";
        throw new ReposixException(StandardErrorCode.REJECTED_BY_SOURCE, "cannot set page " + update.id() + " (\""
                + update.title() + "\") to " + confluenceStatus + ": Confluence's page update accepts only current"
                + " and draft; " + remedy + ". Nothing was changed");
    }

    private String requireEditable(RecordUpdate update, String currentStatus) {
        if (currentStatus.equals("trashed")) {
            throw new ReposixException(StandardErrorCode.RECORD_NOT_FOUND, "page " + update.id() + " (\""
                    + update.title() + "\") is in the trash of space " + space.key() + "; restore it in Confluence"
                    + " and sync, or delete its file");
        }
        if (!PageStatus.updatable(currentStatus)) {
            throw new ReposixException(StandardErrorCode.REJECTED_BY_SOURCE, "page " + update.id() + " (\""
                    + update.title() + "\") is " + currentStatus + " in Confluence, and Confluence's page update"
                    + " only edits current and draft pages; restore the page in Confluence, sync, and push again");
        }
        return currentStatus;
    }

    /** The stored body as Markdown; a write that succeeded never fails because of it. */
    private Optional<String> storedBody(JsonNode page) {
        Optional<String> storage = PageJson.storage(page);
        if (storage.isEmpty()) {
            return Optional.empty();
        }
        try {
            codec.prepareToMarkdown(List.of(storage.get()));
            return Optional.of(codec.toMarkdown(storage.get()));
        } catch (ReposixException unconvertible) {
            LOG.debug("page {} was saved, but its stored body could not be converted", page.path("id").asText(),
                    unconvertible);
            return Optional.empty();
        }
    }

    private UpdateOutcome conflict(RecordUpdate update, OptionalLong currentVersion) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("expected", String.valueOf(update.expectedVersion()));
        currentVersion.ifPresent(version -> details.put("actual", String.valueOf(version)));
        audit("update", update.id(), "conflict", details);
        return new UpdateOutcome.Conflict(update.id(), update.expectedVersion(), currentVersion);
    }

    @Override
    public DeleteOutcome delete(RecordId id) {
        boolean trashed = writer.trash(id);
        pages.remove(id);
        audit("delete", id, trashed ? "ok" : "already-absent", Map.of());
        return trashed ? DeleteOutcome.DELETED : DeleteOutcome.ALREADY_ABSENT;
    }

    @Override
    public Map<RecordId, List<Attachment>> attachments(Collection<RecordId> records) {
        return attachmentReader.list(records);
    }

    @Override
    public byte[] readAttachment(Attachment attachment, long maxBytes) {
        return attachmentReader.read(attachment, maxBytes);
    }

    @Override
    public void readAttachments(List<Attachment> attachments, long maxBytes,
            BiConsumer<Attachment, Optional<byte[]>> consumer) {
        attachmentReader.readAll(attachments, maxBytes, consumer);
    }

    @Override
    public Attachment writeAttachment(RecordId record, String fileName, String mediaType, byte[] content,
            String comment) {
        Attachment stored = attachmentWriter.write(record, fileName, mediaType, content, comment);
        audit("write-attachment", record, "ok", Map.of("file", fileName, "attachment", stored.id(),
                "version", String.valueOf(stored.version())));
        return stored;
    }

    @Override
    public DeleteOutcome deleteAttachment(Attachment attachment) {
        DeleteOutcome outcome = attachmentWriter.delete(attachment);
        audit("delete-attachment", attachment.record(), outcome == DeleteOutcome.DELETED ? "ok" : "already-absent",
                Map.of("file", attachment.fileName(), "attachment", attachment.id()));
        return outcome;
    }

    @Override
    public void close() {
        reader.close();
    }

    /**
     * Pages directly under the homepage are top-level records: the homepage is the records folder's
     * README, and its children sit beside it. A record without parent goes back under the homepage.
     */
    private ManifestEntry present(ManifestEntry entry) {
        Optional<RecordId> parent = hideHome(entry.parentId());
        return parent.equals(entry.parentId()) ? entry : new ManifestEntry(entry.id(), entry.kind(), entry.title(),
                parent, entry.version(), entry.status(), entry.lastModified(), entry.lastModifiedBy());
    }

    private Optional<RecordId> hideHome(Optional<RecordId> parent) {
        return parent.filter(id -> !homeRecord().filter(id::equals).isPresent());
    }

    private ManifestEntry entryOf(JsonNode page) {
        return PageJson.entry(page, RecordKind.DOCUMENT, users).map(this::present).orElseThrow(() -> new ReposixException(
                StandardErrorCode.BACKEND_FAILURE, "Confluence answered with an unknown status '"
                        + page.path("status").asText() + "' for page " + page.path("id").asText()));
    }

    private void audit(String operation, RecordId id, String outcome, Map<String, String> details) {
        Map<String, String> all = new LinkedHashMap<>(details);
        all.put("space", space.key());
        context.audit().record(new AuditEvent(context.clock().instant(), operation, Optional.of(id), outcome, all));
    }
}
