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
        Map<String, JsonNode> pages = new LinkedHashMap<>();
        String path = Query.of().with("status", "current").with("limit", PAGE_SIZE)
                .appendTo("/wiki/api/v2/spaces/" + Query.encode(space.id()) + "/pages");
        http.paginate(path, task, item -> {
            pages.putIfAbsent(PageJson.requiredText(item, "id"), item);
            if (pages.size() % PAGE_SIZE == 0) {
                progress.progress(task, pages.size(), OptionalLong.empty());
            }
        });
        progress.progress(task, pages.size(), OptionalLong.of(pages.size()));
        Map<String, JsonNode> folders = folders(pages.values());
        List<JsonNode> everything = new ArrayList<>(pages.values());
        everything.addAll(folders.values());
        users.resolve(UserDirectory.authorIds(everything));
        List<ManifestEntry> entries = new ArrayList<>();
        pages.values().forEach(item -> PageJson.entry(item, RecordKind.DOCUMENT, users).ifPresent(entries::add));
        folders.values().forEach(item -> PageJson.entry(item, RecordKind.FOLDER, users).ifPresent(entries::add));
        return entries;
    }

    /** The folders pages (and folders) sit in, fetched one request per folder. */
    private Map<String, JsonNode> folders(Iterable<JsonNode> pages) {
        Map<String, JsonNode> folders = new LinkedHashMap<>();
        Deque<String> pending = new ArrayDeque<>();
        pages.forEach(item -> folderParent(item).ifPresent(pending::add));
        while (!pending.isEmpty()) {
            String folderId = pending.pop();
            if (folders.containsKey(folderId)) {
                continue;
            }
            JsonNode folder = http.get("/wiki/api/v2/folders/" + Query.encode(folderId), "reading folder " + folderId);
            folders.put(folderId, folder);
            folderParent(folder).ifPresent(pending::add);
        }
        return folders;
    }

    private static Optional<String> folderParent(JsonNode item) {
        return PageJson.parentIsFolder(item) ? PageJson.parent(item).map(id -> id.value()) : Optional.empty();
    }
}
