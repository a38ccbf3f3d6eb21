package dev.reposix.backend.confluence.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reposix.api.ManifestEntry;
import dev.reposix.api.RecordId;
import dev.reposix.api.ReposixException;
import dev.reposix.backend.confluence.codec.PageDirectory;
import dev.reposix.backend.confluence.codec.StorageCodec;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The storage codec of one opened space. Storage names a linked page by title and Markdown by id,
 * so conversions need the {@link PageIndex}; when it does not hold the whole space, this codec first
 * looks up only what the bodies at hand link to and the index does not know yet: linked ids in bulk
 * (one request per 250), linked titles one request each. To find out what a body links to, it is
 * converted once against a directory that only takes notes. Not thread-safe, except that
 * {@link #toMarkdown} may run on several threads while the index is whole and nobody writes to it.
 */
final class SpaceCodec {

    private final PageIndex pages;
    private final PageLookup lookup;
    /** Turns a page object into the entry the index keeps; empty for a status reposix does not map. */
    private final Function<JsonNode, Optional<ManifestEntry>> entryOf;
    private final StorageCodec codec;

    SpaceCodec(PageIndex pages, PageLookup lookup, Function<JsonNode, Optional<ManifestEntry>> entryOf) {
        this.pages = pages;
        this.lookup = lookup;
        this.entryOf = entryOf;
        this.codec = new StorageCodec(pages);
    }

    /** Converts Markdown to storage, first looking up the pages it links to that the index does not know. */
    String toStorage(String markdown) {
        if (!pages.loaded()) {
            NoteTaker notes = new NoteTaker();
            try {
                new StorageCodec(notes).toStorage(markdown);
            } catch (ReposixException invalid) {
                // The real conversion below fails the same way and reports it.
            }
            learnIds(notes.ids);
        }
        return codec.toStorage(markdown);
    }

    /** Looks up the titles that these storage bodies link to and the index does not know yet. */
    void prepareToMarkdown(Collection<String> storages) {
        if (pages.loaded()) {
            return;
        }
        NoteTaker notes = new NoteTaker();
        StorageCodec noting = new StorageCodec(notes);
        for (String storage : storages) {
            try {
                noting.toMarkdown(storage);
            } catch (ReposixException malformed) {
                // The real conversion fails the same way and reports it.
            }
        }
        for (String title : notes.titles) {
            if (!pages.knowsTitle(title)) {
                Optional<ManifestEntry> found = lookup.currentPageTitled(title, false).flatMap(entryOf);
                found.ifPresentOrElse(pages::put, () -> pages.absentTitle(title));
            }
        }
    }

    /** Converts storage to Markdown with the links the index resolves; see {@link #prepareToMarkdown}. */
    String toMarkdown(String storage) {
        return codec.toMarkdown(storage);
    }

    private void learnIds(Set<RecordId> linked) {
        List<RecordId> unknown = linked.stream().filter(id -> !pages.knows(id)).toList();
        if (unknown.isEmpty()) {
            return;
        }
        lookup.currentPages(unknown).forEach(page -> entryOf.apply(page).ifPresent(pages::put));
        unknown.stream().filter(id -> pages.get(id).isEmpty()).forEach(pages::absentId);
    }

    /**
     * Answers every id with a stand-in title and no title with an id, writing down what was asked:
     * exactly the links a conversion needs resolved.
     */
    private static final class NoteTaker implements PageDirectory {
        private final Set<RecordId> ids = new LinkedHashSet<>();
        private final Set<String> titles = new LinkedHashSet<>();

        @Override
        public Optional<RecordId> idOfTitle(String title) {
            titles.add(title);
            return Optional.empty();
        }

        @Override
        public Optional<String> titleOf(RecordId id) {
            ids.add(id);
            return Optional.of("page " + id.value());
        }
    }
}
