package dev.reposix.testkit;

import static java.util.Objects.requireNonNull;

import dev.reposix.api.Attachment;
import dev.reposix.api.DeleteOutcome;
import dev.reposix.api.ManifestEntry;
import dev.reposix.api.NewRecord;
import dev.reposix.api.RecordId;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The data behind {@link InMemoryProvider}: projects by key, shared by every source of truth opened
 * on the same store, so that two instances see each other's writes like two clients of one server.
 * Each store is independent; there is no JVM-wide store. Thread-safe.
 *
 * @since 0.1
 */
public final class InMemoryStore {

    private final ConcurrentMap<String, InMemoryProject> projects = new ConcurrentHashMap<>();
    private final AtomicLong lastId = new AtomicLong(1000);
    private final Clock clock;

    /** An empty store whose out-of-band inserts use the system clock. */
    public InMemoryStore() {
        this(Clock.systemUTC());
    }

    /**
     * An empty store.
     *
     * @param clock the time of out-of-band inserts ({@link #insert})
     */
    public InMemoryStore(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Adds a record out-of-band, whatever the capabilities of the sources of truth opened on it;
     * this is how read-only variants get their content.
     *
     * @param project the project key
     * @param record the record
     * @return its manifest entry at version 1
     * @throws dev.reposix.api.ReposixException as {@code create} would, e.g. for an unknown parent
     */
    public ManifestEntry insert(String project, NewRecord record) {
        return project(project).create(record, clock.instant());
    }

    /**
     * Adds seed records out-of-band, parents first.
     *
     * @param project the project key
     * @param seeds the records
     * @return the assigned ids by title
     */
    public Map<String, RecordId> seed(String project, List<SeedRecord> seeds) {
        return SeedRecord.createInOrder(seeds, record -> insert(project, record));
    }

    /**
     * Attaches a file to a record out-of-band, whatever the capabilities of the sources of truth
     * opened on it: a new attachment, or a new version of the record's file with that name.
     *
     * @param project the project key
     * @param record the record
     * @param fileName the file name
     * @param mediaType the media type
     * @param content the bytes
     * @return the attachment as stored
     * @throws dev.reposix.api.ReposixException {@code RECORD_NOT_FOUND} for an unknown record
     */
    public Attachment putAttachment(String project, RecordId record, String fileName, String mediaType,
            byte[] content) {
        return project(project).writeAttachment(requireNonNull(record, "record is null"),
                requireNonNull(fileName, "fileName is null"), requireNonNull(mediaType, "mediaType is null"),
                requireNonNull(content, "content is null"));
    }

    /**
     * Removes an attachment out-of-band.
     *
     * @param project the project key
     * @param attachment the attachment (its id counts)
     * @return whether it existed
     */
    public boolean removeAttachment(String project, Attachment attachment) {
        return project(project).deleteAttachment(requireNonNull(attachment, "attachment is null").id())
                == DeleteOutcome.DELETED;
    }

    /**
     * How many records a project holds now (zero for an unknown project).
     *
     * @param project the project key
     * @return the number of records
     */
    public int size(String project) {
        InMemoryProject existing = projects.get(requireNonNull(project, "project is null"));
        return existing == null ? 0 : existing.size();
    }

    InMemoryProject project(String key) {
        requireNonNull(key, "project is null");
        return projects.computeIfAbsent(key, ignored -> new InMemoryProject(InMemoryProvider.SCHEME, lastId));
    }
}
