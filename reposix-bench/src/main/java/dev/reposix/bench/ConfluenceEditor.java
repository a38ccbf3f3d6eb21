package dev.reposix.bench;

import dev.reposix.api.Record;
import dev.reposix.api.RecordId;
import dev.reposix.api.RecordUpdate;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.api.UpdateOutcome;
import dev.reposix.backend.confluence.ConfluenceProvider;
import dev.reposix.core.RemoteSpec;
import dev.reposix.core.Reposix;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Changes the simulated space through REST, as people in a browser would, between two syncs. Its
 * requests are not part of any measurement (the counters are reset afterwards). Not thread-safe;
 * close it when done.
 */
final class ConfluenceEditor implements AutoCloseable {

    private final Reposix reposix;
    private final SourceOfTruth space;

    ConfluenceEditor(Map<String, String> environment, String spaceKey) {
        this.reposix = Reposix.builder().provider(new ConfluenceProvider()).environment(environment).build();
        this.space = reposix.open(new RemoteSpec("confluence", spaceKey));
    }

    /** Appends a paragraph to each page's body: one new version per page. */
    void appendParagraph(List<RecordId> pages, String paragraph) {
        for (Record page : read(pages)) {
            save(page, page.entry().parentId(), page.body() + "\n" + paragraph + "\n");
        }
    }

    /** Moves a page under another parent without changing its body. */
    /** Uploads a new version of a page's attachment, as a person replacing an image in the browser would. */
    void replaceAttachment(RecordId page, String fileName, byte[] content) {
        space.writeAttachment(page, fileName, "image/png", content, "replaced for the benchmark");
    }

    void move(RecordId page, RecordId newParent) {
        Record current = read(List.of(page)).get(0);
        save(current, Optional.of(newParent), current.body());
    }

    /** Deletes (trashes) a page. */
    void delete(RecordId page) {
        space.delete(page);
    }

    /** The page's current parent. */
    Optional<RecordId> parentOf(RecordId page) {
        return read(List.of(page)).get(0).entry().parentId();
    }

    private List<Record> read(List<RecordId> pages) {
        List<Record> records = new ArrayList<>();
        space.readRecords(pages, records::add);
        if (records.size() != pages.size()) {
            throw new IllegalStateException("expected pages " + pages + " in the simulator, found " + records.size());
        }
        return records;
    }

    private void save(Record current, Optional<RecordId> parent, String body) {
        UpdateOutcome outcome = space.update(new RecordUpdate(current.id(), current.entry().version(),
                current.entry().title(), parent, body, Set.of(), Set.of()));
        if (!(outcome instanceof UpdateOutcome.Updated)) {
            throw new IllegalStateException("editing page " + current.id() + " failed: " + outcome);
        }
    }

    @Override
    public void close() {
        try {
            space.close();
        } finally {
            reposix.close();
        }
    }
}
