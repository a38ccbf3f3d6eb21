package dev.reposix.git;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;

/**
 * The ref names and tag texts pinned in DESIGN.md, in one place. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class ReposixRefs {

    /** The branch every sync advances. */
    public static final String MAIN = "refs/heads/main";
    /** The namespace of sync tags; not advertised to clients. */
    public static final String SYNC_TAG_PREFIX = "refs/reposix/sync/";
    /** The chain of sync-state commits (see {@link SyncStateStore}). */
    public static final String STATE = "refs/reposix/state";
    /** In a cache: the mirror's sync state as last fetched from it (see {@link MirrorRemote}). */
    public static final String MIRROR_STATE = "refs/reposix/mirror-state";
    /** The namespace of the mirror annotation refs. */
    public static final String MIRRORS_PREFIX = "refs/mirrors/";
    /** The first words of the synced-at tag message. */
    public static final String SYNCED_AT_MESSAGE_PREFIX = "mirror synced at ";

    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter EXTENDED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    /** Orders sync tag names oldest first, reading a {@code -n} suffix as a number. */
    public static final Comparator<String> SYNC_TAG_ORDER = Comparator
            .comparing((String name) -> name.contains("-") ? name.substring(0, name.indexOf('-')) : name)
            .thenComparingInt(ReposixRefs::suffixOf);

    private ReposixRefs() {
    }

    /**
     * The sync tag for an instant without a collision suffix, e.g.
     * {@code refs/reposix/sync/20261124T061500Z}.
     *
     * @param at the sync time (UTC, seconds precision)
     * @return the ref name
     */
    public static String syncTag(Instant at) {
        return SYNC_TAG_PREFIX + BASIC.format(requireNonNull(at, "at is null").truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * The sync tag for an instant with the {@code n}-th name: 1 is plain, 2 and up add {@code -n}.
     *
     * @param at the sync time
     * @param attempt 1 or more
     * @return the ref name
     */
    public static String syncTag(Instant at, int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be 1 or more: " + attempt);
        }
        return attempt == 1 ? syncTag(at) : syncTag(at) + "-" + attempt;
    }

    /**
     * The ref pointing at the commit the cache was current at for a backend kind.
     *
     * @param scheme the backend kind, e.g. {@code confluence} (never a tenant)
     * @return e.g. {@code refs/mirrors/confluence-head}
     */
    public static String mirrorHead(String scheme) {
        return MIRRORS_PREFIX + checked(scheme) + "-head";
    }

    /**
     * The ref holding the annotated synced-at tag for a backend kind.
     *
     * @param scheme the backend kind
     * @return e.g. {@code refs/mirrors/confluence-synced-at}
     */
    public static String mirrorSyncedAt(String scheme) {
        return MIRRORS_PREFIX + checked(scheme) + "-synced-at";
    }

    /**
     * The first line of the synced-at tag message, e.g. {@code mirror synced at 2026-11-24T06:15:00Z}.
     *
     * @param at the sync time (UTC, seconds precision)
     * @return the line, without a line break
     */
    public static String syncedAtMessage(Instant at) {
        return SYNCED_AT_MESSAGE_PREFIX + EXTENDED.format(requireNonNull(at, "at is null").truncatedTo(ChronoUnit.SECONDS));
    }

    private static int suffixOf(String name) {
        int dash = name.lastIndexOf('-');
        if (dash < 0) {
            return 1;
        }
        try {
            return Integer.parseInt(name.substring(dash + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String checked(String scheme) {
        CacheLocation.directoryName(scheme, "x");
        return scheme;
    }
}
