package dev.reposix.core.push;

import static java.util.Objects.requireNonNull;

import dev.reposix.api.RecordId;
import dev.reposix.api.RecordStatus;
import dev.reposix.core.render.RecordFile;
import dev.reposix.git.AttachmentState;
import dev.reposix.git.RecordState;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.lib.ObjectId;

/**
 * One write a push makes to the source of truth, planned from the difference between the pushed
 * commit and its base: a page created, updated or deleted, or a file attached to a page uploaded or
 * deleted. Immutable and thread-safe.
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

    /**
     * A file in a page's {@code .assets} folder that is new or has other bytes than at the base: it is
     * uploaded as a new attachment, or as a new version of the page's attachment with that file name.
     *
     * @param path the file in the pushed tree
     * @param page the page, when it exists already
     * @param pagePath the page's file after the push (for a page the same push creates, the key to its new id)
     * @param fileName the attachment's file name in the source of truth
     * @param mediaType the media type, from the file name's extension
     * @param blob the pushed file's blob in the cache
     * @param size the file's size in bytes
     * @param baseId the attachment's id, when the base state knows an attachment of that name
     * @param base the attachment's state behind the push's base, with {@code baseId}
     */
    record AttachmentUpload(String path, Optional<RecordId> page, String pagePath, String fileName, String mediaType,
            ObjectId blob, long size, Optional<String> baseId, Optional<AttachmentState> base) implements PlannedWrite {
        /**
         * Validates.
         *
         * @param path the path
         * @param page the existing page
         * @param pagePath the page's file
         * @param fileName the file name
         * @param mediaType the media type
         * @param blob the blob
         * @param size the size
         * @param baseId the base attachment's id
         * @param base the base attachment's state
         */
        public AttachmentUpload {
            requireNonNull(path, "path is null");
            requireNonNull(page, "page is null");
            requireNonNull(pagePath, "pagePath is null");
            requireNonNull(fileName, "fileName is null");
            requireNonNull(mediaType, "mediaType is null");
            blob = requireNonNull(blob, "blob is null").copy();
            requireNonNull(baseId, "baseId is null");
            requireNonNull(base, "base is null");
            if (baseId.isPresent() != base.isPresent()) {
                throw new IllegalArgumentException("an attachment's base id and state come together: " + path);
            }
        }
    }

    /**
     * A file removed from the {@code .assets} folder of a page that stays: its attachment is deleted.
     *
     * @param path the removed file (its path at the base)
     * @param page the page
     * @param pagePath the page's file after the push
     * @param attachmentId the attachment
     * @param base the attachment's state behind the push's base
     */
    record AttachmentDelete(String path, RecordId page, String pagePath, String attachmentId, AttachmentState base)
            implements PlannedWrite {
        /**
         * Validates.
         *
         * @param path the path
         * @param page the page
         * @param pagePath the page's file
         * @param attachmentId the attachment
         * @param base the base state
         */
        public AttachmentDelete {
            requireNonNull(path, "path is null");
            requireNonNull(page, "page is null");
            requireNonNull(pagePath, "pagePath is null");
            requireNonNull(attachmentId, "attachmentId is null");
            requireNonNull(base, "base is null");
        }
    }
}
