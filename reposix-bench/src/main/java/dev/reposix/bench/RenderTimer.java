package dev.reposix.bench;

import dev.reposix.api.RecordId;
import dev.reposix.backend.confluence.codec.PageDirectory;
import dev.reposix.backend.confluence.codec.StorageCodec;
import dev.reposix.simulator.seed.SeedPage;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rendering alone: the storage → Markdown codec over every body of the space, on one thread (as
 * reposix renders today), with a page directory that resolves the space's titles so page links
 * are rewritten as in a real sync. Runs in the harness JVM (C2, warmed by earlier work). Stateless.
 */
final class RenderTimer {

    private RenderTimer() {
    }

    /** The codec's time over a space. */
    record Rendering(long millis, int bodies, long storageBytes, long markdownBytes) {
    }

    static Rendering render(List<SeedPage> pages) {
        StorageCodec codec = new StorageCodec(directoryOf(pages));
        long storageBytes = 0;
        long markdownBytes = 0;
        long start = System.nanoTime();
        for (SeedPage page : pages) {
            markdownBytes += codec.toMarkdown(page.body()).length();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        for (SeedPage page : pages) {
            storageBytes += page.body().getBytes(StandardCharsets.UTF_8).length;
        }
        return new Rendering(millis, pages.size(), storageBytes, markdownBytes);
    }

    private static PageDirectory directoryOf(List<SeedPage> pages) {
        Map<String, RecordId> idsByTitle = new HashMap<>();
        Map<RecordId, String> titlesById = new HashMap<>();
        for (SeedPage page : pages) {
            idsByTitle.put(page.title(), RecordId.of(page.id()));
            titlesById.put(RecordId.of(page.id()), page.title());
        }
        return new PageDirectory() {
            @Override
            public Optional<RecordId> idOfTitle(String title) {
                return Optional.ofNullable(idsByTitle.get(title));
            }

            @Override
            public Optional<String> titleOf(RecordId id) {
                return Optional.ofNullable(titlesById.get(id));
            }
        };
    }
}
