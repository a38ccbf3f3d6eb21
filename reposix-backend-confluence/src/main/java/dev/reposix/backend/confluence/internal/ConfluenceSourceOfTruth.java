package dev.reposix.backend.confluence.internal;

import dev.reposix.backend.confluence.ConfluenceSpace;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reposix.api.AuditEvent;
import dev.reposix.api.BackendContext;
import dev.reposix.api.Capabilities;
import dev.reposix.api.DeleteOutcome;
import dev.reposix.api.ManifestEntry;
import dev.reposix.api.NewRecord;
import dev.reposix.api.Record;
import dev.reposix.api.RecordId;
import dev.reposix.api.RecordKind;
import dev.reposix.api.RecordUpdate;
import dev.reposix.api.ReposixException;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.api.StandardErrorCode;
import dev.reposix.api.UpdateOutcome;
import dev.reposix.backend.confluence.codec.StorageCanonicalizer;
import dev.reposix.backend.confluence.codec.StorageCodec;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
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
import java.util.function.Consumer;

/**
 * One Confluence space as a {@link SourceOfTruth}: pages are records, bodies cross the SPI as
 * Markdown (converted by the storage codec), global labels are labels, Confluence folders are
 * {@link RecordKind#FOLDER} records. Used from one thread at a time; close it to stop its fetch
 * threads.
 */
public final class ConfluenceSourceOfTruth implements SourceOfTruth {

    /** The scheme of this backend. */
    public static final String SCHEME = "confluence";

    private static final String VERSION_MESSAGE = "Edited with reposix";
    private static final StorageCanonicalizer CANONICALIZER = new StorageCanonicalizer();

    private final ConfluenceHttp http;
    private final ConfluenceSpace space;
    private final BackendContext context;
    private final UserDirectory users;
    private final LabelIndex labels;
    private final PageWriter writer;
    private final ExecutorService fetchers;
    private final PageIndex pages = new PageIndex();
    /** Every labelled page's labels, read once per opened space when many pages' labels are needed. */
    private Map<RecordId, Set<String>> spaceLabels;
    private final StorageCodec codec = new StorageCodec(pages);

    /**
     * Opens a space.
     *
     * @param http the site client
     * @param space the space
     * @param context host services
     * @param concurrency how many body requests may run at once
     */
    public ConfluenceSourceOfTruth(ConfluenceHttp http, ConfluenceSpace space, BackendContext context, int concurrency) {
        this.http = http;
        this.space = space;
        this.context = context;
        this.users = new UserDirectory(http);
        this.labels = new LabelIndex(http);
        this.writer = new PageWriter(http, space);
        this.fetchers = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "confluence-fetch-" + space.key());
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
        return Capabilities.all();
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

    @Override
    public void readRecords(Collection<RecordId> ids, Consumer<? super Record> consumer) {
        loadIndex();
        List<RecordId> pageIds = new ArrayList<>();
        for (RecordId id : new LinkedHashSet<>(ids)) {
            Optional<ManifestEntry> entry = pages.get(id);
            if (entry.isPresent() && entry.get().kind() == RecordKind.FOLDER) {
                consumer.accept(new Record(entry.get(), Set.of(), ""));
            } else {
                pageIds.add(id);
            }
        }
        if (pageIds.isEmpty()) {
            return;
        }
        Map<RecordId, Set<String>> labelsByPage = labelsOf(pageIds);
        new BodyReader(http, fetchers, context.progress()).read(pageIds, item ->
                PageJson.entry(item, RecordKind.DOCUMENT, users).map(this::present).map(entry -> new Record(entry,
                        labelsByPage.getOrDefault(entry.id(), Set.of()), codec.toMarkdown(PageJson.storage(item).orElse("")))),
                consumer);
    }

    @Override
    public Map<RecordId, Set<String>> labels(Collection<RecordId> ids) {
        return labelsOf(List.copyOf(new LinkedHashSet<>(ids)));
    }

    /**
     * Labels from the space-wide index when this instance already read it (a sync reads labels of all
     * unchanged pages, then bodies of the changed ones: the second needs no label request at all).
     */
    private Map<RecordId, Set<String>> labelsOf(List<RecordId> ids) {
        if (spaceLabels == null && ids.size() > LabelIndex.PER_PAGE_THRESHOLD) {
            spaceLabels = labels.spaceWide(space);
        }
        if (spaceLabels == null) {
            return labels.labelsOf(space, ids);
        }
        Map<RecordId, Set<String>> subset = new HashMap<>();
        ids.forEach(id -> subset.put(id, spaceLabels.getOrDefault(id, Set.of())));
        return subset;
    }

