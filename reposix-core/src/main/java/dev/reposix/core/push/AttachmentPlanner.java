package dev.reposix.core.push;

import dev.reposix.api.RecordId;
import dev.reposix.api.ReposixException;
import dev.reposix.core.AttachmentLimit;
import dev.reposix.core.layout.LinkRewriter;
import dev.reposix.core.layout.SafeNames;
import dev.reposix.git.AttachmentState;
import dev.reposix.git.FileKind;
import dev.reposix.git.GitErrorCode;
import dev.reposix.git.PathChange;
import dev.reposix.git.RecordState;
import dev.reposix.git.SyncState;
import dev.reposix.git.TreeReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * Plans the attachment side of a push: compares, per page, the files of its {@code .assets} folder
 * at the base (as the sync state records them) with those in the pushed tree, matched by file name
 * rather than path, so that a page move (which renames its folder) uploads and deletes nothing. New
 * or changed bytes become uploads, files gone from a page that stays become deletes, and a page's
 * deletion takes its attachments along without writes of their own. Anything that cannot become an
 * attachment is refused before a request: nested folders, links, submodules, executables, a folder
 * no page owns, a file above the size cap. Not thread-safe.
 */
final class AttachmentPlanner {

    private final Repository repository;
    private final TreeReader trees;
    private final SyncState state;
    private final ObjectId stateCommit;
    private final ObjectId pushed;
    private final long maxBytes;
    private final Map<String, Long> sizes = new HashMap<>();

    AttachmentPlanner(Repository repository, TreeReader trees, SyncState state, ObjectId stateCommit, ObjectId pushed,
            long maxBytes) {
        this.repository = repository;
        this.trees = trees;
        this.state = state;
        this.stateCommit = stateCommit;
        this.pushed = pushed;
        this.maxBytes = maxBytes;
    }

    /**
     * For a changed page, turns a link to another file of the pushed tree (not a Markdown file, not a
     * dot-file, not in the page's own {@code .assets} folder) into an attachment of the page,
     * collecting the upload.
     *
     * @param trees reads the pushed tree
     * @param pushed the pushed commit
     * @param pagePath the page's file
     * @param into where the linked files are collected
     * @return the function {@link dev.reposix.core.layout.LinkRewriter#toNeutral(String, String, Map,
     *     java.util.function.Function)} asks
     */
    static Function<String, Optional<String>> linking(TreeReader trees, ObjectId pushed, String pagePath,
            List<LinkedFile> into) {
        return target -> {
            // Markdown files (pages, or the repository's own README) and dot-files (.github/, .reposix/,
            // .gitattributes) are the repository's, never a page's attachment.
            if (target.endsWith(".md") || target.startsWith(".") || target.contains("/.")
                    || trees.blobAt(pushed, target).isEmpty()) {
                return Optional.empty();
            }
            String fileName = SafeNames.title(nameOf(target));
            if (!SafeNames.title(SafeNames.attachmentFileName(fileName)).equals(fileName)) {
                return Optional.empty();
            }
            into.add(new LinkedFile(pagePath, target, fileName));
            return Optional.of(fileName);
        };
    }

