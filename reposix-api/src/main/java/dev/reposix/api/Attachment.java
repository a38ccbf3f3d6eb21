package dev.reposix.api;

import static java.util.Objects.requireNonNull;

import java.net.URI;

/**
 * A file attached to a record (a Confluence page's images and documents), as the source of truth
 * lists it: without its bytes, which {@link SourceOfTruth#readAttachment} fetches.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the backend's stable attachment id, unique within the project
 * @param record the record the file is attached to
 * @param fileName the file name in the source of truth, unique per record; may contain any character
 * @param mediaType the media type, e.g. {@code image/png}
 * @param size the size in bytes of the current version, 0 or more
 * @param version the version number, growing with every new upload of the file (at least 1)
 * @param link where a person signed in to the source of truth can open the file, built from the
 *     configured base URL (never from a URL the server supplied); absolute
 * @since 0.1
 */
public record Attachment(String id, RecordId record, String fileName, String mediaType, long size, long version,
        URI link) {

    /**
     * Validates.
     *
     * @param id the id
     * @param record the record
     * @param fileName the file name
     * @param mediaType the media type
     * @param size the size
     * @param version the version
     * @param link the link
     */
    public Attachment {
        requireNonNull(id, "id is null");
        requireNonNull(record, "record is null");
        requireNonNull(fileName, "fileName is null");
        requireNonNull(mediaType, "mediaType is null");
        requireNonNull(link, "link is null");
        if (id.isEmpty() || fileName.isEmpty()) {
            throw new IllegalArgumentException("attachment id and file name must not be empty: '" + id + "', '"
                    + fileName + "'");
        }
        if (size < 0 || version < 1) {
            throw new IllegalArgumentException("attachment " + id + " needs size >= 0 and version >= 1: " + size
                    + ", " + version);
        }
        if (!link.isAbsolute()) {
            throw new IllegalArgumentException("attachment " + id + " link is not absolute: " + link);
        }
    }
}
