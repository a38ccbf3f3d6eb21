package dev.reposix.core.push;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.reposix.api.RecordId;
import dev.reposix.api.RecordStatus;
import dev.reposix.core.layout.LayoutKind;
import dev.reposix.core.layout.TreeConfig;
import dev.reposix.core.render.RecordFile;
import dev.reposix.core.render.RecordFileCodec;
import dev.reposix.core.sync.RecordRenderer;
import dev.reposix.git.AttachmentState;
import dev.reposix.git.Cache;
import dev.reposix.git.CacheLocation;
import dev.reposix.git.CacheLock;
import dev.reposix.git.CommitDraft;
import dev.reposix.git.FileKind;
import dev.reposix.git.RecordState;
import dev.reposix.git.Signature;
import dev.reposix.git.SyncState;
import dev.reposix.git.SyncTransaction;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.eclipse.jgit.lib.ObjectId;

/** A cache holding one synced base commit with its state, and commits pushed on top of it. */
final class PushFixture implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-11-24T06:15:00Z");
    static final Signature JANE = Signature.utc("Jane Doe", "jane@example.com", T0);

    final TreeConfig config;
    final Cache cache;
    private final Map<String, byte[]> files = new TreeMap<>();
    private final Map<String, RecordState> records = new TreeMap<>();

    PushFixture(Path directory) {
        this(CacheLocation.resolve(Map.of(CacheLocation.CACHE_DIR_VARIABLE, directory.toString()), "confluence", "ENG"),
                "https://example.atlassian.net/wiki");
    }

    /** A fixture on the cache a {@link Pushes} service finds at that location. */
    PushFixture(CacheLocation location, String sourceOfTruth) {
        config = TreeConfig.of(location.scheme(), location.project(), LayoutKind.TREE);
        cache = Cache.open(location, sourceOfTruth);
    }

    /** Adds a page to the base: its file and its state. */
    PushFixture page(String id, String title, String path, Optional<String> parent, String body,
            Map<String, AttachmentState> attachments) {
        return page(id, 3, title, path, parent, body, attachments);
    }

    /** Adds a page to the base at a version. */
    PushFixture page(String id, long version, String title, String path, Optional<String> parent, String body,
            Map<String, AttachmentState> attachments) {
        RecordFile file = new RecordFile(Optional.of(RecordId.of(id)), title, RecordStatus.CURRENT, List.of(),
                Optional.empty(), body);
        files.put(path, RecordFileCodec.tree().renderBytes(file));
        String hash = RecordRenderer.forHashing(config.toLayout()).contentHash(file);
        SortedMap<String, AttachmentState> sorted = new TreeMap<>(attachments);
        records.put(id, new RecordState(version, hash, title, parent, new TreeSet<>(), path).withAttachments(sorted));
        return this;
    }

    /** Adds a file of an attachment to the base tree (its state goes with {@link #page}). */
    PushFixture file(String path, String content) {
        files.put(path, content.getBytes(UTF_8));
        return this;
    }

    static AttachmentState attachment(String fileName, long version, String path, String content) {
        return new AttachmentState(fileName, version, content.getBytes(UTF_8).length, path, Optional.empty());
    }

    /** Commits the base and records its state; returns the base commit. */
    ObjectId base() {
        try (CacheLock lock = cache.lock(Duration.ofSeconds(5))) {
            SyncTransaction transaction = cache.beginSync(lock);
            ObjectId commit;
            try (CommitDraft draft = transaction.newCommit()) {
                draft.put(TreeConfig.PATH, config.render().getBytes(UTF_8));
                files.forEach(draft::put);
                commit = draft.commit(JANE, JANE, "sync");
            }
            transaction.advanceMain(commit);
            transaction.recordState(commit, new SyncState(new TreeMap<>(records)));
            transaction.apply(T0, JANE);
            return commit;
        }
    }

    /** A commit on top of {@code parent} with the given edits. */
    ObjectId push(ObjectId parent, String message, Consumer<Edits> edits) {
        try (CommitDraft draft = new CommitDraft(cache.repository(), Optional.of(parent))) {
            edits.accept(new Edits(draft));
            return draft.commit(JANE, JANE, message);
        }
    }

    PushPlan plan(ObjectId base, ObjectId pushed) {
        return new PushPlanner(cache).plan(base, pushed);
    }

    static String pageText(String id, String title, String body) {
        return RecordFileCodec.tree().render(new RecordFile(id == null ? Optional.empty() : Optional.of(RecordId.of(id)),
                title, RecordStatus.CURRENT, List.of(), Optional.empty(), body));
    }

    @Override
    public void close() {
        cache.close();
    }

    /** Edits of a pushed commit. */
    static final class Edits {
        private final CommitDraft draft;

        Edits(CommitDraft draft) {
            this.draft = draft;
        }

        Edits put(String path, String content) {
            draft.put(path, content.getBytes(UTF_8));
            return this;
        }

        Edits put(String path, byte[] content, FileKind kind) {
            draft.put(path, content, kind);
            return this;
        }

        Edits delete(String path) {
            draft.delete(path);
            return this;
        }

        Edits move(String from, String to, byte[] content) {
            draft.delete(from);
            draft.put(to, content);
            return this;
        }
    }
}