    @Override
    public ManifestEntry create(NewRecord record) {
        loadIndex();
        String storage = codec.toStorage(record.body());
        JsonNode created = writer.create(record.title(), record.parentId(), storage);
        RecordId id = RecordId.of(PageJson.requiredText(created, "id"));
        writer.addLabels(id, record.labels());
        spaceLabels = null;
        ManifestEntry entry = entryOf(created);
        pages.put(entry);
        audit("create", id, "ok", Map.of("title", record.title(), "version", String.valueOf(entry.version())));
        return entry;
    }

    @Override
    public UpdateOutcome update(RecordUpdate update) {
        JsonNode current = writer.current(update.id()).orElseThrow(() -> new ReposixException(
                StandardErrorCode.RECORD_NOT_FOUND, "page " + update.id() + " does not exist in space " + space.key()
                        + " or is not visible to " + http.site().email() + "; it may have been deleted in Confluence"));
        long currentVersion = current.path("version").path("number").asLong();
        if (currentVersion != update.expectedVersion()) {
            audit("update", update.id(), "conflict", Map.of("expected", String.valueOf(update.expectedVersion()),
                    "actual", String.valueOf(currentVersion)));
            return new UpdateOutcome.Conflict(update.id(), update.expectedVersion(), OptionalLong.of(currentVersion));
        }
        Optional<RecordId> rawParent = PageJson.parent(current);
        Optional<RecordId> currentParent = hideHome(rawParent);
        boolean moved = !update.parentId().equals(currentParent);
        Optional<RecordId> newParent = update.parentId().or(this::homeRecord);
        if (moved && newParent.isEmpty()) {
            throw new ReposixException(StandardErrorCode.REJECTED_BY_SOURCE, "page " + update.id()
                    + " cannot be moved to the top level of space " + space.key()
                    + ", which has no homepage; move it under another page instead");
        }
        String currentStorage = PageJson.storage(current).orElse("");
        loadIndex();
        String storage = codec.toStorage(update.body());
        if (CANONICALIZER.canonicalize(storage).equals(CANONICALIZER.canonicalize(currentStorage))) {
            // Unchanged content goes back byte for byte, so a rename or move never churns the body.
            storage = currentStorage;
        }
        boolean contentChanged = moved || !storage.equals(currentStorage)
                || !update.title().equals(current.path("title").asText());
        ManifestEntry entry = entryOf(current);
        if (contentChanged) {
            Optional<JsonNode> saved = writer.update(update.id(), currentVersion + 1, update.title(),
                    moved ? newParent : Optional.empty(),
                    current.path("status").asText("current"), storage, VERSION_MESSAGE);
            if (saved.isEmpty()) {
                audit("update", update.id(), "conflict", Map.of("expected", String.valueOf(update.expectedVersion())));
                return new UpdateOutcome.Conflict(update.id(), update.expectedVersion(), OptionalLong.empty());
            }
            entry = entryOf(saved.get());
        }
        update.labelsToRemove().forEach(label -> writer.removeLabel(update.id(), label));
        writer.addLabels(update.id(), update.labelsToAdd());
        if (!update.labelsToAdd().isEmpty() || !update.labelsToRemove().isEmpty()) {
            spaceLabels = null;
        }
        pages.put(entry);
        audit("update", update.id(), "ok", Map.of("version", String.valueOf(entry.version())));
        return new UpdateOutcome.Updated(entry);
    }

    @Override
    public DeleteOutcome delete(RecordId id) {
        boolean trashed = writer.trash(id);
        pages.remove(id);
        audit("delete", id, trashed ? "ok" : "already-absent", Map.of());
        return trashed ? DeleteOutcome.DELETED : DeleteOutcome.ALREADY_ABSENT;
    }

    @Override
    public void close() {
        fetchers.shutdownNow();
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

    /** Page links resolve against the space's titles, so the codec needs a manifest first. */
    private void loadIndex() {
        if (!pages.loaded()) {
            manifest();
        }
    }

    private void audit(String operation, RecordId id, String outcome, Map<String, String> details) {
        Map<String, String> all = new LinkedHashMap<>(details);
        all.put("space", space.key());
        context.audit().record(new AuditEvent(context.clock().instant(), operation, Optional.of(id), outcome, all));
    }
}
