package dev.reposix.git;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the sync layer remembers about one record as of one sync commit: the source of truth's
 * version and a hash of its canonical content, its title, parent and labels, and the path of its
 * file. Ids are opaque strings, so any backend's ids fit; {@code attributes} carry anything else a
 * backend needs. Immutable and thread-safe.
 *
 * @param version the record's version in the source of truth, 0 or more
 * @param contentHash a hash of the canonical content, e.g. {@code sha256:...}; not empty
 * @param title the title
 * @param parent the parent record's id, if any
 * @param labels the labels, sorted
 * @param path the path of the record's file in the tree
 * @param attributes further fields, sorted by key; keys without whitespace
 * @param attachments the record's attached files by attachment id, sorted
 * @since 0.1
 */
public record RecordState(long version, String contentHash, String title, Optional<String> parent,
        SortedSet<String> labels, String path, SortedMap<String, String> attributes,
        SortedMap<String, AttachmentState> attachments) {

    /**
     * Validates and copies.
     *
     * @param version the version
     * @param contentHash the hash
     * @param title the title
     * @param parent the parent id
     * @param labels the labels
     * @param path the path
     * @param attributes the attributes
     * @param attachments the attachments
     */
    public RecordState {
        if (version < 0) {
            throw new IllegalArgumentException("version must be 0 or more: " + version);
        }
        requireNonNull(contentHash, "contentHash is null");
        if (contentHash.isEmpty()) {
            throw new IllegalArgumentException("contentHash is empty");
        }
        requireNonNull(title, "title is null");
        requireNonNull(parent, "parent is null");
        labels = Collections.unmodifiableSortedSet(new TreeSet<>(requireNonNull(labels, "labels is null")));
        path = GitPath.of(requireNonNull(path, "path is null")).value();
        attributes = Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(attributes, "attributes is null")));
        for (String key : attributes.keySet()) {
            if (key.isEmpty() || key.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("attribute keys must be non-empty without whitespace: '" + key + "'");
            }
        }
        attachments = Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(attachments, "attachments is null")));
        if (attachments.containsKey("")) {
            throw new IllegalArgumentException("attachment ids must not be empty");
        }
    }

    /**
     * A record state without attachments.
     *
     * @param version the version
     * @param contentHash the hash
     * @param title the title
     * @param parent the parent id
     * @param labels the labels
     * @param path the path
     * @param attributes the attributes
     */
    public RecordState(long version, String contentHash, String title, Optional<String> parent,
            SortedSet<String> labels, String path, SortedMap<String, String> attributes) {
        this(version, contentHash, title, parent, labels, path, attributes, new TreeMap<>());
    }

    /**
     * The links by file name of this record's attachments kept only in the source of truth (too
     * large to download), which its Markdown links to there.
     *
     * @return the links by file name, sorted
     */
    public SortedMap<String, String> remoteAttachmentLinks() {
        return AttachmentState.remoteLinks(attachments.values());
    }

    /**
     * A copy with other attachments.
     *
     * @param replacement the attachments by id
     * @return the new state
     */
    public RecordState withAttachments(SortedMap<String, AttachmentState> replacement) {
        return new RecordState(version, contentHash, title, parent, labels, path, attributes, replacement);
    }

    /**
     * A record state without extra attributes, the form the Confluence sync needs.
     *
     * @param version the version
     * @param contentHash the hash
     * @param title the title
     * @param parent the parent id
     * @param labels the labels
     * @param path the path
     */
    public RecordState(long version, String contentHash, String title, Optional<String> parent,
            SortedSet<String> labels, String path) {
        this(version, contentHash, title, parent, labels, path, new TreeMap<>());
    }
}
