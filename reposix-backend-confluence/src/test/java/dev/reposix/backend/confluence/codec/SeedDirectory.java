package dev.reposix.backend.confluence.codec;

import dev.reposix.api.RecordId;
import dev.reposix.simulator.seed.SeedPage;
import java.util.List;
import java.util.stream.Collectors;

/** The directory of seeded pages, so page links become record links as in a real sync. */
final class SeedDirectory {

    private SeedDirectory() {
    }

    static PageDirectory of(List<SeedPage> pages) {
        return PageDirectory.of(pages.stream()
                .collect(Collectors.toMap(page -> RecordId.of(page.id()), SeedPage::title)));
    }
}
