package dev.reposix.simulator.internal.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The hierarchy of pages and folders: children, direct children of any content, and ancestors.
 * Trashed pages are not children of anything.
 *
 * <p>Thread-safe.
 */
public final class PageTree {
    private final SimulatorStore store;

    /** A child of a page or folder: a page or a folder. */
    public record Child(long id, String type, String status, String title, long spaceId, int position) {
    }

    /** One ancestor, root first. */
    public record Ancestor(long id, String type) {
    }

    /** Creates the tree view over a store. */
    public PageTree(SimulatorStore store) {
        this.store = store;
    }

    /** Pages and folders directly under {@code parentId} (a page or folder), by position then id. */
    public List<Child> directChildren(long parentId) {
        return store.read(() -> {
            List<Child> children = new ArrayList<>();
            for (StoredPage page : store.pages.values()) {
                if (Long.valueOf(parentId).equals(page.parentId()) && !page.isTrashed()
                    && store.visible(page.spaceId())) {
                    children.add(new Child(page.id(), "page", page.status(), page.title(), page.spaceId(),
                        page.position()));
                }
            }
            for (StoredFolder folder : store.folders.values()) {
                if (Long.valueOf(parentId).equals(folder.parentId()) && store.visible(folder.spaceId())) {
                    children.add(new Child(folder.id(), "folder", "current", folder.title(), folder.spaceId(),
                        folder.position()));
                }
            }
            children.sort(Comparator.comparingInt(Child::position).thenComparingLong(Child::id));
            return children;
        });
    }

    /** The ancestors of a page or folder, root first; 404 if it is not readable. */
    public List<Ancestor> ancestors(long id) {
        return store.read(() -> {
            Long parentId = parentOf(id, true);
            List<Ancestor> chain = new ArrayList<>();
            while (parentId != null) {
                boolean isFolder = store.folders.containsKey(parentId);
                chain.add(0, new Ancestor(parentId, isFolder ? "folder" : "page"));
                parentId = parentOf(parentId, false);
            }
            return chain;
        });
    }

    private Long parentOf(long id, boolean requireVisible) {
        StoredPage page = store.pages.get(id);
        if (page != null && (!requireVisible || store.visible(page.spaceId()))) {
            return page.parentId();
        }
        StoredFolder folder = store.folders.get(id);
        if (folder != null && (!requireVisible || store.visible(folder.spaceId()))) {
            return folder.parentId();
        }
        if (requireVisible) {
            throw ApiFailure.notFound("Content " + id + " was not found");
        }
        return null;
    }
}
