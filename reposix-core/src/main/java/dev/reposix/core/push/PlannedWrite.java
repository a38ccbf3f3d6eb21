package dev.reposix.core.push;

import static java.util.Objects.requireNonNull;

import dev.reposix.api.RecordId;
import dev.reposix.api.RecordStatus;
import dev.reposix.core.render.RecordFile;
import dev.reposix.git.RecordState;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One write a push makes to the source of truth, planned from the difference between the pushed
 * commit and its base. Immutable and thread-safe.
 *
 * @since 0.1
 */
public sealed interface PlannedWrite {

    /**
     * The file the write comes from (for a delete, the file that was removed).
     *
     * @return the path, relative to the tree root
     */
    String path();

    /**
     * A new record from a file without an id.
     *
     * @param path the new file
     * @param file what the file says, body in the neutral link form
     * @param parent the parent record, when it exists already
     * @param parentCreatedFrom the file of a parent created by the same push, when that is the parent
     */
    record Create(String path, RecordFile file, Optional<RecordId> parent, Optional<String> parentCreatedFrom)
            implements PlannedWrite {
        /**
         * Validates.
         *
         * @param path the path
         * @param file the file
         * @param parent the existing parent
         * @param parentCreatedFrom the created parent's file
         */
        public Create {
            requireNonNull(path, "path is null");
            requireNonNull(file, "file is null");
            requireNonNull(parent, "parent is null");
            requireNonNull(parentCreatedFrom, "parentCreatedFrom is null");
        }
    }

    /**
     * A change to an existing record: content, title, labels, status and/or place.
     *
     * @param id the record
     * @param path the file after the push
     * @param base the record's state behind the push's base
     * @param file what the file says now, body in the neutral link form
     * @param parent the parent after the push
     * @param contentHash the hash of {@code file}, comparable with {@link RecordState#contentHash()}
     */
    record Update(RecordId id, String path, RecordState base, RecordFile file, Optional<RecordId> parent,
            String contentHash) implements PlannedWrite {
        /**
         * Validates.
         *
         * @param id the id
         * @param path the path
         * @param base the base state
         * @param file the file
         * @param parent the parent
         * @param contentHash the content hash
         */
        public Update {
            requireNonNull(id, "id is null");
            requireNonNull(path, "path is null");
            requireNonNull(base, "base is null");
            requireNonNull(file, "file is null");
            requireNonNull(parent, "parent is null");
            requireNonNull(contentHash, "contentHash is null");
        }

        /**
         * Whether the record moves to another parent.
         *
         * @return true for a move
         */
        public boolean moved() {
            return !parent.map(RecordId::value).equals(base.parent());
        }

        /**
         * Labels to add, against the base.
         *
         * @return the labels
         */
        public Set<String> labelsToAdd() {
            Set<String> added = new TreeSet<>(file.labels());
            added.removeAll(base.labels());
            return added;
        }

        /**
         * Labels to remove, against the base.
         *
         * @return the labels
         */
        public Set<String> labelsToRemove() {
            Set<String> removed = new TreeSet<>(base.labels());
            file.labels().forEach(removed::remove);
            return removed;
        }

        /**
         * The status to set, when the file asks for another one than current.
         *
         * @return the status, or empty to keep it
         */
        public Optional<RecordStatus> status() {
            return Optional.of(file.status()).filter(status -> status != RecordStatus.CURRENT);
        }
    }

    /**
     * A record whose file was removed (and whose id no other file claims).
     *
     * @param id the record
     * @param path the removed file
     * @param base the record's state behind the push's base
     */
    record Delete(RecordId id, String path, RecordState base) implements PlannedWrite {
        /**
         * Validates.
         *
         * @param id the id
         * @param path the path
         * @param base the base state
         */
        public Delete {
            requireNonNull(id, "id is null");
            requireNonNull(path, "path is null");
            requireNonNull(base, "base is null");
        }
    }
}
