package dev.reposix.core.push;

import dev.reposix.api.Attachment;
import dev.reposix.api.ManifestEntry;
import dev.reposix.api.Record;
import dev.reposix.api.RecordId;
import dev.reposix.api.RecordKind;
import dev.reposix.api.RecordStatus;
import dev.reposix.api.ReposixException;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.core.CoreErrorCode;
import dev.reposix.core.layout.Layout;
import dev.reposix.core.layout.LayoutPlan;
import dev.reposix.core.layout.LinkRewriter;
import dev.reposix.core.layout.Placement;
import dev.reposix.core.layout.SafeNames;
import dev.reposix.core.render.RecordFile;
import dev.reposix.core.sync.Authors;
import dev.reposix.core.sync.RecordRenderer;
import dev.reposix.git.Cache;
import dev.reposix.git.AttachmentState;
import dev.reposix.git.CacheLock;
import dev.reposix.git.CommitDraft;
import dev.reposix.git.RecordState;
import dev.reposix.git.Signature;
import dev.reposix.git.SyncState;
import dev.reposix.git.SyncTransaction;
import dev.reposix.git.TransactionOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Records in the cache what the source of truth stored for a push: the sync state behind the pushed
 * commit (so the pusher can edit and push again without pulling), and — when what Confluence stored
 * renders differently from the pushed file (a created page's new id, normalisation) — a follow-up
 * commit on top that the pusher receives with the next {@code git pull} as a fast-forward. {@code main}
 * and the state ref move together in one atomic update. Not thread-safe.
 */
final class PushRecorder {

    private final Cache cache;
    private final SourceOfTruth source;

    PushRecorder(Cache cache, SourceOfTruth source) {
        this.cache = cache;
        this.source = source;
    }

    /**
     * Writes the state, the follow-up commit if one is needed, and moves the refs.
     *
     * @return the follow-up commit and the files it changed, if there is one
     */
    Recorded record(CacheLock lock, PushPlan plan, List<PushApplier.Written> allWritten, Instant now) {
        List<PushApplier.Written> written = allWritten.stream().filter(PushApplier.Written::isPage).toList();
        Layout layout = plan.config().toLayout();
        Map<RecordId, Record> stored = stored(written);
        Map<RecordId, String> paths = new LinkedHashMap<>();
        plan.baseState().records().forEach((id, state) -> paths.put(RecordId.of(id), state.path()));
        List<String> removedFiles = new ArrayList<>();
        for (PushApplier.Written write : written) {
            paths.remove(write.id());
            if (write.write() instanceof PlannedWrite.Delete) {
                continue;
            }
            if (stored.get(write.id()).entry().status() == RecordStatus.CURRENT) {
                paths.put(write.id(), write.write().path());
            } else {
                removedFiles.add(write.write().path());
            }
        }
        List<Placement> placements = new ArrayList<>();
        paths.forEach((id, path) -> placements.add(new Placement(id, RecordKind.DOCUMENT, path, Optional.empty())));
        RecordRenderer renderer = new RecordRenderer(layout, new LayoutPlan(plan.config().recordsFolder(), placements));
        TreeMap<String, RecordState> next = new TreeMap<>(plan.baseState().records());
        Map<String, byte[]> followUp = new TreeMap<>();
        for (PushApplier.Written write : written) {
            next.remove(write.id().value());
            Record record = stored.get(write.id());
            if (record == null || !paths.containsKey(write.id())) {
                continue;
            }
            String path = paths.get(write.id());
            ManifestEntry entry = record.entry();
            next.put(write.id().value(), new RecordState(entry.version(),
                    renderer.contentHash(RecordFile.of(record, layout.parentInFrontmatter())), entry.title(),
                    entry.parentId().map(RecordId::value), new TreeSet<>(record.labels()), path,
                    new TreeMap<>(Map.of(RecordRenderer.LINKS, RecordRenderer.linksOf(record.body()))),
                    plan.baseState().get(write.id().value()).map(RecordState::attachments).orElse(new TreeMap<>())));
            byte[] file = renderer.render(record, path, remoteFiles(plan, write.id(), allWritten));
            byte[] pushedFile = cache.trees().blobAt(plan.pushed(), path).map(cache.trees()::readBlob).orElse(new byte[0]);
            if (!Arrays.equals(file, pushedFile)) {
                followUp.put(path, file);
            }
        }
        recordAttachments(plan, allWritten, paths, next, followUp, removedFiles);
        SyncState state = new SyncState(next);
        SyncTransaction transaction = cache.beginSync(lock);
        transaction.advanceMain(plan.pushed());
        transaction.recordState(plan.pushed(), state);
        Optional<ObjectId> followUpCommit = Optional.empty();
        if (!followUp.isEmpty() || !removedFiles.isEmpty()) {
            try (CommitDraft draft = transaction.newCommit()) {
                followUp.forEach(draft::put);
                removedFiles.forEach(draft::delete);
                Signature reposix = Authors.reposixAt(now);
                followUpCommit = draft.commitIfChanged(reposix, reposix, "Record what Confluence stored for "
                        + (followUp.size() + removedFiles.size()) + " pushed file(s)\n\n"
                        + String.join("\n", followUp.keySet()) + (removedFiles.isEmpty() ? "" : "\n")
                        + String.join("\n", removedFiles) + "\n");
            }
            followUpCommit.ifPresent(commit -> {
                transaction.advanceMain(commit);
                transaction.recordState(commit, state);
            });
        }
        TransactionOutcome outcome = transaction.applyPush(now, Authors.reposixAt(now));
        if (!outcome.applied()) {
            throw new ReposixException(CoreErrorCode.CACHE_MOVED, "the pages were written, but the cache changed"
                    + " while recording them (" + String.join("; ", outcome.rejections()) + "); run git pull to"
                    + " bring your tree up to date");
        }
        List<String> changed = new ArrayList<>(followUp.keySet());
        changed.addAll(removedFiles);
        return new Recorded(transaction.main().orElseThrow(), followUpCommit, changed);
    }

    /**
     * Brings the attachments in the recorded state up to date: files of a moved page move with its
     * folder, uploaded files get the id, version and size the source of truth returned, deleted ones
     * go. A file uploaded from outside the page's folder (a Markdown link to another file of the tree)
     * is where the next sync puts it: in the page's folder, which the follow-up commit fills.
     */
    private void recordAttachments(PushPlan plan, List<PushApplier.Written> written, Map<RecordId, String> paths,
            TreeMap<String, RecordState> next, Map<String, byte[]> followUp, List<String> removedFiles) {
        Map<String, TreeMap<String, AttachmentState>> attachments = new HashMap<>();
        for (Map.Entry<String, RecordState> entry : next.entrySet()) {
            RecordState record = entry.getValue();
            String base = plan.baseState().get(entry.getKey()).map(RecordState::path).orElse(record.path());
            if (record.attachments().isEmpty() || base.equals(record.path()) || !record.path().endsWith(".md")) {
                continue;
            }
            String folder = LinkRewriter.assetsFolderOf(record.path());
            TreeMap<String, AttachmentState> moved = new TreeMap<>();
            record.attachments().forEach((id, attachment) -> moved.put(id, new AttachmentState(attachment.fileName(),
                    attachment.version(), attachment.size(), folder + "/" + nameOf(attachment.path()),
                    attachment.remoteLink())));
            attachments.put(entry.getKey(), moved);
        }
        for (PushApplier.Written write : written) {
            String page = write.id().value();
            RecordState record = next.get(page);
            if (write.isPage() || record == null || !paths.containsKey(write.id())) {
                continue;
            }
            TreeMap<String, AttachmentState> onPage = attachments.computeIfAbsent(page,
                    id -> new TreeMap<>(record.attachments()));
            if (write.write() instanceof PlannedWrite.AttachmentDelete delete) {
                onPage.remove(delete.attachmentId());
            } else if (write.write() instanceof PlannedWrite.AttachmentUpload upload) {
                Attachment stored = write.attachment().orElseThrow();
                upload.baseId().ifPresent(onPage::remove);
                String folder = LinkRewriter.assetsFolderOf(paths.get(write.id()));
                String path = folder + "/" + SafeNames.attachmentFileName(stored.fileName());
                if (!path.equals(upload.path())) {
                    // where the next sync would put it: a file linked from elsewhere, or a name that escapes otherwise
                    followUp.put(path, cache.trees().readBlob(upload.blob()));
                    if (upload.path().startsWith(folder + "/")) {
                        removedFiles.add(upload.path());
                    }
                }
                onPage.put(stored.id(), new AttachmentState(stored.fileName(), stored.version(), stored.size(), path,
                        Optional.empty()));
            }
        }
        attachments.forEach((page, onPage) -> next.put(page, next.get(page).withAttachments(onPage)));
    }

    /**
     * The links by file name of a page's attachments that stay in the source of truth only: those of
     * the base that the push did not replace with a file.
     */
    private static Map<String, String> remoteFiles(PushPlan plan, RecordId page, List<PushApplier.Written> written) {
        Map<String, String> links = plan.baseState().get(page.value()).map(RecordState::remoteAttachmentLinks)
                .orElse(new TreeMap<>());
        written.stream().filter(write -> write.id().equals(page))
                .forEach(write -> write.attachment().ifPresent(stored -> links.remove(stored.fileName())));
        return links;
    }

    private static String nameOf(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** What each created or updated record holds now; bodies not learnt from the writes are read in bulk. */
    private Map<RecordId, Record> stored(List<PushApplier.Written> written) {
        Map<RecordId, Record> stored = new HashMap<>();
        List<RecordId> unknown = new ArrayList<>();
        for (PushApplier.Written write : written) {
            if (write.entry().isEmpty()) {
                continue;
            }
            if (write.storedBody().isPresent()) {
                stored.put(write.id(), new Record(write.entry().get(), labelsOf(write.write()), write.storedBody().get()));
            } else {
                unknown.add(write.id());
            }
        }
        if (!unknown.isEmpty()) {
            source.readRecords(unknown, record -> stored.put(record.id(), record));
        }
        for (RecordId id : unknown) {
            if (!stored.containsKey(id)) {
                throw new ReposixException(PushErrorCode.INTERRUPTED, "page " + id.value() + " was written but cannot"
                        + " be read back; run git pull to see what Confluence holds");
            }
        }
        return stored;
    }

    private static Set<String> labelsOf(PlannedWrite write) {
        return write instanceof PlannedWrite.Update update ? Set.copyOf(update.file().labels())
                : Set.of();
    }

    /**
     * What the push left in the cache.
     *
     * @param main the cache's {@code main} now
     * @param followUp the follow-up commit, if the stored content differs from the pushed files
     * @param followUpFiles the files the follow-up commit changes
     */
    record Recorded(ObjectId main, Optional<ObjectId> followUp, List<String> followUpFiles) {
    }
}
