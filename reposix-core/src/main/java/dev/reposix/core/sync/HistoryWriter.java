package dev.reposix.core.sync;

import dev.reposix.api.ManifestEntry;
import dev.reposix.api.Record;
import dev.reposix.api.RecordId;
import dev.reposix.api.RecordKind;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.core.layout.LayoutPlan;
import dev.reposix.core.layout.LinkRewriter;
import dev.reposix.core.layout.Placement;
import dev.reposix.core.layout.TreeConfig;
import dev.reposix.git.CommitDraft;
import dev.reposix.git.FileKind;
import dev.reposix.git.RecordState;
import dev.reposix.git.Signature;
import dev.reposix.git.SyncState;
import dev.reposix.git.SyncTransaction;
import dev.reposix.git.TreeReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Writes the commits of one sync onto the transaction's {@code main}: the first import as one
 * commit; afterwards one commit per fetched record, oldest edit first, authored by its editor at its
 * edit time; then one reposix commit for files that moved or whose links changed, and for deleted
 * records. Not thread-safe.
 */
final class HistoryWriter {

    private final SyncTransaction transaction;
    private final TreeReader trees;
    private final Authors authors;
    private final Signature committer;
    private final AttachmentSync attachments;
    private final SourceOfTruth source;
    private final RecordRenderer renderer;
    private final Optional<ImportAhead> importAhead;

    /** {@code importAhead}: the import commit of a first import, started while the bodies arrived. */
    HistoryWriter(SyncTransaction transaction, TreeReader trees, Authors authors, Instant now,
            AttachmentSync attachments, SourceOfTruth source, RecordRenderer renderer,
            Optional<ImportAhead> importAhead) {
        this.transaction = transaction;
        this.trees = trees;
        this.authors = authors;
        this.committer = Authors.reposixAt(now);
        this.attachments = attachments;
        this.source = source;
        this.renderer = renderer;
        this.importAhead = importAhead;
    }

    SyncCounts write(boolean firstImport, TreeConfig config, LayoutPlan plan, SyncState previous, SyncPlan work,
            Map<RecordId, Record> fetched, Set<RecordId> deleted, Map<RecordId, Set<String>> relabelled) {
        if (firstImport) {
            return importAll(config, plan, previous, fetched, renderer);
        }
        int created = 0;
        int updated = 0;
        int commits = 0;
        for (Record record : byEditTime(fetched)) {
            String path = plan.pathOf(record.id()).orElseThrow();
            Optional<RecordState> before = previous.get(record.id().value());
            try (CommitDraft draft = transaction.newCommit()) {
                before.filter(state -> !state.path().equals(path)).ifPresent(state -> draft.delete(state.path()));
                draft.put(path, renderer.render(record, path, attachments.remoteFiles(record.id(), previous)));
                Optional<ObjectId> commit = draft.commitIfChanged(authors.editorOf(record.entry()), committer,
                        (before.isEmpty() ? "Create " : "Update ") + "\"" + record.entry().title() + "\"");
                if (commit.isPresent()) {
                    transaction.advanceMain(commit.get());
                    commits++;
                    created += before.isEmpty() ? 1 : 0;
                    updated += before.isEmpty() ? 0 : 1;
                }
            }
        }
        int[] housekeeping = moveAndDelete(config, plan, previous, work, fetched, deleted, relabelled, renderer);
        int attachmentCommits = writeAttachments(config);
        return new SyncCounts(created, updated, housekeeping[0], housekeeping[1],
                commits + housekeeping[2] + attachmentCommits);
    }

    /** One reposix commit with every attachment file change of the sync; returns the commits made (0 or 1). */
    private int writeAttachments(TreeConfig config) {
        if (attachments.changesNoFile()) {
            return 0;
        }
        try (CommitDraft draft = transaction.newCommit()) {
            attachments.applyTo(draft, source);
            AttachmentReport report = attachments.report();
            Optional<ObjectId> commit = draft.commitIfChanged(committer, committer, "Sync attachments of "
                    + config.scheme() + "::" + config.project() + ": " + report.downloaded() + " downloaded, "
                    + report.moved() + " moved, " + report.removed() + " removed");
            commit.ifPresent(transaction::advanceMain);
            return commit.isPresent() ? 1 : 0;
        }
    }

    private SyncCounts importAll(TreeConfig config, LayoutPlan plan, SyncState previous, Map<RecordId, Record> fetched,
            RecordRenderer renderer) {
        if (importAhead.isPresent()) {
            // the draft is the import's, closed with it
            return importInto(importAhead.get().finish(), config, plan, previous, fetched, renderer);
        }
        try (CommitDraft draft = transaction.newCommit()) {
            return importInto(draft, config, plan, previous, fetched, renderer);
        }
    }

