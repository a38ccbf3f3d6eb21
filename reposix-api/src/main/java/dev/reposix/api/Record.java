package dev.reposix.api;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * A record with its content: the manifest entry, its labels and its Markdown body.
 *
 * <p>The body is Markdown. A link to another record of the same project is written in the neutral
 * form of {@link RecordLinks} ({@code reposix:record/<id>}), which reposix rewrites to a relative
 * file path and back.
 *
 * <p>Immutable and thread-safe.
 *
 * @param entry the manifest entry (id, title, parent, version, ...)
 * @param labels the labels, unordered; empty for backends without {@link Capability#LABELS}
 * @param body the Markdown body; empty for folders
 * @since 0.1
 */
public record Record(ManifestEntry entry, Set<String> labels, String body) {

    /**
     * Validates and copies.
     *
     * @param entry the manifest entry
     * @param labels the labels
     * @param body the body
     */
    public Record {
        requireNonNull(entry, "entry is null");
        labels = Set.copyOf(requireNonNull(labels, "labels is null"));
        requireNonNull(body, "body is null");
    }

    /**
     * The record's id, shorthand for {@code entry().id()}.
     *
     * @return the id
     */
    public RecordId id() {
        return entry.id();
    }
}
