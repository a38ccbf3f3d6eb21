package dev.reposix.core.push;

import dev.reposix.api.ReposixException;
import dev.reposix.core.layout.LinkRewriter;
import dev.reposix.core.layout.TreeConfig;
import dev.reposix.git.Cache;
import dev.reposix.git.MirrorRemote;
import dev.reposix.git.PathChange;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The bus: after a push reached the source of truth, the mirror named by the remote URL's
 * {@code ?mirror=<remote-name>} gets the new {@code main} too — a fast-forward with a lease on the
 * tip read before the push, never forced — and the sync state behind it. The mirror leg never fails
 * a push that reached the source of truth: each problem is a warning, and the next
 * {@code reposix mirror sync} catches up. It is skipped when the pushed {@code main} does not
 * descend from the mirror's, and when it would remove pages from the mirror that the push did not
 * delete (a writer whose account sees fewer pages than the sync account). The
 * {@code refs/mirrors/*} refs are left to mirror sync: a push brings only its own pages up to date.
 * Not thread-safe.
 *
 * @since 0.1
 */
public final class MirrorRelay {

    private final Cache cache;
    private final MirrorRemote mirror;
    private final Optional<ObjectId> lease;

    /**
     * Prepares the relay: the mirror is resolved, its URLs have passed the egress policy, and its
     * {@code main} has been read as the lease.
     *
     * @param cache the cache
     * @param mirror the mirror, allowed by the egress policy
     */
    MirrorRelay(Cache cache, MirrorRemote mirror) {
        this.cache = cache;
        this.mirror = mirror;
        this.lease = mirror.readMain();
    }

    /**
     * Pushes the cache's {@code main} and sync state to the mirror.
     *
     * @param report what the push did to the source of truth
     * @return warnings for the pusher; empty when the mirror got everything
     */
    public List<String> relay(PushReport report) {
        String name = mirror.displayName();
        if (lease.isEmpty()) {
            return List.of("the mirror " + name + " has no main yet; run reposix mirror sync to create it");
        }
        try {
            ObjectId tip = cache.main().orElseThrow();
            ObjectId mirrored = mirror.fetchMain(lease.get());
            if (!cache.isAncestor(mirrored, tip)) {
                return List.of("your main does not descend from the main of " + name + ", so the mirror was left"
                        + " alone (never rewritten); the next reposix mirror sync catches up");
            }
            List<String> removed = removedBeyondPush(mirrored, tip, report);
            if (!removed.isEmpty()) {
                return List.of("the mirror " + name + " has " + removed.size() + " page file(s) your cache does not"
                        + " (e.g. " + removed.get(0) + ": deleted in Confluence since the mirror's last sync, or your"
                        + " account sees fewer pages than the one that syncs the mirror), so the mirror was left alone"
                        + " rather than lose pages; the next reposix mirror sync catches up");
            }
            return switch (mirror.pushMain(lease)) {
                case LEASE_LOST -> List.of("the mirror " + name + " moved during this push; it was left alone and"
                        + " the next reposix mirror sync catches up");
                case PUSHED, UP_TO_DATE -> mirror.pushState().map(warning -> List.of("the mirror " + name
                        + " has the new main, but its sync state was not updated: " + warning)).orElse(List.of());
            };
        } catch (ReposixException failure) {
            return List.of("pushing to the mirror " + name + " failed: " + failure.getMessage()
                    + "; the next reposix mirror sync catches up");
        }
    }

    private List<String> removedBeyondPush(ObjectId mirrored, ObjectId tip, PushReport report) {
        String folder = cache.trees().blobAt(tip, TreeConfig.PATH)
                .map(blob -> TreeConfig.parse(cache.trees().readBlob(blob)).recordsFolder() + "/").orElse("");
        return cache.trees().diff(Optional.of(mirrored), tip).stream()
                .filter(change -> change.kind() == PathChange.Kind.DELETED && change.path().startsWith(folder))
                // only page files count: attachments move and go with their pages
                .filter(change -> !LinkRewriter.isInAssetsFolder(change.path()))
                .map(PathChange::path).filter(path -> !report.deleted().contains(path)).toList();
    }
}
