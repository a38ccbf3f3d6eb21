package dev.reposix.core.sync;

import dev.reposix.api.Attachment;
import dev.reposix.api.Capability;
import dev.reposix.api.ManifestEntry;
import dev.reposix.api.RecordId;
import dev.reposix.api.RecordKind;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.core.layout.LayoutPlan;
import dev.reposix.core.layout.LinkRewriter;
import dev.reposix.core.layout.SafeNames;
import dev.reposix.git.AttachmentState;
import dev.reposix.git.CommitDraft;
import dev.reposix.git.FileKind;
import dev.reposix.git.RecordState;
import dev.reposix.git.SyncState;
import dev.reposix.git.TreeReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The attachment half of one sync: lists the attachments of every page with a file (one listing
 * for the whole project where the backend allows it), compares them with the previous sync state,
 * and turns the difference into file changes in each page's {@code .assets} folder: new and
 * changed versions are downloaded, files whose page moved are moved without a download, and files
 * of deleted attachments or pages are removed. Files larger than the limit are not downloaded; the
 * page links them in the source of truth instead, and the sync reports them. Not thread-safe, but
 * for one thing: {@link #withAttachments} may build a state on another thread while
 * {@link #applyTo} downloads, since the plan never changes ({@link #anyVanished} then says whether
 * that state must be built again).
 */
final class AttachmentSync {

    private final Map<RecordId, SortedMap<String, AttachmentState>> planned;
    private final List<Download> downloads;
    private final Map<String, ObjectId> moves;
    private final Set<String> removals;
    private final List<Attachment> tooLarge;
    private final long maxBytes;
    private int downloaded;
    /** Ids of attachments deleted between the listing and their download; the plan itself never changes. */
    private final Set<String> vanished = ConcurrentHashMap.newKeySet();

    private AttachmentSync(Map<RecordId, SortedMap<String, AttachmentState>> planned, List<Download> downloads,
            Map<String, ObjectId> moves, Set<String> removals, List<Attachment> tooLarge, long maxBytes) {
        this.planned = planned;
        this.downloads = downloads;
        this.moves = moves;
        this.removals = removals;
        this.tooLarge = tooLarge;
        this.maxBytes = maxBytes;
    }

    /** One file to download, to a path in the tree. */
    private record Download(Attachment attachment, String path) {
    }

    /**
     * Plans the attachment changes of a sync.
     *
     * @param source the source of truth
     * @param previous the previous sync state
     * @param plan where every record's file goes in this sync
     * @param manifest the current records
     * @param deleted records whose files this sync removes
     * @param maxBytes the largest file to download
     * @param trees reads the blobs of files that only move
     * @param base the commit the sync builds on, empty for a first import
     * @return the plan
     */
    static AttachmentSync plan(SourceOfTruth source, SyncState previous, LayoutPlan plan,
            Collection<ManifestEntry> manifest, Set<RecordId> deleted, long maxBytes, TreeReader trees,
            Optional<ObjectId> base) {
        Map<RecordId, SortedMap<String, AttachmentState>> planned = new LinkedHashMap<>();
        List<Download> downloads = new ArrayList<>();
        Map<String, ObjectId> moves = new TreeMap<>();
        Set<String> removals = new TreeSet<>();
        List<Attachment> tooLarge = new ArrayList<>();
        for (RecordId id : deleted) {
            previous.get(id.value()).ifPresent(state -> removals.addAll(pathsInTree(state)));
        }
        List<RecordId> pages = manifest.stream().filter(entry -> entry.kind() == RecordKind.DOCUMENT)
                .map(ManifestEntry::id).filter(id -> plan.pathOf(id).isPresent()).toList();
        if (!source.capabilities().supports(Capability.ATTACHMENTS) || pages.isEmpty()) {
            return new AttachmentSync(planned, downloads, moves, removals, tooLarge, maxBytes);
        }
        Map<RecordId, List<Attachment>> listed = source.attachments(pages);
        for (RecordId page : pages) {
            String assets = LinkRewriter.assetsFolderOf(plan.pathOf(page).orElseThrow());
            SortedMap<String, AttachmentState> before = previous.get(page.value())
                    .map(RecordState::attachments).orElse(new TreeMap<>());
            SortedMap<String, AttachmentState> after = new TreeMap<>();
            List<Attachment> files = new ArrayList<>(listed.getOrDefault(page, List.of()));
            files.sort(Comparator.comparing(Attachment::fileName));
            for (Attachment file : files) {
                String path = assets + "/" + SafeNames.attachmentFileName(file.fileName());
                Optional<AttachmentState> old = Optional.ofNullable(before.get(file.id()));
                old.filter(AttachmentState::inTree).filter(state -> !state.path().equals(path))
                        .ifPresent(state -> removals.add(state.path()));
                if (file.size() > maxBytes) {
                    after.put(file.id(), new AttachmentState(file.fileName(), file.version(), file.size(), path,
                            Optional.of(file.link().toASCIIString())));
                    if (old.filter(state -> state.version() == file.version()).isEmpty()) {
                        tooLarge.add(file);
                    }
                    continue;
                }
                after.put(file.id(), new AttachmentState(file.fileName(), file.version(), file.size(), path,
                        Optional.empty()));
                Optional<ObjectId> unchanged = old.filter(AttachmentState::inTree)
                        .filter(state -> state.version() == file.version())
                        .flatMap(state -> base.flatMap(commit -> trees.blobAt(commit, state.path())));
                if (unchanged.isEmpty()) {
                    downloads.add(new Download(file, path));
                } else if (!old.get().path().equals(path)) {
                    moves.put(path, unchanged.get());
                }
            }
            before.forEach((id, state) -> {
                if (!after.containsKey(id) && state.inTree()) {
                    removals.add(state.path());
                }
            });
            if (!after.isEmpty() || !before.isEmpty()) {
                planned.put(page, after);
            }
        }
        downloads.forEach(download -> removals.remove(download.path()));
        removals.removeAll(moves.keySet());
        return new AttachmentSync(planned, downloads, moves, removals, tooLarge, maxBytes);
    }

    /**
     * Whether this sync changes no attachment file.
     *
     * @return true if there is nothing to write
     */
    boolean changesNoFile() {
        return downloads.isEmpty() && moves.isEmpty() && removals.isEmpty();
    }

    /**
     * The links by file name of a page's attachments that stay in the source of truth after this
     * sync.
     */
    Map<String, String> remoteFiles(RecordId page, SyncState previous) {
        return planned.containsKey(page) ? AttachmentState.remoteLinks(planned.get(page).values())
                : previous.get(page.value()).map(RecordState::remoteAttachmentLinks).orElse(new TreeMap<>());
    }

    /** Pages whose set of remotely linked attachments changes, so their Markdown needs new links. */
    Set<RecordId> relinkedPages(SyncState previous) {
        Set<RecordId> pages = new TreeSet<>(Comparator.comparing(RecordId::value));
        planned.forEach((page, files) -> {
            Map<String, String> before = previous.get(page.value()).map(RecordState::remoteAttachmentLinks)
                    .orElse(new TreeMap<>());
            if (!before.equals(AttachmentState.remoteLinks(files.values()))) {
                pages.add(page);
            }
        });
        return pages;
    }

    /**
     * Applies the file changes to a commit: removals, then moves, then downloads, one file in memory
     * at a time. An attachment deleted between the listing and its download is left out.
     *
     * @param draft the commit being written
     * @param source the source of truth to download from
     */
    void applyTo(CommitDraft draft, SourceOfTruth source) {
        removals.forEach(draft::delete);
        moves.forEach((path, blob) -> draft.putBlob(path, blob, FileKind.REGULAR));
        Iterator<Download> inOrder = downloads.iterator();
        source.readAttachments(downloads.stream().map(Download::attachment).toList(), maxBytes, (attachment, file) -> {
            Download download = inOrder.next();
            if (download.attachment() != attachment) {
                throw new IllegalStateException("the " + source.scheme() + " backend handed over attachment "
                        + attachment.id() + " out of order; it must keep the order it was given");
            }
            file.ifPresentOrElse(bytes -> {
                draft.put(download.path(), bytes);
                downloaded++;
            }, () -> vanished.add(attachment.id()));
        });
    }

    /**
     * The sync state with each planned page's attachments; pages this sync did not look at keep
     * theirs.
     *
     * @param next the state the sync built for the records
     * @param previous the previous state
     * @return the state with attachments
     */
    SyncState withAttachments(SyncState next, SyncState previous) {
        SortedMap<String, RecordState> records = new TreeMap<>();
        next.records().forEach((id, state) -> {
            SortedMap<String, AttachmentState> files = planned.get(RecordId.of(id));
            if (files == null) {
                files = previous.get(id).map(RecordState::attachments).orElse(new TreeMap<>());
            } else if (!vanished.isEmpty()) {
                files = new TreeMap<>(files);
                files.keySet().removeAll(vanished);
            }
            records.put(id, state.withAttachments(files));
        });
        return new SyncState(records);
    }

    /**
     * Whether an attachment was deleted between the listing and its download: a state built with
     * {@link #withAttachments} before {@link #applyTo} ended lists it, and must be built again.
     *
     * @return true if one did
     */
    boolean anyVanished() {
        return !vanished.isEmpty();
    }

    /**
     * What the sync did with attachments, for its report.
     *
     * @return the counts and the files left in the source of truth
     */
    AttachmentReport report() {
        return new AttachmentReport(downloaded, moves.size(), removals.size(),
                tooLarge.stream().map(file -> new AttachmentReport.TooLarge(file.record().value(), file.fileName(),
                        file.size(), file.link().toASCIIString())).toList());
    }

    private static List<String> pathsInTree(RecordState state) {
        return state.attachments().values().stream().filter(AttachmentState::inTree).map(AttachmentState::path)
                .toList();
    }
}
