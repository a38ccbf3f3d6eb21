package dev.reposix.core.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The invariants every plan must keep, checked by the example tests and the property test. */
final class LayoutAssertions {

    private LayoutAssertions() {
    }

    static void assertSafe(LayoutPlan plan) {
        Map<String, String> folded = new HashMap<>();
        for (Placement placement : plan.placements()) {
            String path = placement.path();
            assertThat(path).as("length").hasSizeLessThanOrEqualTo(LayoutPlan.MAX_PATH_LENGTH);
            assertThat(folded.put(SafeNames.fold(path), path)).as("case-insensitive clash with " + path).isNull();
            assertThat(plan.recordAt(path)).contains(placement.id());
            assertThat(path).startsWith(plan.recordsFolder() + "/");
            placement.childrenFolder().ifPresent(folder -> {
                assertThat(folder.length() + 60).isLessThanOrEqualTo(LayoutPlan.MAX_PATH_LENGTH);
                assertThat(plan.parentForNewFileIn(folder)).contains(placement.id());
            });
            for (String name : path.substring(plan.recordsFolder().length() + 1).split("/")) {
                assertThat(name).isNotEmpty().doesNotStartWith(".").doesNotStartWith(" ").doesNotEndWith(".")
                        .doesNotEndWith(" ").doesNotContain("\\", ":", "*", "?", "\"", "<", ">", "|", "\u0000", "\n");
                assertThat((name + ".assets").getBytes(StandardCharsets.UTF_8).length)
                        .isLessThanOrEqualTo(LayoutPlan.MAX_NAME_BYTES + 3);
            }
            if (placement.isFile()) {
                assertThat(path).endsWith(".md");
            } else {
                assertThat(path.toLowerCase(Locale.ROOT)).doesNotEndWith(".md");
            }
        }
    }
}
