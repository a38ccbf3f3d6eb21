package dev.reposix.backend.confluence.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reposix.api.ManifestEntry;
import dev.reposix.api.ProgressListener;
import dev.reposix.api.Record;
import dev.reposix.api.RecordId;
import dev.reposix.api.RecordKind;
import dev.reposix.api.ReposixException;
import dev.reposix.backend.confluence.ConfluenceSpace;
import dev.reposix.backend.confluence.codec.CodecErrorCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Reads records of one space two ways. With the whole space in the {@link PageIndex} (a sync lists
 * it first), bodies come in bulk (converted beside the fetch threads) and labels from the space's label index when
 * many are needed. Without it, a few records are read one request each, page with labels
 * ({@code include-labels}), an id that is no page being tried as a folder, and only the titles
 * their bodies link to are looked up. Used from one thread at a time; close it to stop the fetch
 * threads.
 */
final class RecordReader implements AutoCloseable {

    /** Up to this many ids are read one by one without the manifest; it is also where labels stop being read per page. */
    static final int FEW = LabelIndex.PER_PAGE_THRESHOLD;

    private final ConfluenceSpace space;
    private final ProgressListener progress;
    private final ExecutorService fetchers;
    private final ExecutorService converters;
    private final PageIndex pages;
    private final PageLookup lookup;
    private final SpaceCodec codec;
    private final LabelIndex labelIndex;
    private final ConfluenceHttp http;
    /** Turns a page or folder object into a record's entry; empty for a status reposix does not map. */
    private final BiFunction<JsonNode, RecordKind, Optional<ManifestEntry>> entryOf;
    /** Every labelled page's labels, read once per opened space when many pages' labels are needed. */
    private Map<RecordId, Set<String>> spaceLabels;

    RecordReader(ConfluenceHttp http, ConfluenceSpace space, ProgressListener progress, ExecutorService fetchers,
            ExecutorService converters, PageIndex pages, PageLookup lookup, SpaceCodec codec,
            BiFunction<JsonNode, RecordKind, Optional<ManifestEntry>> entryOf) {
        this.http = http;
        this.space = space;
        this.progress = progress;
        this.fetchers = fetchers;
        this.converters = converters;
        this.pages = pages;
        this.lookup = lookup;
        this.codec = codec;
        this.labelIndex = new LabelIndex(http);
        this.entryOf = entryOf;
    }

    /** Reads distinct ids: in bulk when the index is whole, else one by one (callers keep that to {@link #FEW}). */
    void read(List<RecordId> ids, Consumer<? super Record> consumer) {
        List<RecordId> pageIds = new ArrayList<>();
        for (RecordId id : ids) {
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
        if (pages.loaded()) {
            readInBulk(pageIds, consumer);
        } else {
            readOneByOne(pageIds, consumer);
        }
    }

    private void readInBulk(List<RecordId> ids, Consumer<? super Record> consumer) {
        // The labels are listed on one fetch thread while the others start on the bodies; a body's
        // record waits for them only once it is converted.
        // (one after the other there: this fetch thread must not wait for listings queued behind bodies)
        Future<Map<RecordId, Set<String>>> labelsByPage = fetchers.submit(() -> labels(ids, Optional.empty()));
        try {
            new BodyReader(http, fetchers, converters, progress).read(ids, item -> entryOf.apply(item,
                    RecordKind.DOCUMENT).map(entry -> {
                        String markdown = markdownOf(entry, item);
                        Set<String> labels = BodyReader.resultOf(labelsByPage, "listing labels")
                                .getOrDefault(entry.id(), Set.of());
                        return new Record(entry, labels, markdown);
                    }), consumer);
            BodyReader.resultOf(labelsByPage, "listing labels");
        } finally {
            labelsByPage.cancel(true);
        }
    }

    /** The page's body as Markdown; a body that cannot be parsed is reported naming the page, so it can be fixed. */
    private String markdownOf(ManifestEntry entry, JsonNode page) {
        try {
            return codec.toMarkdown(PageJson.storage(page).orElse(""));
        } catch (ReposixException unreadable) {
            if (unreadable.errorCode() != CodecErrorCode.MALFORMED_STORAGE) {
                throw unreadable;
            }
            throw new ReposixException(CodecErrorCode.MALFORMED_STORAGE, "page \"" + entry.title() + "\" (id "
                    + entry.id().value() + ") in space " + space.key() + ": " + unreadable.getMessage(), unreadable);
        }
    }

    private void readOneByOne(List<RecordId> ids, Consumer<? super Record> consumer) {
        Map<RecordId, JsonNode> found = new LinkedHashMap<>();
        for (RecordId id : ids) {
            Optional<JsonNode> page = lookup.pageWithLabels(id);
            if (page.isPresent()) {
                found.put(id, page.get());
                continue;
            }
            lookup.folder(id).flatMap(folder -> entryOf.apply(folder, RecordKind.FOLDER)).ifPresent(folder -> {
                pages.put(folder);
                consumer.accept(new Record(folder, Set.of(), ""));
            });
        }
        codec.prepareToMarkdown(found.values().stream().map(page -> PageJson.storage(page).orElse("")).toList());
        for (JsonNode page : found.values()) {
            Optional<ManifestEntry> entry = entryOf.apply(page, RecordKind.DOCUMENT);
            if (entry.isEmpty()) {
                continue;
            }
            pages.put(entry.get());
            Set<String> labels = LabelIndex.included(page)
                    .orElseGet(() -> labels(List.of(entry.get().id()), Optional.empty())
                            .getOrDefault(entry.get().id(), Set.of()));
            consumer.accept(new Record(entry.get(), labels, markdownOf(entry.get(), page)));
        }
    }

    /**
     * Labels from the space-wide index when this instance already read it (a sync reads labels of all
     * unchanged pages, then bodies of the changed ones: the second needs no label request at all). Asked
     * for by the source, when no body is being read: the label listings run on the fetch threads.
     */
    Map<RecordId, Set<String>> labels(List<RecordId> ids) {
        return labels(ids, Optional.of(fetchers));
    }

    /** Labels as {@link #labels(List)}, listed on the given threads or, without, on this one. */
    private Map<RecordId, Set<String>> labels(List<RecordId> ids, Optional<ExecutorService> listers) {
        if (spaceLabels == null && ids.size() > LabelIndex.PER_PAGE_THRESHOLD) {
            spaceLabels = labelIndex.spaceWide(space, listers);
        }
        if (spaceLabels == null) {
            return labelIndex.labelsOf(space, ids);
        }
        Map<RecordId, Set<String>> subset = new HashMap<>();
        ids.forEach(id -> subset.put(id, spaceLabels.getOrDefault(id, Set.of())));
        return subset;
    }

    /** Forgets the space-wide labels after this instance changed some. */
    void labelsChanged() {
        spaceLabels = null;
    }

    @Override
    public void close() {
        fetchers.shutdownNow();
        converters.shutdownNow();
    }
}