    /** Puts what the draft does not hold yet (every file, unless started ahead) and commits the import. */
    private SyncCounts importInto(CommitDraft draft, TreeConfig config, LayoutPlan plan, SyncState previous,
            Map<RecordId, Record> fetched, RecordRenderer renderer) {
        draft.put(TreeConfig.PATH, config.render().getBytes(StandardCharsets.UTF_8));
        draft.put(TreeConfig.GITATTRIBUTES_PATH, config.gitattributes().getBytes(StandardCharsets.UTF_8));
        for (Record record : fetched.values()) {
            String path = plan.pathOf(record.id()).orElseThrow();
            byte[] file = renderer.render(record, path, attachments.remoteFiles(record.id(), previous));
            if (importAhead.map(ahead -> !ahead.holds(path, file)).orElse(true)) {
                draft.put(path, file);
            }
        }
        attachments.applyTo(draft, source);
        transaction.advanceMain(draft.commit(committer, committer, "Import " + config.scheme() + "::"
                + config.project() + " (" + fetched.size() + " pages)"));
        return new SyncCounts(fetched.size(), 0, 0, 0, 1);
    }

    /** Returns moved, deleted and commits made (0 or 1). */
    private int[] moveAndDelete(TreeConfig config, LayoutPlan plan, SyncState previous, SyncPlan work,
            Map<RecordId, Record> fetched, Set<RecordId> deleted, Map<RecordId, Set<String>> relabelled,
            RecordRenderer renderer) {
        Set<String> changedPaths = changedPathIds(plan, previous, work, fetched, deleted);
        Set<RecordId> relinked = attachments.relinkedPages(previous);
        int moved = 0;
        try (CommitDraft draft = transaction.newCommit()) {
            ObjectId tip = transaction.main().orElseThrow();
            for (RecordId id : deleted) {
                previous.get(id.value()).ifPresent(state -> draft.delete(state.path()));
            }
            LinkRewriter oldLinks = changedPaths.isEmpty() && relabelled.isEmpty() && relinked.isEmpty() ? null
                    : new LinkRewriter(planOf(plan.recordsFolder(), previous));
            for (ManifestEntry entry : oldLinks == null ? List.<ManifestEntry>of() : work.unchanged()) {
                RecordState before = previous.get(entry.id().value()).orElseThrow();
                String path = plan.pathOf(entry.id()).orElseThrow();
                Optional<Set<String>> labels = Optional.ofNullable(relabelled.get(entry.id()));
                boolean ownMove = !path.equals(before.path());
                Optional<String> links = Optional.ofNullable(before.attributes().get(StateBuilder.LINKS));
                boolean hasLinks = links.map(list -> !list.isEmpty()).orElse(true);
                boolean targetMoved = links.map(list -> Arrays.stream(list.split(",")).anyMatch(changedPaths::contains))
                        .orElse(!changedPaths.isEmpty());
                boolean remoteLinksChanged = relinked.contains(entry.id());
                if (!ownMove && labels.isEmpty() && !targetMoved && !remoteLinksChanged) {
                    continue;
                }
                ObjectId blob = trees.blobAt(tip, before.path()).orElseThrow();
                if (ownMove) {
                    draft.delete(before.path());
                }
                if (labels.isEmpty() && !hasLinks && !remoteLinksChanged) {
                    // Nothing in the file depends on where it or anything else lives: move the blob as is.
                    draft.putBlob(path, blob, FileKind.REGULAR);
                    moved++;
                    continue;
                }
                byte[] bytes = trees.readBlob(blob);
                byte[] rewritten = renderer.rework(bytes, before.path(), oldLinks, path, labels,
                        before.remoteAttachmentLinks(), attachments.remoteFiles(entry.id(), previous));
                if (ownMove || !Arrays.equals(bytes, rewritten)) {
                    draft.put(path, rewritten);
                    moved++;
                }
            }
            Optional<ObjectId> commit = draft.commitIfChanged(committer, committer, "Sync " + config.scheme() + "::"
                    + config.project() + ": " + moved + " moved, re-linked or re-labelled, " + deleted.size() + " deleted");
            commit.ifPresent(transaction::advanceMain);
            return new int[] {moved, deleted.size(), commit.isPresent() ? 1 : 0};
        }
    }

    /** Ids of records whose file path changes in this sync (moved, renamed or deleted). */
    private static Set<String> changedPathIds(LayoutPlan plan, SyncState previous, SyncPlan work,
            Map<RecordId, Record> fetched, Set<RecordId> deleted) {
        Set<String> changed = new HashSet<>();
        work.relocated().keySet().forEach(id -> changed.add(id.value()));
        deleted.forEach(id -> changed.add(id.value()));
        for (Record record : fetched.values()) {
            previous.get(record.id().value()).map(RecordState::path)
                    .filter(path -> !path.equals(plan.pathOf(record.id()).orElseThrow()))
                    .ifPresent(path -> changed.add(record.id().value()));
        }
        return changed;
    }

    /** The previous sync's paths as a plan, to read old relative links back to the neutral form. */
    private static LayoutPlan planOf(String recordsFolder, SyncState previous) {
        List<Placement> placements = new ArrayList<>();
        previous.records().forEach((id, state) ->
                placements.add(new Placement(RecordId.of(id), RecordKind.DOCUMENT, state.path(), Optional.empty())));
        return new LayoutPlan(recordsFolder, placements);
    }

    /** Orders fetched records for per-record commits: oldest edit first, ties by id. */
    private static List<Record> byEditTime(Map<RecordId, Record> fetched) {
        List<Record> records = new ArrayList<>(fetched.values());
        records.sort(Comparator.comparing((Record record) -> record.entry().lastModified())
                .thenComparing(record -> record.id().value()));
        return records;
    }
}
