package dev.reposix.backend.confluence.internal;

import dev.reposix.backend.confluence.ConfluenceSpace;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reposix.api.ManifestEntry;
import dev.reposix.api.ProgressListener;
import dev.reposix.api.RecordKind;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Lists every current page of a space without bodies ({@code limit=250}, following the cursor to
 * the end, no cap), the Confluence folders the pages live in, and the authors' names. A page seen
 * twice (cursors may repeat items after concurrent writes) is kept once. Not thread-safe.
 */
final class ManifestReader {

    private static final int PAGE_SIZE = 250;

    private final ConfluenceHttp http;
    private final UserDirectory users;
    private final ProgressListener progress;

    ManifestReader(ConfluenceHttp http, UserDirectory users, ProgressListener progress) {
        this.http = http;
        this.users = users;
        this.progress = progress;
    }

    List<ManifestEntry> read(ConfluenceSpace space) {
        String task = "listing pages of " + space.key();
        // Each page is kept as its entry, not as its JSON: 10,000 JSON objects would stay on the heap
        // until the last listing page, and every garbage collection meanwhile would copy them.
        Map<String, Listed> pages = new LinkedHashMap<>();
        Deque<String> folderIds = new ArrayDeque<>();
        String path = Query.of().with("status", "current").with("limit", PAGE_SIZE)
                .appendTo("/wiki/api/v2/spaces/" + Query.encode(space.id()) + "/pages");
        http.paginate(path, task, item -> {
            String id = PageJson.requiredText(item, "id");
            if (!pages.containsKey(id)) {
                pages.put(id, Listed.of(item, RecordKind.DOCUMENT));
                folderParent(item).ifPresent(folderIds::add);
            }
            if (pages.size() % PAGE_SIZE == 0) {
                progress.progress(task, pages.size(), OptionalLong.empty());
            }
        });
        progress.progress(task, pages.size(), OptionalLong.of(pages.size()));
        List<Listed> everything = new ArrayList<>(pages.values());
        everything.addAll(folders(folderIds));
        users.resolve(everything.stream().map(Listed::authorId).filter(id -> !id.isEmpty()).toList());
        List<ManifestEntry> entries = new ArrayList<>();
        for (Listed listed : everything) {
            listed.entry().map(entry -> listed.authorId().isEmpty() ? entry
                    : new ManifestEntry(entry.id(), entry.kind(), entry.title(), entry.parentId(), entry.version(),
                            entry.status(), entry.lastModified(), Optional.of(users.author(listed.authorId()))))
                    .ifPresent(entries::add);
        }
        return entries;
    }

    /** The folders pages (and folders) sit in, fetched one request per folder. */
    private List<Listed> folders(Deque<String> pending) {
        Map<String, Listed> folders = new LinkedHashMap<>();
        while (!pending.isEmpty()) {
            String folderId = pending.pop();
            if (folders.containsKey(folderId)) {
                continue;
            }
            JsonNode folder = http.get("/wiki/api/v2/folders/" + Query.encode(folderId), "reading folder " + folderId);
            folders.put(folderId, Listed.of(folder, RecordKind.FOLDER));
            folderParent(folder).ifPresent(pending::add);
        }
        return List.copyOf(folders.values());
    }

    private static Optional<String> folderParent(JsonNode item) {
        return PageJson.parentIsFolder(item) ? PageJson.parent(item).map(id -> id.value()) : Optional.empty();
    }

    /**
     * A listed page or folder until its author's name is known: its entry without the author (empty
     * for a status reposix does not map) and the author's account id (empty when none is named).
     */
    private record Listed(Optional<ManifestEntry> entry, String authorId) {

        static Listed of(JsonNode item, RecordKind kind) {
            return new Listed(PageJson.entry(item, kind, Optional.empty()), PageJson.authorId(item));
        }
    }
}
