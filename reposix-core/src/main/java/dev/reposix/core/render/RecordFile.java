package dev.reposix.core.render;

import static java.util.Objects.requireNonNull;

import dev.reposix.api.Record;
import dev.reposix.api.RecordId;
import dev.reposix.api.RecordStatus;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The content of one record file: what its frontmatter says and its Markdown body. Never holds
 * server bookkeeping (versions, timestamps, authors). Immutable and thread-safe.
 *
 * <p>The constructor canonicalises, so that parsing a rendered file gives back an equal value:
 * labels are sorted and de-duplicated, the body's line ends become LF and it ends in exactly one
 * newline (or is empty).
 *
 * @param id the record's id; empty for a file a user created (the push creates the record)
 * @param title the title, not blank
 * @param status the lifecycle state
 * @param labels the global labels, sorted
 * @param parent the parent record; only the flat layout writes it, the tree layout has it in the path
 * @param body the Markdown body, links in the working-tree form
 */
public record RecordFile(Optional<RecordId> id, String title, RecordStatus status, List<String> labels,
        Optional<RecordId> parent, String body) {

    /**
     * Validates and canonicalises.
     *
     * @param id the id
     * @param title the title
     * @param status the status
     * @param labels the labels
     * @param parent the parent
     * @param body the body
     */
    public RecordFile {
        requireNonNull(id, "id is null");
        requireNonNull(title, "title is null");
        requireNonNull(status, "status is null");
        requireNonNull(labels, "labels is null");
        requireNonNull(parent, "parent is null");
        requireNonNull(body, "body is null");
        if (title.isBlank() || !isWellFormed(title)) {
            throw new IllegalArgumentException("title must be non-blank text: '" + title + "'");
        }
        for (String label : labels) {
            requireNonNull(label, "label is null");
            if (label.isEmpty() || !label.strip().equals(label) || label.chars().anyMatch(Character::isISOControl)
                    || !isWellFormed(label)) {
                throw new IllegalArgumentException("label must be non-empty text without control characters or"
                        + " surrounding spaces: '" + label + "'");
            }
        }
        labels = List.copyOf(new TreeSet<>(labels));
        body = canonicalBody(body);
    }

    /**
     * The file of a record as the source of truth has it.
     *
     * @param record the record; its body already in the working-tree link form
     * @param withParent whether to write the parent (the flat layout)
     * @return the file content
     */
    public static RecordFile of(Record record, boolean withParent) {
        return new RecordFile(Optional.of(record.id()), record.entry().title(), record.entry().status(),
                List.copyOf(record.labels()), withParent ? record.entry().parentId() : Optional.empty(), record.body());
    }

    /**
     * This file without its id: pushed, it creates a new record.
     *
     * @return a copy
     */
    public RecordFile withoutId() {
        return new RecordFile(Optional.empty(), title, status, labels, parent, body);
    }

    /**
     * This file with another body.
     *
     * @param newBody the body
     * @return a copy
     */
    public RecordFile withBody(String newBody) {
        return new RecordFile(id, title, status, labels, parent, newBody);
    }

    /** LF line ends and exactly one trailing newline, because git diffs and editors expect both. */
    static String canonicalBody(String body) {
        String unix = body.replace("\r\n", "\n").replace('\r', '\n');
        int end = unix.length();
        while (end > 0 && unix.charAt(end - 1) == '\n') {
            end--;
        }
        return end == 0 ? "" : unix.substring(0, end) + "\n";
    }

    /** Unpaired surrogates cannot be written as UTF-8, so they are refused rather than mangled. */
    private static boolean isWellFormed(String text) {
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            if (Character.isHighSurrogate(character) && index + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(index + 1))) {
                index++;
            } else if (Character.isSurrogate(character)) {
                return false;
            }
        }
        return true;
    }
}