    /**
     * Plans the uploads and deletes.
     *
     * @param changes the changed paths that lie in {@code .assets} folders
     * @param pagesAfter every existing page that stays, with its file after the push
     * @param created the files of pages the push creates
     * @param linked files outside a page's folder that a changed page links to, to upload to that page
     * @return the writes
     */
    Planned plan(List<PathChange> changes, Map<RecordId, String> pagesAfter, Set<String> created,
            List<LinkedFile> linked) {
        Map<String, RecordId> pageAt = new HashMap<>();
        pagesAfter.forEach((id, path) -> pageAt.put(path, id));
        Map<String, RecordId> baseFolders = new HashMap<>();
        state.records().forEach((id, record) -> {
            if (record.path().endsWith(".md")) {
                baseFolders.put(LinkRewriter.assetsFolderOf(record.path()), RecordId.of(id));
            }
        });
        Set<RecordId> touched = new LinkedHashSet<>();
        for (PathChange change : changes) {
            String folder = LinkRewriter.assetsFolderContaining(change.path()).orElseThrow();
            if (change.newBlob().isPresent()) {
                requireAttachable(change.path(), folder, change.newKind().orElseThrow());
                String page = LinkRewriter.pageFileOf(folder);
                RecordId owner = pageAt.get(page);
                if (owner == null && !created.contains(page)) {
                    throw noPage(change.path(), folder);
                }
                if (owner != null) {
                    touched.add(owner);
                }
            } else {
                Optional.ofNullable(baseFolders.get(folder)).filter(pagesAfter::containsKey).ifPresent(touched::add);
                Optional.ofNullable(pageAt.get(LinkRewriter.pageFileOf(folder))).ifPresent(touched::add);
            }
        }
        // a page that moved or went away must not leave its folder behind without a page
        state.records().forEach((id, record) -> {
            String after = pagesAfter.get(RecordId.of(id));
            if (record.path().endsWith(".md") && !record.path().equals(after) && !pageAt.containsKey(record.path())
                    && !created.contains(record.path())) {
                String folder = LinkRewriter.assetsFolderOf(record.path());
                filesIn(folder).keySet().stream().findFirst().ifPresent(leftover -> {
                    throw new ReposixException(PushErrorCode.UNSUPPORTED, leftover + " is in " + folder + "/, the"
                            + " attachments folder of " + record.path() + ", which this push " + (after == null
                            ? "deletes; remove the folder too (git rm -r '" + folder + "')"
                            : "moves to " + after + "; move the folder with it (git mv '" + folder + "' '"
                                    + LinkRewriter.assetsFolderOf(after) + "')") + " and push again");
                });
                if (after != null && !record.attachments().isEmpty()) {
                    touched.add(RecordId.of(id));
                }
            }
        });
        Map<String, List<LinkedFile>> linkedByPage = new LinkedHashMap<>();
        linked.forEach(file -> linkedByPage.computeIfAbsent(file.pagePath(), page -> new ArrayList<>()).add(file));
        linkedByPage.keySet().forEach(page -> Optional.ofNullable(pageAt.get(page)).ifPresent(touched::add));
        List<PlannedWrite.AttachmentUpload> uploads = new ArrayList<>();
        List<PlannedWrite.AttachmentDelete> deletes = new ArrayList<>();
        for (RecordId id : touched) {
            comparePage(id, pagesAfter.get(id), linkedByPage.getOrDefault(pagesAfter.get(id), List.of()), uploads,
                    deletes);
        }
        for (String page : created) {
            Map<String, Entry> files = filesIn(LinkRewriter.assetsFolderOf(page));
            files.forEach((path, entry) -> uploads.add(upload(path, Optional.empty(), page,
                    SafeNames.title(nameOf(path)), entry.blob(), Optional.empty())));
            addLinked(Optional.empty(), page, linkedByPage.getOrDefault(page, List.of()), new HashMap<>(),
                    byName(files), uploads);
        }
        return new Planned(uploads, deletes);
    }

