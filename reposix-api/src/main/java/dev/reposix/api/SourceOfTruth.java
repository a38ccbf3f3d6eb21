package dev.reposix.api;

import java.net.URI;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One project of a source of truth (a Confluence space, a tracker project) opened for reading and,
 * where its {@link Capabilities} say so, writing.
 *
 * <p>Reading the manifest and bodies is mandatory. Create, update and delete are optional: the
 * default implementations throw {@link StandardErrorCode#UNSUPPORTED_OPERATION}, and a backend
 * overrides exactly those it declares. New optional operations arrive as new default methods, so
 * backends built against an older API keep working.
 *
 * <p>Instances are not required to be thread-safe; reposix calls one instance from one thread at a
 * time. Close it to release connections.
 *
 * @since 0.1
 */
public interface SourceOfTruth extends AutoCloseable {

    /**
     * The backend's scheme, e.g. {@code confluence}; the same as its provider's.
     *
     * @return the scheme
     */
    String scheme();

    /**
     * The operations this instance supports beyond reading.
     *
     * @return the capabilities
     */
    Capabilities capabilities();

    /**
     * Every record of the project (all statuses the backend lists), without bodies. Backends
     * follow pagination to the end and never return a record twice.
     *
     * @return the manifest, in no particular order
     */
    List<ManifestEntry> manifest();

    /**
     * Where this project lives, without credentials: for Confluence the site's base URL, such as
     * {@code https://acme.atlassian.net}. reposix records it in the cache, so that one cache never
     * mixes two sources, and uses its host in the e-mail addresses of commit authors.
     *
     * @return the location; the default names only the scheme
     */
    default URI location() {
        return URI.create(scheme() + ":local");
    }

    /**
     * The project's home record, if it has one (a Confluence space's homepage); reposix renders it
     * as the records folder's {@code README.md}.
     *
     * @return the home record's id, or empty
     */
    default Optional<RecordId> homeRecord() {
        return Optional.empty();
    }

    /**
     * Reads records with bodies and labels, in bulk where the source of truth allows it. Ids that do
     * not exist are skipped. Records are handed to {@code consumer} as they arrive, so a caller
     * need not hold a whole project in memory.
     *
     * @param ids the records to read
     * @param consumer receives each record found, once
     */
    void readRecords(Collection<RecordId> ids, Consumer<? super Record> consumer);

    /**
     * The labels of many records at once, without their bodies, so a sync can notice label changes
     * (which need not change a record's version). Backends with {@link Capability#LABELS} should
     * override this with something cheaper than reading bodies; the default reads the records.
     *
     * @param ids the records
     * @return labels by record id, for the records that exist
     */
    default Map<RecordId, Set<String>> labels(Collection<RecordId> ids) {
        Map<RecordId, Set<String>> labels = new HashMap<>();
        readRecords(ids, record -> labels.put(record.id(), record.labels()));
        return labels;
    }

    /**
     * Reads one record with body and labels.
     *
     * @param id the record
     * @return the record, or empty if it does not exist
     */
    default Optional<Record> readRecord(RecordId id) {
        Record[] found = new Record[1];
        readRecords(List.of(id), record -> found[0] = record);
        return Optional.ofNullable(found[0]);
    }

    /**
     * Creates a record.
     *
     * @param record the record to create
     * @return the new record's manifest entry (its id and first version)
     * @throws ReposixException {@link StandardErrorCode#UNSUPPORTED_OPERATION} without
     *     {@link Capability#CREATE}
     */
    default ManifestEntry create(NewRecord record) {
        throw ReposixException.unsupported(scheme(), Capability.CREATE);
    }

    /**
     * Updates a record if it is still at the expected version.
     *
     * @param update the new state and the version it is based on
     * @return {@link UpdateOutcome.Updated}, or {@link UpdateOutcome.Conflict} if someone else
     *     changed the record meanwhile (nothing is changed then)
     * @throws ReposixException {@link StandardErrorCode#UNSUPPORTED_OPERATION} without
     *     {@link Capability#UPDATE}; {@link StandardErrorCode#RECORD_NOT_FOUND} for an unknown id
     */
    default UpdateOutcome update(RecordUpdate update) {
        throw ReposixException.unsupported(scheme(), Capability.UPDATE);
    }

    /**
     * Deletes a record (moves it to the trash where the source of truth has one).
     *
     * @param id the record
     * @return whether it was deleted or already absent
     * @throws ReposixException {@link StandardErrorCode#UNSUPPORTED_OPERATION} without
     *     {@link Capability#DELETE}
     */
    default DeleteOutcome delete(RecordId id) {
        throw ReposixException.unsupported(scheme(), Capability.DELETE);
    }

    /**
     * The current attachments of many records at once, in as few requests as the source of truth
     * allows (a sync asks for every page of a space, a push for the pages it touches).
     *
     * @param records the records
     * @return attachments by record id; records without attachments may be absent
     * @throws ReposixException {@link StandardErrorCode#UNSUPPORTED_OPERATION} without
     *     {@link Capability#ATTACHMENTS}
     */
    default Map<RecordId, List<Attachment>> attachments(Collection<RecordId> records) {
        throw ReposixException.unsupported(scheme(), Capability.ATTACHMENTS);
    }

    /**
     * Downloads the current version of an attachment.
     *
     * @param attachment the attachment, as listed by {@link #attachments}
     * @param maxBytes the most bytes the caller accepts; a larger file fails without being read whole
     * @return the file's bytes
     * @throws ReposixException {@link StandardErrorCode#UNSUPPORTED_OPERATION} without
     *     {@link Capability#ATTACHMENTS}; {@link StandardErrorCode#RECORD_NOT_FOUND} when it is gone;
     *     {@link StandardErrorCode#REJECTED_BY_SOURCE} when it is larger than {@code maxBytes}
     */
    default byte[] readAttachment(Attachment attachment, long maxBytes) {
        throw ReposixException.unsupported(scheme(), Capability.ATTACHMENTS);
    }

    /**
     * Downloads several attachments, as many at once as the backend allows. Each file reaches the
     * consumer on the calling thread, one at a time and in the order given, so the caller needs no
     * locking; a backend that downloads ahead keeps only a few files waiting. The default downloads
     * them one after the other with {@link #readAttachment}.
     *
     * @param attachments the attachments, as listed by {@link #attachments}
     * @param maxBytes the most bytes the caller accepts for each file
     * @param consumer receives each attachment with its bytes, or with empty when it is gone
     *     ({@link StandardErrorCode#RECORD_NOT_FOUND} from {@link #readAttachment})
     * @throws ReposixException as {@link #readAttachment} for any other failure, which stops the
     *     downloads not yet handed over
     */
    default void readAttachments(List<Attachment> attachments, long maxBytes,
            BiConsumer<Attachment, Optional<byte[]>> consumer) {
        for (Attachment attachment : attachments) {
            Optional<byte[]> file;
            try {
                file = Optional.of(readAttachment(attachment, maxBytes));
            } catch (ReposixException failure) {
                if (failure.errorCode() != StandardErrorCode.RECORD_NOT_FOUND) {
                    throw failure;
                }
                file = Optional.empty();
            }
            consumer.accept(attachment, file);
        }
    }

    /**
     * Uploads a file to a record: a new attachment, or a new version of the record's attachment with
     * the same file name.
     *
     * @param record the record
     * @param fileName the file name
     * @param mediaType the media type
     * @param content the bytes
     * @param comment the version comment, e.g. the commit subject; may be empty
     * @return the attachment as stored
     * @throws ReposixException {@link StandardErrorCode#UNSUPPORTED_OPERATION} without
     *     {@link Capability#ATTACHMENTS} and {@link Capability#UPDATE};
     *     {@link StandardErrorCode#RECORD_NOT_FOUND} for an unknown record
     */
    default Attachment writeAttachment(RecordId record, String fileName, String mediaType, byte[] content,
            String comment) {
        throw ReposixException.unsupported(scheme(), Capability.ATTACHMENTS);
    }

    /**
     * Deletes an attachment (moves it to the trash where the source of truth has one).
     *
     * @param attachment the attachment
     * @return whether it was deleted or already absent
     * @throws ReposixException {@link StandardErrorCode#UNSUPPORTED_OPERATION} without
     *     {@link Capability#ATTACHMENTS} and {@link Capability#UPDATE}
     */
    default DeleteOutcome deleteAttachment(Attachment attachment) {
        throw ReposixException.unsupported(scheme(), Capability.ATTACHMENTS);
    }

    /** Releases connections and other resources; closing twice has no effect. */
    @Override
    void close();
}
