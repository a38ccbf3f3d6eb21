package dev.reposix.backend.confluence.codec;

import dev.reposix.api.RecordId;
import dev.reposix.simulator.seed.SeedPage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Resolves the titles of seeded pages, so page links become record links as in a real sync. Immutable. */
final class SeedDirectory implements PageDirectory {

    private final Map<String, RecordId> idsByTitle = new HashMap<>();
    private final Map<RecordId, String> titlesById = new HashMap<>();

    SeedDirectory(List<SeedPage> pages) {
        for (SeedPage page : pages) {
            idsByTitle.put(page.title(), RecordId.of(page.id()));
            titlesById.put(RecordId.of(page.id()), page.title());
        }
    }

    @Override
    public Optional<RecordId> idOfTitle(String title) {
        return Optional.ofNullable(idsByTitle.get(title));
    }

    @Override
    public Optional<String> titleOf(RecordId id) {
        return Optional.ofNullable(titlesById.get(id));
    }
}
