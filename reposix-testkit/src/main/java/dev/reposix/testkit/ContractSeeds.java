package dev.reposix.testkit;

import dev.reposix.api.Capabilities;
import dev.reposix.api.Capability;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The records the contract seeds, shaped by the capabilities under test: parents only with
 * {@link Capability#HIERARCHY}, labels only with {@link Capability#LABELS}. Bodies are plain text
 * with two paragraphs, so they survive a Markdown round trip and still exercise line breaks.
 */
final class ContractSeeds {

    private final Capabilities capabilities;

    ContractSeeds(Capabilities capabilities) {
        this.capabilities = capabilities;
    }

    static String bodyFor(String title) {
        return "Body of " + title + ".\n\nA second paragraph of plain text.";
    }

    /** Records numbered 1 to {@code count}, each labelled with its group when labels are supported. */
    List<SeedRecord> numbered(int count) {
        List<SeedRecord> seeds = new ArrayList<>();
        for (int number = 1; number <= count; number++) {
            seeds.add(record("Contract record " + number, Optional.empty(), "contract", "group-" + (number % 2)));
        }
        return List.copyOf(seeds);
    }

    /** Three records; a chain of parent, child and grandchild when a hierarchy is supported. */
    List<SeedRecord> tree() {
        return List.of(
                record("Handbook", Optional.empty(), "contract"),
                record("Onboarding", hierarchical("Handbook"), "contract", "people"),
                record("First week", hierarchical("Onboarding"), "people"));
    }

    /** Two top-level records, which a hierarchy test uses as old and new parent. */
    List<SeedRecord> twoTeamsAndARoadmap() {
        return List.of(
                record("Team A", Optional.empty()),
                record("Team B", Optional.empty()),
                record("Roadmap", hierarchical("Team A"), "plan"));
    }

    SeedRecord record(String title, Optional<String> parent, String... labels) {
        Set<String> supportedLabels = capabilities.supports(Capability.LABELS) ? Set.of(labels) : Set.of();
        return new SeedRecord(title, parent, bodyFor(title), supportedLabels);
    }

    private Optional<String> hierarchical(String parent) {
        return capabilities.supports(Capability.HIERARCHY) ? Optional.of(parent) : Optional.empty();
    }
}
