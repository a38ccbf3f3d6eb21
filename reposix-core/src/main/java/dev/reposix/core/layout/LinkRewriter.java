package dev.reposix.core.layout;

import static java.util.Objects.requireNonNull;

import dev.reposix.api.RecordId;
import dev.reposix.api.RecordLinks;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Rewrites links in a Markdown body between the neutral form that crosses the SPI
 * ({@code reposix:record/<id>#anchor}, {@code reposix:attachment/<file>}) and relative paths in the
 * working tree ({@code ../Ops/Runbook.md#anchor}, {@code Runbook.assets/diagram.png}), so that
 * links work on GitHub and in editors while backends never need the layout.
 *
 * <p>Only link and image destinations and link reference definitions outside code are touched.
 * Towards the tree, a neutral link to a record that has no file (unknown, or a folder) stays
 * neutral. Towards the neutral form, only a relative link that resolves to a record's file, or to
 * a file in the page's own {@code .assets} folder, changes; anything else (web links, links to
 * other files) stays as written. Every link this class writes comes back exactly.
 *
 * <p>Immutable and thread-safe.
 */
public final class LinkRewriter {

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final String ASSETS_SUFFIX = ".assets";

    private final LayoutPlan plan;

    /**
     * A rewriter for the records of a plan.
     *
     * @param plan where every record lives
     */
    public LinkRewriter(LayoutPlan plan) {
        this.plan = requireNonNull(plan, "plan is null");
    }

    /**
     * The attachments folder of a page file: {@code pages/Ops/Runbook.assets} for
     * {@code pages/Ops/Runbook.md}.
     *
     * @param pageFile a record's file, ending in {@code .md}
     * @return the folder, relative to the tree root
     */
    public static String assetsFolderOf(String pageFile) {
        if (!pageFile.endsWith(".md")) {
            throw new IllegalArgumentException("not a page file: " + pageFile);
        }
        return pageFile.substring(0, pageFile.length() - 3) + ASSETS_SUFFIX;
    }

    /**
     * The attachments folder a path lies in, if any: its first folder whose name ends in
     * {@code .assets} (page titles never produce one; their names escape that ending).
     *
     * @param path a path relative to the tree root
     * @return the folder, e.g. {@code pages/Ops/Runbook.assets}
     */
    public static Optional<String> assetsFolderContaining(String path) {
        int start = 0;
        int slash;
        while ((slash = path.indexOf('/', start)) >= 0) {
            if (slash - start > ASSETS_SUFFIX.length() && path.substring(start, slash).endsWith(ASSETS_SUFFIX)) {
                return Optional.of(path.substring(0, slash));
            }
            start = slash + 1;
        }
        return Optional.empty();
    }

    /**
     * Whether a path lies inside some page's attachments folder, so that it is an attachment and
     * never a record file, even when it ends in {@code .md}.
     *
     * @param path a path relative to the tree root
     * @return true for an attachment file
     */
    public static boolean isInAssetsFolder(String path) {
        return assetsFolderContaining(path).isPresent();
    }

    /**
     * The page file an attachments folder belongs to, the inverse of {@link #assetsFolderOf}.
     *
     * @param assetsFolder a folder ending in {@code .assets}
     * @return the page's file, e.g. {@code pages/Ops/Runbook.md}
     */
    public static String pageFileOf(String assetsFolder) {
        if (!assetsFolder.endsWith(ASSETS_SUFFIX)) {
            throw new IllegalArgumentException("not an attachments folder: " + assetsFolder);
        }
        return assetsFolder.substring(0, assetsFolder.length() - ASSETS_SUFFIX.length()) + ".md";
    }

    /**
     * Neutral links to relative paths, for writing a body into the file at {@code sourceFile}.
     *
     * @param markdown the body as the backend gave it
     * @param sourceFile the file the body is written to, relative to the tree root
     * @return the body with working-tree links
     */
    public String toWorkingTree(String markdown, String sourceFile) {
        return toWorkingTree(markdown, sourceFile, Map.of());
    }

    /**
     * Neutral links to relative paths, except that links to attachments kept only in the source of
     * truth (too large to download) go to the source of truth's link instead.
     *
     * @param markdown the body as the backend gave it
     * @param sourceFile the file the body is written to, relative to the tree root
     * @param remoteFiles absolute links by attachment file name, for attachments not in the tree
     * @return the body with working-tree links
     */
    public String toWorkingTree(String markdown, String sourceFile, Map<String, String> remoteFiles) {
        return rewrite(markdown, sourceFile, true, remoteFiles, path -> Optional.empty());
    }

    /**
     * Relative paths back to neutral links, for sending the body of {@code sourceFile} to a backend.
     *
     * @param markdown the body as read from the file
     * @param sourceFile the file the body was read from, relative to the tree root
     * @return the body with neutral links
     */
    public String toNeutral(String markdown, String sourceFile) {
        return toNeutral(markdown, sourceFile, Map.of());
    }

    /**
     * Relative paths back to neutral links; a link that is exactly one of {@code remoteFiles}' links
     * becomes the neutral link to that attachment again.
     *
     * @param markdown the body as read from the file
     * @param sourceFile the file the body was read from, relative to the tree root
     * @param remoteFiles absolute links by attachment file name, for attachments not in the tree
     * @return the body with neutral links
     */
    public String toNeutral(String markdown, String sourceFile, Map<String, String> remoteFiles) {
        return rewrite(markdown, sourceFile, false, remoteFiles, path -> Optional.empty());
    }

    /**
     * Relative paths back to neutral links, like {@link #toNeutral(String, String, Map)}, and also links
     * to other files of the tree that {@code attach} names an attachment for (a push uploads such a
     * file to the page and links it as an attachment).
     *
     * @param markdown the body as read from the file
     * @param sourceFile the file the body was read from, relative to the tree root
     * @param remoteFiles absolute links by attachment file name, for attachments not in the tree
     * @param attach for a linked file that is neither a record's file nor in the page's own
     *     {@code .assets} folder (a path relative to the tree root), the attachment file name to link
     *     instead, or empty to leave the link as written
     * @return the body with neutral links
     */
    public String toNeutral(String markdown, String sourceFile, Map<String, String> remoteFiles,
            Function<String, Optional<String>> attach) {
        return rewrite(markdown, sourceFile, false, remoteFiles, requireNonNull(attach, "attach is null"));
    }

    private String rewrite(String markdown, String sourceFile, boolean towardsTree, Map<String, String> remoteFiles,
            Function<String, Optional<String>> attach) {
        List<MarkdownLinks.Destination> destinations = MarkdownLinks.find(markdown);
        if (destinations.isEmpty()) {
            return markdown;
        }
        StringBuilder rewritten = new StringBuilder(markdown.length());
        int copied = 0;
        for (MarkdownLinks.Destination destination : destinations) {
            String target = markdown.substring(destination.start(), destination.end());
            Optional<String> replacement = towardsTree ? towardsTree(target, sourceFile, remoteFiles)
                    : remoteAttachment(target, remoteFiles).or(() -> towardsNeutral(target, sourceFile, attach));
            if (replacement.isPresent()) {
                rewritten.append(markdown, copied, destination.start()).append(replacement.get());
                copied = destination.end();
            }
        }
        return rewritten.append(markdown, copied, markdown.length()).toString();
    }

    private static Optional<String> remoteAttachment(String target, Map<String, String> remoteFiles) {
        return remoteFiles.entrySet().stream().filter(file -> file.getValue().equals(target)).findFirst()
                .map(file -> RecordLinks.attachmentTarget(file.getKey()));
    }

    private Optional<String> towardsTree(String target, String sourceFile, Map<String, String> remoteFiles) {
        String directory = LinkPaths.directoryOf(sourceFile);
        Optional<RecordId> record = RecordLinks.recordOf(target);
        if (record.isPresent()) {
            int hash = target.indexOf('#');
            String anchor = hash < 0 ? "" : target.substring(hash + 1);
            if (!target.equals(RecordLinks.target(record.get(), anchor))) {
                return Optional.empty();
            }
            return plan.placement(record.get()).filter(Placement::isFile).map(placement ->
                    LinkPaths.encode(LinkPaths.relative(directory, placement.path())) + (hash < 0 ? "" : "#" + anchor));
        }
        Optional<String> attachment = RecordLinks.attachmentOf(target);
        if (attachment.isPresent() && remoteFiles.containsKey(attachment.get())
                && target.equals(RecordLinks.attachmentTarget(attachment.get()))) {
            return Optional.of(remoteFiles.get(attachment.get()));
        }
        if (attachment.isPresent() && sourceFile.endsWith(".md")) {
            String fileName = SafeNames.attachmentFileName(attachment.get());
            // Only names that come back identical are rewritten, so the round trip stays exact.
            if (!target.equals(RecordLinks.attachmentTarget(attachment.get()))
                    || !SafeNames.title(fileName).equals(attachment.get())) {
                return Optional.empty();
            }
            String path = assetsFolderOf(sourceFile) + "/" + fileName;
            return Optional.of(LinkPaths.encode(LinkPaths.relative(directory, path)));
        }
        return Optional.empty();
    }

    private Optional<String> towardsNeutral(String target, String sourceFile,
            Function<String, Optional<String>> attach) {
        if (SCHEME.matcher(target).find() || target.startsWith("#") || target.startsWith("/")) {
            return Optional.empty();
        }
        int hash = target.indexOf('#');
        String pathPart = hash < 0 ? target : target.substring(0, hash);
        if (pathPart.indexOf('?') >= 0 || hash == target.length() - 1) {
            return Optional.empty();
        }
        Optional<String> resolved = LinkPaths.decode(pathPart)
                .flatMap(decoded -> LinkPaths.resolve(LinkPaths.directoryOf(sourceFile), decoded));
        if (resolved.isEmpty()) {
            return Optional.empty();
        }
        Optional<RecordId> record = plan.recordAt(resolved.get())
                .filter(id -> plan.placement(id).filter(Placement::isFile).isPresent());
        if (record.isPresent()) {
            return Optional.of(RecordLinks.target(record.get(), hash < 0 ? "" : target.substring(hash + 1)));
        }
        if (hash < 0 && sourceFile.endsWith(".md")) {
            String assets = assetsFolderOf(sourceFile) + "/";
            String name = resolved.get().startsWith(assets) ? resolved.get().substring(assets.length()) : "";
            if (!name.isEmpty() && name.indexOf('/') < 0) {
                return Optional.of(RecordLinks.attachmentTarget(SafeNames.title(name)));
            }
            return attach.apply(resolved.get()).map(RecordLinks::attachmentTarget);
        }
        return Optional.empty();
    }

    /**
     * The records a Markdown body in the neutral form links to, outside code.
     *
     * @param neutralMarkdown a body with {@code reposix:record/<id>} links
     * @return the linked records' ids
     */
    public static Set<RecordId> linkedRecords(String neutralMarkdown) {
        Set<RecordId> linked = new TreeSet<>(Comparator.comparing(RecordId::value));
        for (MarkdownLinks.Destination destination : MarkdownLinks.find(neutralMarkdown)) {
            RecordLinks.recordOf(neutralMarkdown.substring(destination.start(), destination.end()))
                    .ifPresent(linked::add);
        }
        return linked;
    }
}
