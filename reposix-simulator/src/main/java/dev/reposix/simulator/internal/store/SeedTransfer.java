package dev.reposix.simulator.internal.store;

import dev.reposix.simulator.seed.Seed;
import dev.reposix.simulator.seed.SeedAttachment;
import dev.reposix.simulator.seed.SeedFolder;
import dev.reposix.simulator.seed.SeedPage;
import dev.reposix.simulator.seed.SeedSpace;
import dev.reposix.simulator.seed.SeedUser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a {@link Seed} into a store and exports the store's current state as a seed, so a demo
 * session can be saved and replayed.
 *
 * <p>Thread-safe (works under the store's write or read lock).
 */
public final class SeedTransfer {
    private final SimulatorStore store;

    /** Creates the transfer over a store. */
    public SeedTransfer(SimulatorStore store) {
        this.store = store;
    }

    /** Adds the seed's users, spaces, folders, pages and attachments; ids are kept as given. */
    public void load(Seed seed) {
        store.write(() -> {
            seed.users().forEach(user -> store.users.put(user.accountId(), user));
            seed.spaces().forEach(this::loadSpace);
            return null;
        });
    }

    private void loadSpace(SeedSpace seedSpace) {
        long spaceId = Long.parseLong(seedSpace.id());
        store.reserveId(spaceId);
        store.spaces.put(spaceId, new StoredSpace(spaceId, seedSpace.key(), seedSpace.name(), seedSpace.authorId(),
            seedSpace.createdAt(), Long.parseLong(seedSpace.homepageId()), seedSpace.labels()));
        seedSpace.labels().forEach(store::labelId);
        Map<Long, Integer> positions = new HashMap<>();
        for (SeedFolder folder : seedSpace.folders()) {
            long id = Long.parseLong(folder.id());
            store.reserveId(id);
            Long parentId = parse(folder.parentId());
            store.folders.put(id, new StoredFolder(id, spaceId, folder.title(), parentId, null,
                nextPosition(positions, parentId), folder.authorId(), folder.createdAt(),
                StoredVersion.first(folder.authorId(), folder.createdAt())));
        }
        for (SeedPage seedPage : seedSpace.pages()) {
            long id = Long.parseLong(seedPage.id());
            store.reserveId(id);
            Long parentId = parse(seedPage.parentId());
            StoredVersion version = new StoredVersion(seedPage.versionNumber(), "", false,
                seedPage.versionAuthorId(), seedPage.versionCreatedAt());
            store.pages.put(id, new StoredPage(id, spaceId, seedPage.title(), seedPage.status(), parentId, null,
                nextPosition(positions, parentId), seedPage.authorId(), seedPage.authorId(), seedPage.createdAt(),
                version, seedPage.body(), seedPage.labels()));
            seedPage.labels().forEach(store::labelId);
        }
        // Parent types need every folder and page of the space, so they are resolved last.
        store.folders.replaceAll((id, folder) -> folder.spaceId() != spaceId ? folder
            : new StoredFolder(folder.id(), spaceId, folder.title(), folder.parentId(), typeOf(folder.parentId()),
                folder.position(), folder.authorId(), folder.createdAt(), folder.version()));
        for (SeedPage seedPage : seedSpace.pages()) {
            long id = Long.parseLong(seedPage.id());
            StoredPage page = store.pages.get(id);
            store.pages.put(id, page.withParent(page.parentId(), typeOf(page.parentId())));
            ContentProperties.putInitialEditorProperty(store, id, page.authorId(), page.createdAt());
        }
        seedSpace.attachments().forEach(this::loadAttachment);
    }

    /** A seeded attachment has only its latest version; older numbers are not downloadable. */
    private void loadAttachment(SeedAttachment seeded) {
        long id = Long.parseLong(seeded.id());
        long pageId = Long.parseLong(seeded.pageId());
        if (!store.pages.containsKey(pageId)) {
            throw new IllegalArgumentException("attachment " + seeded.id() + " names unknown page " + pageId);
        }
        store.reserveId(id);
        StoredVersion version = new StoredVersion(seeded.versionNumber(), seeded.comment(), false,
            seeded.authorId(), seeded.createdAt());
        store.attachments.put(id, new StoredAttachment(id, pageId, seeded.title(), "current", seeded.createdAt(),
            List.of(new StoredAttachment.FileVersion(version, seeded.mediaType(), seeded.comment(),
                seeded.data()))));
    }

    /** The store's current content as a seed; attachments keep their latest version, trashed ones are left out. */
    public Seed export() {
        return store.read(() -> {
            List<SeedSpace> spaces = new ArrayList<>();
            for (StoredSpace space : store.spaces.values()) {
                List<SeedFolder> folders = store.folders.values().stream()
                    .filter(folder -> folder.spaceId() == space.id())
                    .sorted(Comparator.comparingLong(StoredFolder::id))
                    .map(folder -> new SeedFolder(Long.toString(folder.id()), folder.title(),
                        text(folder.parentId()), folder.authorId(), folder.createdAt()))
                    .toList();
                List<SeedPage> pages = store.pages.values().stream()
                    .filter(page -> page.spaceId() == space.id())
                    .sorted(Comparator.comparingLong(StoredPage::id))
                    .map(SeedTransfer::toSeedPage)
                    .toList();
                List<SeedAttachment> attachments = store.attachments.values().stream()
                    .filter(attachment -> "current".equals(attachment.status()))
                    .filter(attachment -> {
                        StoredPage page = store.pages.get(attachment.pageId());
                        return page != null && page.spaceId() == space.id();
                    })
                    .sorted(Comparator.comparingLong(StoredAttachment::id))
                    .map(SeedTransfer::toSeedAttachment)
                    .toList();
                spaces.add(new SeedSpace(Long.toString(space.id()), space.key(), space.name(), space.authorId(),
                    space.createdAt(), Long.toString(space.homepageId()), space.labels(), folders, pages,
                    attachments));
            }
            List<SeedUser> users = List.copyOf(store.users.values());
            return new Seed(spaces, users);
        });
    }

    private static SeedPage toSeedPage(StoredPage page) {
        return new SeedPage(Long.toString(page.id()), page.title(), text(page.parentId()), page.status(),
            page.authorId(), page.createdAt(), page.version().number(), page.version().authorId(),
            page.version().createdAt(), page.body(), page.labels());
    }

    private static SeedAttachment toSeedAttachment(StoredAttachment attachment) {
        StoredAttachment.FileVersion latest = attachment.latest();
        return new SeedAttachment(Long.toString(attachment.id()), Long.toString(attachment.pageId()),
            attachment.title(), latest.mediaType(), latest.comment(), latest.version().number(),
            latest.version().authorId(), latest.version().createdAt(), latest.data());
    }

    private String typeOf(Long parentId) {
        if (parentId == null) {
            return null;
        }
        return store.folders.containsKey(parentId) ? "folder" : "page";
    }

    private static int nextPosition(Map<Long, Integer> positions, Long parentId) {
        return positions.merge(parentId == null ? -1L : parentId, 1, Integer::sum) - 1;
    }

    private static Long parse(String id) {
        return id == null || id.isEmpty() ? null : Long.valueOf(id);
    }

    private static String text(Long id) {
        return id == null ? null : Long.toString(id);
    }
}
