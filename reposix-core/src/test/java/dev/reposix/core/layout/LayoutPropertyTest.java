package dev.reposix.core.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reposix.api.ManifestEntry;
import dev.reposix.api.RecordId;
import dev.reposix.api.RecordKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random manifests (fixed seed): deep chains, wide levels, clashing and hostile
 * titles, random Unicode, orphans, loops, case-variant ids. Every plan must be unique (also ignoring
 * case), bounded, and the same for the same input in any order.
 */
class LayoutPropertyTest {

    private static final String[] HOSTILE = {"CON", "con.txt", "..", ".", "a/b", "a\\b", " ", "README", "x.md",
        "Ops", "OPS", "ops", "~deep", "Plan~1", "Plan", "%2F", "/", "trailing. ", "ß", "SS", "e\u0301", "é"};

    @Test
    void randomManifestsGiveUniqueBoundedStablePaths() {
        Random random = new Random(20261124L);
        for (int run = 0; run < 3000; run++) {
            List<ManifestEntry> manifest = randomManifest(random);
            Optional<RecordId> homepage = manifest.isEmpty() || random.nextInt(4) == 0 ? Optional.empty()
                    : Optional.of(manifest.get(random.nextInt(manifest.size())).id());
            for (Layout layout : List.of(TreeLayout.standard(), new FlatLayout("pages"))) {
                LayoutPlan plan = layout.plan(manifest, homepage);
                assertThat(plan.size()).isEqualTo(manifest.size());
                LayoutAssertions.assertSafe(plan);
                List<ManifestEntry> shuffled = new ArrayList<>(manifest);
                Collections.shuffle(shuffled, random);
                assertThat(layout.plan(shuffled, homepage)).as("run " + run).isEqualTo(plan);
            }
        }
    }

    private static List<ManifestEntry> randomManifest(Random random) {
        int size = random.nextInt(60);
        boolean deep = random.nextInt(5) == 0;
        List<ManifestEntry> manifest = new ArrayList<>(size);
        for (int index = 0; index < size; index++) {
            String id = randomId(random, index);
            String parent = null;
            if (index > 0 && random.nextInt(8) != 0) {
                int parentIndex = deep ? index - 1 : random.nextInt(index);
                parent = manifest.get(parentIndex).id().value();
            } else if (random.nextInt(6) == 0) {
                parent = "missing-" + index;
            }
            if (random.nextInt(30) == 0 && index > 1) {
                parent = "id" + (index + 1);
            }
            RecordKind kind = random.nextInt(6) == 0 ? RecordKind.FOLDER : RecordKind.DOCUMENT;
            if (id.equals(parent)) {
                parent = null;
            }
            manifest.add(Manifests.entry(id, kind, randomTitle(random), parent));
        }
        return manifest;
    }

    private static String randomId(Random random, int index) {
        return switch (random.nextInt(10)) {
            case 0 -> (random.nextBoolean() ? "ID" : "id") + index;
            case 1 -> "x".repeat(40 + random.nextInt(40)) + index;
            case 2 -> "con" + (index == 0 ? "" : "." + index);
            default -> "id" + index;
        };
    }

    private static String randomTitle(Random random) {
        switch (random.nextInt(5)) {
            case 0:
                return HOSTILE[random.nextInt(HOSTILE.length)];
            case 1:
                return "Long " + "title ".repeat(random.nextInt(60));
            default:
                StringBuilder title = new StringBuilder();
                int length = 1 + random.nextInt(random.nextInt(10) == 0 ? 120 : 20);
                for (int index = 0; index < length; index++) {
                    title.appendCodePoint(randomCodePoint(random));
                }
                return title.toString();
        }
    }

    private static int randomCodePoint(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> random.nextInt(0x80);
            case 1 -> 0x80 + random.nextInt(0x780);
            case 2 -> 0x0590 + random.nextInt(0x100);
            case 3 -> 0x1F300 + random.nextInt(0x300);
            case 4 -> 0x4E00 + random.nextInt(0x500);
            case 5 -> "./\\:%~ .".charAt(random.nextInt(8));
            case 6 -> 0x2000 + random.nextInt(0x70);
            default -> 'a' + random.nextInt(26) - (random.nextBoolean() ? 32 : 0);
        };
    }
}
