package dev.reposix.git;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the sync layer remembers about one file attached to a record as of one sync commit: its file
 * name and version in the source of truth, its size, and where it lives in the tree. A file too
 * large to download has no file in the tree; its {@code remoteLink} is where the record's Markdown
 * links instead. Immutable and thread-safe.
 *
 * @param fileName the file name in the source of truth
 * @param version the attachment's version, 1 or more
 * @param size its size in bytes
 * @param path the path of its file in the tree (in the record's {@code .assets} folder)
 * @param remoteLink the source of truth's link to the file when it was not downloaded; empty when
 *     the file is in the tree
 * @since 0.1
 */
public record AttachmentState(String fileName, long version, long size, String path, Optional<String> remoteLink) {

    /**
     * Validates.
     *
     * @param fileName the file name
     * @param version the version
     * @param size the size
     * @param path the path
     * @param remoteLink the link, for a file not downloaded
     */
    public AttachmentState {
        requireNonNull(fileName, "fileName is null");
        if (fileName.isEmpty()) {
            throw new IllegalArgumentException("attachment file name is empty");
        }
        if (version < 1 || size < 0) {
            throw new IllegalArgumentException("attachment " + fileName + " needs version >= 1 and size >= 0: "
                    + version + ", " + size);
        }
        path = GitPath.of(requireNonNull(path, "path is null")).value();
        requireNonNull(remoteLink, "remoteLink is null");
        remoteLink.ifPresent(link -> {
            if (link.isEmpty() || link.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("remote link of " + fileName + " is empty or has whitespace");
            }
        });
    }

    /**
     * Whether the file is in the tree (it was not too large to download).
     *
     * @return true if the tree holds the file at {@link #path()}
     */
    public boolean inTree() {
        return remoteLink.isEmpty();
    }

    /**
     * The links by file name of the files among {@code attachments} that are not in the tree, which
     * a record's Markdown links to instead.
     *
     * @param attachments a record's attachments
     * @return the links by file name, sorted
     */
    public static SortedMap<String, String> remoteLinks(Collection<AttachmentState> attachments) {
        SortedMap<String, String> links = new TreeMap<>();
        attachments.forEach(file -> file.remoteLink().ifPresent(link -> links.put(file.fileName(), link)));
        return links;
    }
}
