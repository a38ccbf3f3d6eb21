package dev.reposix.simulator.internal.store;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Attachments of pages: listing, upload (a new file or a new version of a same-named one),
 * trash and purge. Adding or changing an attachment creates no page version, as on Confluence.
 *
 * <p>Thread-safe.
 */
public final class Attachments {
    private final SimulatorStore store;

    /** Creates the accessor over a store. */
    public Attachments(SimulatorStore store) {
        this.store = store;
    }

    /** A file to store: its name, media type, comment and bytes. */
    public record Upload(String fileName, String mediaType, String comment, boolean minorEdit, byte[] data) {
    }

    /** The attachments of a readable page with one of the given statuses, in no particular order. */
    public List<StoredAttachment> ofPage(long pageId, Set<String> statuses) {
        store.requirePage(pageId);
        return store.read(() -> store.attachments.values().stream()
            .filter(attachment -> attachment.pageId() == pageId && statuses.contains(attachment.status()))
            .toList());
    }

    /** The attachments of every readable page with one of the given statuses, in no particular order. */
    public List<StoredAttachment> all(Set<String> statuses) {
        return store.read(() -> store.attachments.values().stream()
            .filter(attachment -> statuses.contains(attachment.status()))
            .filter(attachment -> store.page(attachment.pageId()).isPresent())
            .toList());
    }

    /** An attachment of a readable page, by numeric id or {@code att<id>}; 404 otherwise. */
    public StoredAttachment require(String apiId) {
        String digits = apiId.startsWith("att") ? apiId.substring(3) : apiId;
        long id;
        try {
            id = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw ApiFailure.notFound("No attachment with id " + apiId);
        }
        return store.read(() -> Optional.ofNullable(store.attachments.get(id))
                .filter(attachment -> store.page(attachment.pageId()).isPresent()))
            .orElseThrow(() -> ApiFailure.notFound("No attachment with id " + apiId));
    }

    /** The current attachment of a readable page with this file name. */
    public Optional<StoredAttachment> byName(long pageId, String fileName) {
        store.requirePage(pageId);
        return store.read(() -> find(pageId, fileName));
    }

    /**
     * Stores a file on a page. A current attachment with the same name gets a new version when
     * {@code replace} is set and is refused with 400 otherwise, as Cloud's v1 POST refuses it.
     */
    public StoredAttachment upload(long pageId, Upload upload, boolean replace, String authorId) {
        if (upload.fileName().isBlank() || upload.fileName().contains("/")) {
            throw ApiFailure.badRequest("The file name must not be empty or contain '/': " + upload.fileName());
        }
        StoredPage page = store.requirePage(pageId);
        if (page.isTrashed()) {
            throw ApiFailure.badRequest("Cannot attach files to trashed page " + pageId);
        }
        return store.write(() -> {
            Optional<StoredAttachment> existing = find(pageId, upload.fileName());
            if (existing.isPresent() && !replace) {
                throw ApiFailure.badRequest("Cannot add a new attachment with same file name as an existing "
                    + "attachment: " + upload.fileName() + "; update it with PUT instead");
            }
            StoredAttachment stored;
            if (existing.isPresent()) {
                int number = existing.get().latest().version().number() + 1;
                stored = existing.get().withVersion(version(upload, number, authorId));
            } else {
                long id = store.allocateId();
                stored = new StoredAttachment(id, pageId, upload.fileName(), "current", store.now(),
                    List.of(version(upload, 1, authorId)));
            }
            store.attachments.put(stored.id(), stored);
            return stored;
        });
    }

    /** Moves a current attachment to the trash, or purges a trashed one; 400 to purge a current one. */
    public void delete(String apiId, boolean purge) {
        StoredAttachment attachment = require(apiId);
        store.write(() -> {
            if (purge && !"trashed".equals(attachment.status())) {
                throw ApiFailure.badRequest("Only a trashed attachment can be purged; delete it first");
            }
            if (purge) {
                store.attachments.remove(attachment.id());
            } else if ("current".equals(attachment.status())) {
                store.attachments.put(attachment.id(), attachment.withStatus("trashed"));
            } else {
                throw ApiFailure.notFound("Attachment " + apiId + " is already in the trash");
            }
            return null;
        });
    }

    private StoredAttachment.FileVersion version(Upload upload, int number, String authorId) {
        return new StoredAttachment.FileVersion(new StoredVersion(number, upload.comment(), upload.minorEdit(),
            authorId, store.now()), upload.mediaType(), upload.comment(), upload.data().clone());
    }

    private Optional<StoredAttachment> find(long pageId, String fileName) {
        return store.attachments.values().stream()
            .filter(attachment -> attachment.pageId() == pageId && attachment.status().equals("current")
                && attachment.title().equals(fileName))
            .findFirst();
    }
}
