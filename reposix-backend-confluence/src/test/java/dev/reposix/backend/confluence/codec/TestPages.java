package dev.reposix.backend.confluence.codec;

import dev.reposix.api.RecordId;
import java.util.Map;
import java.util.Optional;

/** A fixed page directory for tests: a few pages of one space. Immutable, thread-safe. */
final class TestPages implements PageDirectory {

    /** The pages: title to id. */
    static final Map<String, String> PAGES = Map.of("Runbook", "65537", "Home", "1", "Release notes", "98305",
            "Ops & on-call", "131073");

    @Override
    public Optional<RecordId> idOfTitle(String title) {
        return Optional.ofNullable(PAGES.get(title)).map(RecordId::of);
    }

    @Override
    public Optional<String> titleOf(RecordId id) {
        return PAGES.entrySet().stream().filter(entry -> entry.getValue().equals(id.value()))
                .map(Map.Entry::getKey).findFirst();
    }
}
