package dev.reposix.core.push;

import dev.reposix.api.RecordId;
import dev.reposix.api.RecordKind;
import dev.reposix.api.RecordStatus;
import dev.reposix.api.ReposixException;
import dev.reposix.core.AttachmentLimit;
import dev.reposix.core.layout.Layout;
import dev.reposix.core.layout.LayoutKind;
import dev.reposix.core.layout.LayoutPlan;
import dev.reposix.core.layout.LinkRewriter;
import dev.reposix.core.layout.Placement;
import dev.reposix.core.layout.TreeConfig;
import dev.reposix.core.layout.TreeLayout;
import dev.reposix.core.render.RecordFile;
import dev.reposix.core.render.RecordFileCodec;
import dev.reposix.core.sync.RecordRenderer;
import dev.reposix.git.Cache;
import dev.reposix.git.FileKind;
import dev.reposix.git.GitErrorCode;
import dev.reposix.git.PathChange;
import dev.reposix.git.RecordState;
import dev.reposix.git.SyncState;
import dev.reposix.git.SyncStateStore;
import dev.reposix.git.TreeReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Plans a push: compares the pushed commit with the commit its base state belongs to, parses every
 * changed record file, and works out which records are created, updated, moved and deleted. Files
 * outside the records folder stay in git only. Anything that cannot be sent faithfully is refused
 * here, before a single request: unparseable or non-UTF-8 files, links, submodules, executables,
 * files that are not Markdown, ids that do not fit, a changed {@code .reposix/config}, and more
 * than {@link #MAX_DELETES} deletes without {@value #ALLOW_BULK_DELETE} in a pushed commit.
 * Stateless apart from the cache it reads; not thread-safe.
 *
 * @since 0.1
 */
public final class PushPlanner {

    /** The most records one push may delete without {@link #ALLOW_BULK_DELETE}. */
    public static final int MAX_DELETES = 5;
    /** The marker in a commit message that lifts the delete cap. */
    public static final String ALLOW_BULK_DELETE = "[allow-bulk-delete]";

    private static final int MAX_STATE_STEPS = 1000;

    private final Cache cache;
    private final TreeReader trees;
    private final long attachmentMaxBytes;

    /**
     * A planner reading from a cache that already holds the pushed objects, with the default cap on
     * attachment sizes.
     *
     * @param cache the cache
     */
    public PushPlanner(Cache cache) {
        this(cache, AttachmentLimit.DEFAULT_BYTES);
    }

    /**
     * A planner reading from a cache that already holds the pushed objects.
     *
     * @param cache the cache
     * @param attachmentMaxBytes the largest file a push may upload as an attachment
     * @since 0.1
     */
    public PushPlanner(Cache cache, long attachmentMaxBytes) {
        this.cache = cache;
        this.trees = cache.trees();
        this.attachmentMaxBytes = attachmentMaxBytes;
    }

    /**
     * Plans the push of {@code pushed} onto {@code base}.
     *
     * @param base the commit the remote's {@code main} points at
     * @param pushed the commit pushed to {@code main}; must descend from {@code base}
     * @return the plan
     * @throws ReposixException with a {@link PushErrorCode} when the push cannot be sent
     */
    public PushPlan plan(ObjectId base, ObjectId pushed) {
        SyncStateStore.Found found = cache.syncStates().findNearest(base, MAX_STATE_STEPS).orElseThrow(() ->
                new ReposixException(PushErrorCode.NO_BASE_STATE, "no sync state was found behind " + base.name()
                        + "; fetch from the reposix remote, rebase on it and push again"));
        TreeConfig config = configAt(found.commit()).orElseThrow(() -> new ReposixException(
                PushErrorCode.NO_BASE_STATE, "commit " + found.commit().name() + " has no " + TreeConfig.PATH));
        if (!trees.blobAt(found.commit(), TreeConfig.PATH).equals(trees.blobAt(pushed, TreeConfig.PATH))) {
            throw new ReposixException(PushErrorCode.UNSUPPORTED, TreeConfig.PATH + " was changed; it records how"
                    + " this tree is rendered and cannot be changed by a push. Restore it: git checkout "
                    + found.commit().abbreviate(12).name() + " -- " + TreeConfig.PATH);
        }
        Commits commits = commits(base, pushed);
        Planning planning = new Planning(config, found.state(), found.commit(), pushed);
        List<PathChange> changes = trees.diff(Optional.of(found.commit()), pushed).stream()
                .filter(change -> change.path().startsWith(config.recordsFolder() + "/")).toList();
        planning.read(changes);
        PushPlan plan = planning.finish(found.commit(), commits);
        if (plan.deleteCount() > MAX_DELETES && !commits.allowBulkDelete()) {
            List<String> paths = new ArrayList<>();
            plan.deletes().forEach(delete -> paths.add(delete.path()));
            plan.attachmentDeletes().forEach(delete -> paths.add(delete.path()));
            String what = plan.attachmentDeletes().isEmpty() ? " pages (" : plan.deletes().isEmpty()
                    ? " attachments (" : " pages and attachments (";
            throw new ReposixException(PushErrorCode.BULK_DELETE, "this push deletes " + plan.deleteCount()
                    + what + String.join(", ", paths.stream().limit(10).toList())
                    + (paths.size() > 10 ? ", ..." : "") + "), more than " + MAX_DELETES + "; if that is"
                    + " intended, add " + ALLOW_BULK_DELETE + " to a commit message and push again");
        }
        return plan;
    }

    private Optional<TreeConfig> configAt(ObjectId commit) {
        return trees.blobAt(commit, TreeConfig.PATH).map(blob -> TreeConfig.parse(trees.readBlob(blob)));
    }

    private Commits commits(ObjectId base, ObjectId pushed) {
        try (RevWalk walk = new RevWalk(cache.repository())) {
            RevCommit tip = walk.parseCommit(pushed);
            walk.markStart(tip);
            walk.markUninteresting(walk.parseCommit(base));
            boolean allow = false;
            for (RevCommit commit : walk) {
                allow |= commit.getFullMessage().contains(ALLOW_BULK_DELETE);
            }
            String subject = tip.getShortMessage().strip();
            String pusher = tip.getCommitterIdent().getName() + " <" + tip.getCommitterIdent().getEmailAddress() + ">";
            return new Commits(subject.isEmpty() ? "Edited with reposix" : subject, pusher, allow);
        } catch (IOException e) {
            throw new ReposixException(GitErrorCode.GIT_FAILURE, "reading the pushed commits: " + e.getMessage(), e);
        }
    }

    /** What the pushed commits say beyond their trees. */
    private record Commits(String subject, String pusher, boolean allowBulkDelete) {
    }

    /** The work of one plan: the files read so far and what they claim. */
    private final class Planning {

        private final TreeConfig config;
        private final Layout layout;
        private final RecordFileCodec codec;
        private final SyncState state;
        private final ObjectId stateCommit;
        private final ObjectId pushed;
        private final Map<String, RecordId> idByPath = new HashMap<>();
        /** Record files with an id after the push, by id. */
        private final Map<RecordId, RecordFile> claimed = new LinkedHashMap<>();
        private final Map<RecordId, String> claimedPath = new HashMap<>();
        private final Map<String, RecordFile> created = new LinkedHashMap<>();
        private final List<String> removed = new ArrayList<>();
        private final List<PathChange> assetChanges = new ArrayList<>();
        private final List<AttachmentPlanner.LinkedFile> linked = new ArrayList<>();

        Planning(TreeConfig config, SyncState state, ObjectId stateCommit, ObjectId pushed) {
            this.config = config;
            this.layout = config.toLayout();
            this.codec = RecordFileCodec.forLayout(layout);
            this.state = state;
            this.stateCommit = stateCommit;
            this.pushed = pushed;
            state.records().forEach((id, record) -> idByPath.put(record.path(), RecordId.of(id)));
        }

        void read(List<PathChange> changes) {
            for (PathChange change : changes) {
                if (LinkRewriter.isInAssetsFolder(change.path())) {
                    assetChanges.add(change);
                    continue;
                }
                if (change.newBlob().isEmpty()) {
                    removed.add(change.path());
                    continue;
                }
                RecordFile file = parse(change);
                Optional<RecordId> known = change.kind() == PathChange.Kind.MODIFIED
                        ? Optional.ofNullable(idByPath.get(change.path())) : Optional.empty();
                Optional<RecordId> id = file.id().or(() -> known);
                if (id.isEmpty()) {
                    created.put(change.path(), file);
                    continue;
                }
                claim(change.path(), id.get(), known, file);
            }
        }

        private RecordFile parse(PathChange change) {
            String path = change.path();
            FileKind kind = change.newKind().orElseThrow();
            if (kind != FileKind.REGULAR) {
                throw new ReposixException(PushErrorCode.INVALID_FILE, path + " is " + describe(kind)
                        + "; only regular Markdown files in " + config.recordsFolder() + "/ become pages. Replace it"
                        + " with a regular file" + (kind == FileKind.EXECUTABLE ? " (git update-index --chmod=-x "
                        + path + ")" : "") + " or move it out of " + config.recordsFolder() + "/");
            }
            if (!path.endsWith(".md")) {
                throw new ReposixException(PushErrorCode.INVALID_FILE, path + " is not a Markdown (.md) file; only"
                        + " pages, and their attachments in <Page>.assets/ folders, can be pushed in "
                        + config.recordsFolder() + "/. To attach it to a page, move it into the .assets folder next"
                        + " to the page's file (pages/Ops/Runbook.md -> pages/Ops/Runbook.assets/); otherwise move it"
                        + " out of " + config.recordsFolder() + "/ or remove it");
            }
            try {
                return codec.parse(path, trees.readBlob(change.newBlob().get()));
            } catch (ReposixException unreadable) {
                throw new ReposixException(PushErrorCode.INVALID_FILE, unreadable.getMessage(), unreadable);
            }
        }

        private void claim(String path, RecordId id, Optional<RecordId> known, RecordFile file) {
            RecordState base = state.get(id.value()).orElseThrow(() -> new ReposixException(PushErrorCode.BAD_ID,
                    path + " claims id " + id.value() + ", which is not a page of this space as of the base of your"
                            + " push; remove the id line to create a new page, or restore the file with git"));
            if (known.isPresent() && !known.get().equals(id)) {
                throw new ReposixException(PushErrorCode.BAD_ID, path + " belonged to page " + known.get().value()
                        + " but now claims id " + id.value() + "; one file per page: restore the id, or move the"
                        + " content to a new file");
            }
            String other = claimedPath.put(id, path);
            if (other != null) {
                throw new ReposixException(PushErrorCode.BAD_ID, path + " and " + other + " both claim id "
                        + id.value() + "; remove the id line from the copy to create it as a new page");
            }
            if (!base.path().equals(path) && trees.blobAt(pushed, base.path()).isPresent()) {
                throw new ReposixException(PushErrorCode.BAD_ID, path + " and " + base.path() + " both claim id "
                        + id.value() + "; remove the id line from the copy to create it as a new page");
            }
            claimed.put(id, file);
        }

        PushPlan finish(ObjectId stateCommit, Commits commits) {
            List<PlannedWrite.Delete> deletes = new ArrayList<>();
            for (String path : removed) {
                RecordId id = idByPath.get(path);
                if (id != null && !claimed.containsKey(id)) {
                    deletes.add(new PlannedWrite.Delete(id, path, state.get(id.value()).orElseThrow()));
                }
            }
            LinkRewriter links = new LinkRewriter(planAfter(deletes));
            RecordRenderer hasher = RecordRenderer.forHashing(layout);
            Folders folders = new Folders(deletes);
            List<PlannedWrite.Update> updates = new ArrayList<>();
            claimed.forEach((id, file) -> {
                String path = claimedPath.get(id);
                RecordState base = state.get(id.value()).orElseThrow();
                Optional<RecordId> parent = layout.parentInFrontmatter() ? file.parent()
                        : path.equals(base.path()) ? base.parent().map(RecordId::of)
                        : folders.parentOf(path).existing();
                parent.filter(p -> layout.parentInFrontmatter() && !base.parent().equals(Optional.of(p.value())))
                        .ifPresent(p -> requireKnownParent(path, p));
                RecordFile neutral = new RecordFile(Optional.of(id), file.title(), file.status(), file.labels(),
                        layout.parentInFrontmatter() ? parent : Optional.empty(),
                        links.toNeutral(file.body(), path, base.remoteAttachmentLinks(),
                                AttachmentPlanner.linking(trees, pushed, path, linked)));
                String hash = hasher.contentHash(neutral);
                boolean moved = !parent.map(RecordId::value).equals(base.parent());
                if (moved || !hash.equals(base.contentHash())) {
                    updates.add(new PlannedWrite.Update(id, path, base, neutral, parent, hash));
                }
            });
            List<PlannedWrite.Create> creates = new ArrayList<>();
            created.entrySet().stream().sorted(Comparator.comparing((Map.Entry<String, RecordFile> e) ->
                    e.getKey().chars().filter(c -> c == '/').count()).thenComparing(Map.Entry::getKey)).forEach(entry -> {
                        String path = entry.getKey();
                        RecordFile file = entry.getValue();
                        if (file.status() != RecordStatus.CURRENT) {
                            throw new ReposixException(PushErrorCode.UNSUPPORTED, path + ": new pages are created"
                                    + " as current; remove the status line (or set it after the page exists)");
                        }
                        Folders.Parent parent = layout.parentInFrontmatter()
                                ? new Folders.Parent(file.parent(), Optional.empty()) : folders.parentOf(path);
                        parent.existing().filter(p -> layout.parentInFrontmatter()).ifPresent(p -> requireKnownParent(path, p));
                        RecordFile neutral = new RecordFile(Optional.empty(), file.title(), file.status(), file.labels(),
                                parent.existing(), links.toNeutral(file.body(), path, Map.of(),
                                        AttachmentPlanner.linking(trees, pushed, path, linked)));
                        creates.add(new PlannedWrite.Create(path, neutral, parent.existing(), parent.createdFrom()));
                    });
            AttachmentPlanner.Planned attachments = planAttachments(deletes);
            return new PushPlan(stateCommit, state, pushed, config, creates, updates, deletes, attachments.uploads(),
                    attachments.deletes(), commits.subject(), commits.pusher());
        }

        private AttachmentPlanner.Planned planAttachments(List<PlannedWrite.Delete> deletes) {
            Set<RecordId> gone = deletes.stream().map(PlannedWrite.Delete::id).collect(Collectors.toSet());
            Map<RecordId, String> pagesAfter = new LinkedHashMap<>();
            state.records().forEach((id, record) -> {
                if (!gone.contains(RecordId.of(id))) {
                    pagesAfter.put(RecordId.of(id), claimedPath.getOrDefault(RecordId.of(id), record.path()));
                }
            });
            return new AttachmentPlanner(cache.repository(), trees, state, stateCommit, pushed, attachmentMaxBytes)
                    .plan(assetChanges, pagesAfter, created.keySet(), linked);
        }

        private void requireKnownParent(String path, RecordId parent) {
            if (state.get(parent.value()).isEmpty()) {
                throw new ReposixException(PushErrorCode.UNSUPPORTED, path + ": parent " + parent.value() + " is not a"
                        + " page of this space as of your base; set parent to the id of an existing page");
            }
        }

        /** Where every record lives after the push, for turning relative links back into record links. */
        private LayoutPlan planAfter(List<PlannedWrite.Delete> deletes) {
            Map<RecordId, String> paths = new LinkedHashMap<>();
            state.records().forEach((id, record) -> paths.put(RecordId.of(id), record.path()));
            deletes.forEach(delete -> paths.remove(delete.id()));
            paths.putAll(claimedPath);
            List<Placement> placements = new ArrayList<>();
            paths.forEach((id, path) -> placements.add(new Placement(id, RecordKind.DOCUMENT, path, Optional.empty())));
            try {
                return new LayoutPlan(config.recordsFolder(), placements);
            } catch (IllegalArgumentException clash) {
                throw new ReposixException(PushErrorCode.UNSUPPORTED, "two pages would share a file name after this"
                        + " push (" + clash.getMessage() + "); file names must differ in more than letter case", clash);
            }
        }

        /**
         * Which record owns a directory of the tree layout, i.e. is the parent of a file placed in it:
         * the page whose file is {@code <dir>.md}, or the parent of pages already living there (which
         * covers Confluence folders and shortened deep folders). The records folder itself is the top.
         */
        private final class Folders {

            private final Map<String, RecordId> owners = new HashMap<>();
            private final Map<String, String> createdOwners = new HashMap<>();

            Folders(List<PlannedWrite.Delete> deletes) {
                Set<RecordId> gone = deletes.stream().map(PlannedWrite.Delete::id).collect(Collectors.toSet());
                Map<RecordId, RecordState> staying = new LinkedHashMap<>();
                state.records().forEach((id, record) -> {
                    if (!gone.contains(RecordId.of(id)) && !claimed.containsKey(RecordId.of(id))) {
                        staying.put(RecordId.of(id), record);
                    }
                });
                // pages already in a folder name its owner (Confluence folders, shortened deep folders) ...
                staying.values().forEach(record -> record.parent()
                        .ifPresent(parent -> owners.put(directoryOf(record.path()), RecordId.of(parent))));
                // ... and a page's own folder, where it has one, wins
                staying.forEach((id, record) -> ownFolder(record.path()).ifPresent(folder -> owners.put(folder, id)));
                claimedPath.forEach((id, path) -> ownFolder(path).ifPresent(folder -> owners.put(folder, id)));
                created.keySet().forEach(path -> ownFolder(path).ifPresent(folder -> createdOwners.put(folder, path)));
            }

            Parent parentOf(String path) {
                String directory = directoryOf(path);
                if (directory.equals(config.recordsFolder())) {
                    return new Parent(Optional.empty(), Optional.empty());
                }
                RecordId owner = owners.get(directory);
                if (owner != null) {
                    return new Parent(Optional.of(owner), Optional.empty());
                }
                String createdOwner = createdOwners.get(directory);
                if (createdOwner != null) {
                    return new Parent(Optional.empty(), Optional.of(createdOwner));
                }
                throw new ReposixException(PushErrorCode.UNSUPPORTED, path + " is in " + directory + "/, which belongs"
                        + " to no page; create " + directory + ".md as its page, or move the file into the folder of"
                        + " an existing page");
            }

            private Optional<String> ownFolder(String path) {
                if (config.layout() != LayoutKind.TREE || path.equals(config.recordsFolder() + "/"
                        + TreeLayout.HOMEPAGE_FILE)) {
                    return Optional.empty();
                }
                return Optional.of(path.substring(0, path.length() - ".md".length()));
            }

            private String directoryOf(String path) {
                return path.substring(0, path.lastIndexOf('/'));
            }

            /** A parent that exists, or one the same push creates from a file, or neither (the top). */
            record Parent(Optional<RecordId> existing, Optional<String> createdFrom) {
            }
        }
    }

    static String describe(FileKind kind) {
        return switch (kind) {
            case SYMLINK -> "a symbolic link";
            case SUBMODULE -> "a submodule";
            case EXECUTABLE -> "executable";
            case REGULAR -> "a regular file";
        };
    }
}