    private void comparePage(RecordId id, String pagePath, List<LinkedFile> linked,
            List<PlannedWrite.AttachmentUpload> uploads, List<PlannedWrite.AttachmentDelete> deletes) {
        RecordState base = state.get(id.value()).orElseThrow();
        Map<String, Map.Entry<String, AttachmentState>> baseByName = new HashMap<>();
        Map<String, Map.Entry<String, AttachmentState>> remoteOnly = new HashMap<>();
        for (Map.Entry<String, AttachmentState> attachment : base.attachments().entrySet()) {
            if (attachment.getValue().inTree()) {
                baseByName.put(nameOf(attachment.getValue().path()), attachment);
            } else {
                remoteOnly.put(attachment.getValue().fileName(), attachment);
            }
        }
        Map<String, Entry> files = filesIn(LinkRewriter.assetsFolderOf(pagePath));
        for (Map.Entry<String, Entry> file : files.entrySet()) {
            String name = nameOf(file.getKey());
            Map.Entry<String, AttachmentState> known = baseByName.get(name);
            if (known == null) {
                known = remoteOnly.get(SafeNames.title(name));
            } else if (trees.blobAt(stateCommit, known.getValue().path()).equals(Optional.of(file.getValue().blob()))) {
                continue;
            }
            String fileName = known == null ? SafeNames.title(name) : known.getValue().fileName();
            uploads.add(upload(file.getKey(), Optional.of(id), pagePath, fileName, file.getValue().blob(),
                    Optional.ofNullable(known)));
        }
        Map<String, String> staying = byName(files);
        baseByName.forEach((name, attachment) -> {
            if (!staying.containsKey(name)) {
                deletes.add(new PlannedWrite.AttachmentDelete(attachment.getValue().path(), id, pagePath,
                        attachment.getKey(), attachment.getValue()));
            }
        });
        Map<String, Map.Entry<String, AttachmentState>> baseByFileName = new HashMap<>();
        base.attachments().entrySet().forEach(attachment -> baseByFileName.put(attachment.getValue().fileName(),
                attachment));
        addLinked(Optional.of(id), pagePath, linked, baseByFileName, staying, uploads);
    }

    /**
     * Uploads files a page links to from outside its folder, unless the page has a file of that name
     * already: the same bytes need no upload, other bytes are a clash the user resolves.
     */
    private void addLinked(Optional<RecordId> page, String pagePath, List<LinkedFile> linked,
            Map<String, Map.Entry<String, AttachmentState>> baseByFileName, Map<String, String> inFolder,
            List<PlannedWrite.AttachmentUpload> uploads) {
        Map<String, ObjectId> planned = new HashMap<>();
        for (LinkedFile file : linked) {
            ObjectId blob = trees.blobAt(pushed, file.path()).orElseThrow();
            Optional<ObjectId> existing = Optional.ofNullable(planned.get(file.fileName()))
                    .or(() -> Optional.ofNullable(inFolder.get(SafeNames.attachmentFileName(file.fileName())))
                            .flatMap(path -> trees.blobAt(pushed, path)))
                    .or(() -> Optional.ofNullable(baseByFileName.get(file.fileName()))
                            .map(attachment -> attachment.getValue().inTree()
                                    ? trees.blobAt(stateCommit, attachment.getValue().path()).orElse(ObjectId.zeroId())
                                    : ObjectId.zeroId()));
            if (existing.isPresent()) {
                if (!existing.get().equals(blob)) {
                    throw new ReposixException(PushErrorCode.INVALID_FILE, pagePath + " links to " + file.path()
                            + ", but the page already has another attachment named \"" + file.fileName() + "\"; rename"
                            + " the file, or put it in " + LinkRewriter.assetsFolderOf(pagePath) + "/ and link it"
                            + " there, then push again");
                }
                continue;
            }
            requireAttachable(file.path(), "", kindAt(file.path()));
            planned.put(file.fileName(), blob);
            uploads.add(upload(file.path(), page, pagePath, file.fileName(), blob, Optional.empty()));
        }
    }

    private PlannedWrite.AttachmentUpload upload(String path, Optional<RecordId> page, String pagePath,
            String fileName, ObjectId blob, Optional<Map.Entry<String, AttachmentState>> base) {
        long size = sizeOf(path, blob);
        if (size > maxBytes) {
            throw new ReposixException(PushErrorCode.INVALID_FILE, path + " is " + size + " bytes, more than the "
                    + maxBytes + " bytes an attachment may have (" + AttachmentLimit.VARIABLE + "); remove"
                    + " it from your commits (git rm --cached '" + path + "', then amend), or raise "
                    + AttachmentLimit.VARIABLE + " for the process that pushes");
        }
        return new PlannedWrite.AttachmentUpload(path, page, pagePath, fileName, MediaTypes.of(fileName), blob, size,
                base.map(Map.Entry::getKey), base.map(Map.Entry::getValue));
    }

