package dev.reposix.backend.confluence.codec;

import dev.reposix.simulator.seed.SeedPage;
import dev.reposix.simulator.seed.Seeds;
import java.util.List;

/**
 * Manual benchmark, not a test: prints the codec's milliseconds per page over several rounds, for
 * generated 5 KB pages and for the richer demo space. Timings vary by machine, so nothing asserts
 * them; run it before and after a change to compare.
 *
 * <p>Usage: {@code java -cp <test classpath> dev.reposix.backend.confluence.codec.CodecThroughput [pages] [rounds]}
 */
public final class CodecThroughput {

    private CodecThroughput() {
    }

    public static void main(String[] arguments) {
        int pageCount = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 2000;
        int rounds = arguments.length > 1 ? Integer.parseInt(arguments[1]) : 5;
        List<SeedPage> generated = Seeds.generated("B", pageCount, 5000, 1L).spaces().get(0).pages();
        List<SeedPage> demo = Seeds.demo().spaces().get(0).pages();
        measure("generated", generated, rounds);
        measure("demo", demo, rounds * 4);
    }

    private static void measure(String name, List<SeedPage> pages, int rounds) {
        StorageCodec codec = new StorageCodec(SeedDirectory.of(pages));
        long bytes = pages.stream().mapToLong(page -> page.body().length()).sum();
        System.out.printf("%s: %d pages, %d bytes on average%n", name, pages.size(), bytes / pages.size());
        List<String> markdowns = null;
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            markdowns = pages.stream().map(page -> codec.toMarkdown(page.body())).toList();
            long toMarkdown = System.nanoTime() - start;
            start = System.nanoTime();
            for (String markdown : markdowns) {
                codec.toStorage(markdown);
            }
            long toStorage = System.nanoTime() - start;
            System.out.printf("  round %2d: toMarkdown %.3f ms/page, toStorage %.3f ms/page%n", round,
                    toMarkdown / 1e6 / pages.size(), toStorage / 1e6 / pages.size());
        }
        // an output digest, so a change that alters output is visible when comparing runs
        System.out.printf("  digest %08x%n", markdowns.hashCode());
    }
}
