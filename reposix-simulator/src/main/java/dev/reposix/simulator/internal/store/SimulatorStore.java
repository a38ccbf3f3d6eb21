package dev.reposix.simulator.internal.store;

import dev.reposix.simulator.seed.SeedUser;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * All simulator state: spaces, folders, pages, attachments, properties, labels and users,
 * guarded by one read-write lock. Values are immutable records, so readers copy references under the read lock
 * and work on them after releasing it. Visibility rules (unreadable spaces) live here so every
 * endpoint applies them alike.
 *
 * <p>Thread-safe.
 */
public final class SimulatorStore {
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    final Map<Long, StoredSpace> spaces = new LinkedHashMap<>();
    final Map<Long, StoredPage> pages = new HashMap<>();
    final Map<Long, StoredFolder> folders = new HashMap<>();
    final Map<Long, StoredAttachment> attachments = new HashMap<>();
    final Map<Long, Map<String, StoredProperty>> properties = new HashMap<>();
    final Map<String, Long> labelIds = new HashMap<>();
    final Map<String, SeedUser> users = new LinkedHashMap<>();
    private final Set<Long> unreadableSpaces = ConcurrentHashMap.newKeySet();
    private final Clock clock;
    private volatile boolean normalizeStorage;
    long nextId = 1;

    /** Creates an empty store stamping writes with {@code clock}. */
    public SimulatorStore(Clock clock) {
        this.clock = clock;
    }

    /** The current time at millisecond precision, as Confluence reports it. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    <T> T write(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    long allocateId() {
        return nextId++;
    }

    /** Reserves ids so generated ones never collide with seeded ones. */
    void reserveId(long usedId) {
        nextId = Math.max(nextId, usedId + 1);
    }

    /** Makes a space (by key) readable or not for the API user. */
    public void setReadable(String spaceKey, boolean readable) {
        StoredSpace space = read(() -> spaces.values().stream()
            .filter(candidate -> candidate.key().equals(spaceKey)).findFirst())
            .orElseThrow(() -> new IllegalArgumentException("no space with key " + spaceKey));
        if (readable) {
            unreadableSpaces.remove(space.id());
        } else {
            unreadableSpaces.add(space.id());
        }
    }

    boolean visible(long spaceId) {
        return spaces.containsKey(spaceId) && !unreadableSpaces.contains(spaceId);
    }

    /** Readable spaces filtered by keys and ids (empty sets mean any), in creation order. */
    public List<StoredSpace> spaces(Set<String> keys, Set<Long> ids) {
        return read(() -> spaces.values().stream()
            .filter(space -> visible(space.id()))
            .filter(space -> keys.isEmpty() || keys.contains(space.key()))
            .filter(space -> ids.isEmpty() || ids.contains(space.id()))
            .toList());
    }

    /** A readable space by id. */
    public Optional<StoredSpace> space(long id) {
        return read(() -> visible(id) ? Optional.ofNullable(spaces.get(id)) : Optional.empty());
    }

    /** A page in a readable space. */
    public Optional<StoredPage> page(long id) {
        return read(() -> Optional.ofNullable(pages.get(id)).filter(page -> visible(page.spaceId())));
    }

    /** A page in a readable space, or 404. */
    public StoredPage requirePage(long id) {
        return page(id).orElseThrow(() -> ApiFailure.notFound("Page " + id + " was not found"));
    }

    /** A folder in a readable space. */
    public Optional<StoredFolder> folder(long id) {
        return read(() -> Optional.ofNullable(folders.get(id)).filter(folder -> visible(folder.spaceId())));
    }

    /** Every readable page passing the query, unsorted. */
    public List<StoredPage> pages(PageQuery query) {
        return read(() -> {
            List<StoredPage> matching = new ArrayList<>();
            for (StoredPage page : pages.values()) {
                if (query.matches(page) && visible(page.spaceId())) {
                    matching.add(page);
                }
            }
            return matching;
        });
    }

    /** Known users among the given account ids, in request order. */
    public List<SeedUser> users(Collection<String> accountIds) {
        return read(() -> accountIds.stream().distinct().map(users::get).filter(user -> user != null).toList());
    }

    /** Adds a user (the API account is registered this way). */
    public void addUser(SeedUser user) {
        write(() -> users.put(user.accountId(), user));
    }

    /** The id of a label name, allocating one for a new name. */
    long labelId(String name) {
        return labelIds.computeIfAbsent(name, ignored -> allocateId());
    }

    /** A label's name by id, if the label exists. */
    public Optional<String> labelName(long labelId) {
        return read(() -> labelIds.entrySet().stream()
            .filter(entry -> entry.getValue() == labelId).map(Map.Entry::getKey).findFirst());
    }

    /** A label's id by name, if the label exists. */
    public Optional<Long> existingLabelId(String name) {
        return read(() -> Optional.ofNullable(labelIds.get(name)));
    }

    /** Switches Cloud's normalisation of saved bodies on or off. */
    public void normalizeStorage(boolean enabled) {
        this.normalizeStorage = enabled;
    }

    /** A saved body as Cloud would store it: with macro ids added when normalisation is on. */
    String stored(long pageId, int version, String body) {
        return normalizeStorage ? CloudNormalizer.normalize(pageId, version, body) : body;
    }
}