    private void requireAttachable(String path, String folder, FileKind kind) {
        if (!folder.isEmpty() && path.indexOf('/', folder.length() + 1) >= 0) {
            throw new ReposixException(PushErrorCode.INVALID_FILE, path + " is in a folder inside " + folder
                    + "/; attachments are the files directly in a page's .assets folder. Move it up into " + folder
                    + "/ (or out of the records folder) and push again");
        }
        if (kind != FileKind.REGULAR) {
            throw new ReposixException(PushErrorCode.INVALID_FILE, path + " is " + PushPlanner.describe(kind) + "; only regular"
                    + " files can become attachments. Replace it with a regular file" + (kind == FileKind.EXECUTABLE
                    ? " (git update-index --chmod=-x '" + path + "')" : "") + " or remove it, and push again");
        }
    }

    private static ReposixException noPage(String path, String folder) {
        return new ReposixException(PushErrorCode.UNSUPPORTED, path + " is in " + folder + "/, an attachments"
                + " folder without a page: there is no " + LinkRewriter.pageFileOf(folder) + ". Move the file into the .assets"
                + " folder next to an existing page (<Page>.assets/ beside <Page>.md), or remove it, and push again");
    }

    /** The files in a folder of the pushed tree, by path; anything that cannot be an attachment is refused. */
    private Map<String, Entry> filesIn(String folder) {
        SortedMap<String, Entry> files = new TreeMap<>();
        try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader);
                TreeWalk treeWalk = new TreeWalk(reader)) {
            treeWalk.addTree(walk.parseCommit(pushed).getTree());
            treeWalk.setRecursive(true);
            treeWalk.setFilter(PathFilter.create(folder));
            while (treeWalk.next()) {
                String path = treeWalk.getPathString();
                requireAttachable(path, folder, FileKind.of(treeWalk.getRawMode(0)));
                files.put(path, new Entry(treeWalk.getObjectId(0)));
            }
            return files;
        } catch (IOException e) {
            throw new ReposixException(GitErrorCode.GIT_FAILURE, "listing " + folder + " of the pushed commit: "
                    + e.getMessage(), e);
        }
    }

    private FileKind kindAt(String path) {
        try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader);
                TreeWalk treeWalk = TreeWalk.forPath(reader, path, walk.parseCommit(pushed).getTree())) {
            return treeWalk == null ? FileKind.REGULAR : FileKind.of(treeWalk.getRawMode(0));
        } catch (IOException e) {
            throw new ReposixException(GitErrorCode.GIT_FAILURE, "reading " + path + " of the pushed commit: "
                    + e.getMessage(), e);
        }
    }

    private long sizeOf(String path, ObjectId blob) {
        return sizes.computeIfAbsent(blob.name(), name -> {
            try (ObjectReader reader = repository.newObjectReader()) {
                return reader.getObjectSize(blob, Constants.OBJ_BLOB);
            } catch (IOException e) {
                throw new ReposixException(GitErrorCode.GIT_FAILURE, "reading " + path + " of the pushed commit: "
                        + e.getMessage(), e);
            }
        });
    }

    private static Map<String, String> byName(Map<String, Entry> files) {
        Map<String, String> byName = new HashMap<>();
        files.keySet().forEach(path -> byName.put(nameOf(path), path));
        return byName;
    }

    private static String nameOf(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** A file of the pushed tree. */
    private record Entry(ObjectId blob) {
    }

    /**
     * A file outside a page's {@code .assets} folder that the page links to, to upload to the page.
     *
     * @param pagePath the page's file after the push
     * @param path the linked file
     * @param fileName the attachment's file name (the linked file's name)
     */
    record LinkedFile(String pagePath, String path, String fileName) {
    }

    /**
     * The planned attachment writes.
     *
     * @param uploads the uploads
     * @param deletes the deletes
     */
    record Planned(List<PlannedWrite.AttachmentUpload> uploads, List<PlannedWrite.AttachmentDelete> deletes) {
    }
}
