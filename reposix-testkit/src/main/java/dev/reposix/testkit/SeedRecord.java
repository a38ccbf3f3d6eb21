package dev.reposix.testkit;

import static java.util.Objects.requireNonNull;

import dev.reposix.api.ManifestEntry;
import dev.reposix.api.NewRecord;
import dev.reposix.api.RecordId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A record a {@link ContractFixture} puts into a fresh project before a contract test runs. The
 * parent is named by title because ids are only known once the backend has assigned them; titles
 * are unique within one seed list. Immutable and thread-safe.
 *
 * @param title the title, unique within the seed list
 * @param parentTitle the title of the parent record, which comes earlier in the seed list
 * @param body the plain-text body (no Markdown syntax, so normalising backends compare equal)
 * @param labels the labels
 * @since 0.1
 */
public record SeedRecord(String title, Optional<String> parentTitle, String body, Set<String> labels) {

    /**
     * Validates and copies.
     *
     * @param title the title
     * @param parentTitle the parent's title
     * @param body the body
     * @param labels the labels
     */
    public SeedRecord {
        requireNonNull(title, "title is null");
        requireNonNull(parentTitle, "parentTitle is null");
        requireNonNull(body, "body is null");
        labels = Set.copyOf(requireNonNull(labels, "labels is null"));
        if (title.isBlank()) {
            throw new IllegalArgumentException("title is blank");
        }
        if (parentTitle.filter(title::equals).isPresent()) {
            throw new IllegalArgumentException("seed record '" + title + "' cannot be its own parent");
        }
    }

    /**
     * A top-level record without labels.
     *
     * @param title the title
     * @param body the body
     * @return the seed record
     */
    public static SeedRecord of(String title, String body) {
        return new SeedRecord(title, Optional.empty(), body, Set.of());
    }

    /**
     * A copy placed under a parent.
     *
     * @param parent the parent's title
     * @return the seed record
     */
    public SeedRecord under(String parent) {
        return new SeedRecord(title, Optional.of(parent), body, labels);
    }

    /**
     * A copy with these labels.
     *
     * @param newLabels the labels
     * @return the seed record
     */
    public SeedRecord labelled(String... newLabels) {
        return new SeedRecord(title, parentTitle, body, Set.of(newLabels));
    }

    /**
     * Creates seed records in order through {@code creator} (the SPI's {@code create}, or a way
     * around it for read-only backends), resolving parent titles to the ids assigned so far.
     *
     * @param seeds the records, each parent before its children
     * @param creator creates one record and returns its manifest entry
     * @return the assigned ids by title, in seed order
     * @throws IllegalArgumentException if titles repeat or a parent does not come before its child
     */
    public static Map<String, RecordId> createInOrder(List<SeedRecord> seeds, Function<NewRecord, ManifestEntry> creator) {
        Map<String, RecordId> idsByTitle = new LinkedHashMap<>();
        for (SeedRecord seed : seeds) {
            if (idsByTitle.containsKey(seed.title())) {
                throw new IllegalArgumentException("seed title '" + seed.title() + "' appears twice");
            }
            Optional<RecordId> parentId = seed.parentTitle().map(parent -> {
                RecordId id = idsByTitle.get(parent);
                if (id == null) {
                    throw new IllegalArgumentException("parent '" + parent + "' of seed '" + seed.title()
                            + "' must come earlier in the seed list");
                }
                return id;
            });
            ManifestEntry created = creator.apply(new NewRecord(seed.title(), parentId, seed.labels(), seed.body()));
            idsByTitle.put(seed.title(), created.id());
        }
        return idsByTitle;
    }

    /**
     * Convenience for tests: a list of seeds.
     *
     * @param seeds the seeds
     * @return an immutable list
     */
    public static List<SeedRecord> listOf(SeedRecord... seeds) {
        return List.copyOf(Arrays.asList(seeds));
    }
}
