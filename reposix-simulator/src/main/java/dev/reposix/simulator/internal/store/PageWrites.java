package dev.reposix.simulator.internal.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates, updates, trashes and purges pages with Confluence's rules: titles unique per space
 * among pages not in the trash, optimistic locking on {@code version.number}, moves only within a
 * space and never under the page itself. Every write happens under the store's write lock.
 *
 * <p>Thread-safe.
 */
public final class PageWrites {
    private final SimulatorStore store;

    /** Creates writes over a store. */
    public PageWrites(SimulatorStore store) {
        this.store = store;
    }

    /** Creates a page at version 1; the content property {@code editor=v2} is set as on Cloud. */
    public StoredPage create(NewPage request, String authorId) {
        return store.write(() -> {
            StoredSpace space = store.spaces.get(request.spaceId());
            if (space == null || !store.visible(space.id())) {
                throw ApiFailure.notFound("Space " + request.spaceId() + " was not found");
            }
            requireUniqueTitle(space.id(), request.title(), -1);
            Long parentId = request.rootLevel() ? null : request.parentId().orElse(space.homepageId());
            String parentType = parentId == null ? null : parentType(space.id(), parentId);
            Instant now = store.now();
            long id = store.allocateId();
            StoredPage page = new StoredPage(id, space.id(), request.title(), request.status(), parentId,
                parentType, nextPosition(parentId), authorId, authorId, now, StoredVersion.first(authorId, now),
                store.stored(id, 1, request.body()), List.of());
            store.pages.put(id, page);
            ContentProperties.putInitialEditorProperty(store, id, authorId, now);
            return page;
        });
    }

    /** Applies an update if {@code versionNumber} is exactly the current version plus one. */
    public StoredPage update(long id, PageUpdate update, String authorId) {
        return store.write(() -> {
            StoredPage current = store.pages.get(id);
            if (current == null || !store.visible(current.spaceId())) {
                throw ApiFailure.notFound("Page " + id + " was not found");
            }
            int expected = current.version().number() + 1;
            if (update.versionNumber() != expected) {
                throw ApiFailure.conflict("Version must be incremented when updating a page. Current Version: ["
                    + current.version().number() + "]. Provided version: [" + update.versionNumber() + "]");
            }
            requireUniqueTitle(current.spaceId(), update.title(), id);
            Long parentId = update.parentId().orElse(current.parentId());
            String parentType = current.parentType();
            int position = current.position();
            if (update.parentId().isPresent() && !update.parentId().get().equals(current.parentId())) {
                parentType = parentType(current.spaceId(), parentId);
                requireNotUnderItself(id, parentId);
                position = nextPosition(parentId);
            }
            StoredVersion version = new StoredVersion(expected, update.versionMessage(), update.minorEdit(),
                authorId, store.now());
            StoredPage updated = current.edited(update.title(), update.status(), parentId, parentType, position,
                update.body().map(body -> store.stored(id, expected, body)).orElse(current.body()), version);
            store.pages.put(id, updated);
            return updated;
        });
    }

    /**
     * Moves a page to the trash (its children move up to its parent, as Confluence does) or, with
     * {@code purge}, removes a page that is already in the trash.
     */
    public void delete(long id, boolean purge) {
        store.write(() -> {
            StoredPage current = store.pages.get(id);
            if (current == null || !store.visible(current.spaceId())) {
                throw ApiFailure.notFound("Page " + id + " was not found");
            }
            if (purge) {
                if (!current.isTrashed()) {
                    throw ApiFailure.badRequest("Only a page in the trash can be purged; trash it first");
                }
                store.pages.remove(id);
                store.properties.remove(id);
                return null;
            }
            if (current.isTrashed()) {
                throw ApiFailure.notFound("Page " + id + " is already in the trash");
            }
            store.pages.put(id, current.withStatus("trashed"));
            for (StoredPage child : new ArrayList<>(store.pages.values())) {
                if (Long.valueOf(id).equals(child.parentId())) {
                    store.pages.put(child.id(), child.withParent(current.parentId(), current.parentType()));
                }
            }
            return null;
        });
    }

    private void requireUniqueTitle(long spaceId, String title, long exceptId) {
        for (StoredPage page : store.pages.values()) {
            if (page.spaceId() == spaceId && page.id() != exceptId && !page.isTrashed()
                && page.title().equals(title)) {
                throw ApiFailure.badRequest("A page with this title already exists: A page already exists with the"
                    + " same TITLE in this space");
            }
        }
    }

    private String parentType(long spaceId, long parentId) {
        StoredPage parentPage = store.pages.get(parentId);
        if (parentPage != null && parentPage.spaceId() == spaceId && !parentPage.isTrashed()) {
            return "page";
        }
        StoredFolder folder = store.folders.get(parentId);
        if (folder != null && folder.spaceId() == spaceId) {
            return "folder";
        }
        throw ApiFailure.notFound("Parent " + parentId + " was not found in this space");
    }

    private void requireNotUnderItself(long id, Long parentId) {
        Long cursor = parentId;
        while (cursor != null) {
            if (cursor == id) {
                throw ApiFailure.badRequest("A page cannot be moved under itself or one of its descendants");
            }
            StoredPage ancestor = store.pages.get(cursor);
            StoredFolder folder = ancestor == null ? store.folders.get(cursor) : null;
            cursor = ancestor != null ? ancestor.parentId() : folder != null ? folder.parentId() : null;
        }
    }

    private int nextPosition(Long parentId) {
        int max = -1;
        for (StoredPage page : store.pages.values()) {
            if (parentId != null && parentId.equals(page.parentId())) {
                max = Math.max(max, page.position());
            }
        }
        return max + 1;
    }
}
