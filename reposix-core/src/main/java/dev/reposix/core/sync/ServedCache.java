package dev.reposix.core.sync;

import static java.util.Objects.requireNonNull;

import dev.reposix.api.ReposixException;
import dev.reposix.git.Cache;
import java.util.Optional;

/**
 * A remote's cache opened to serve a fetch, and how it was brought up to date: synced now, fresh
 * enough already, left as it was because another process holds its lock, or left as it was because
 * the sync failed (the failure is kept so that the caller can report it). A failed sync of a cache
 * that has nothing to serve is an exception instead. Owns the cache: close it when done serving.
 * Not thread-safe.
 *
 * @since 0.1
 */
public final class ServedCache implements AutoCloseable {

    /** How the cache was brought up to date before serving. */
    public enum Freshness {
        /** Synced from the source of truth just now. */
        SYNCED,
        /** Synced less than the minimum interval ago; the source of truth was not asked. */
        RECENT,
        /** Another process or thread holds the cache lock; serving the cached state. */
        BUSY,
        /** The sync failed; serving the cached state. */
        SYNC_FAILED
    }

    private final Cache cache;
    private final Freshness freshness;
    private final Optional<SyncReport> report;
    private final Optional<ReposixException> failure;

    ServedCache(Cache cache, Freshness freshness, Optional<SyncReport> report, Optional<ReposixException> failure) {
        this.cache = requireNonNull(cache, "cache is null");
        this.freshness = requireNonNull(freshness, "freshness is null");
        this.report = requireNonNull(report, "report is null");
        this.failure = requireNonNull(failure, "failure is null");
    }

    /**
     * The open cache.
     *
     * @return the cache, owned by this object
     */
    public Cache cache() {
        return cache;
    }

    /**
     * How the cache was brought up to date.
     *
     * @return the freshness
     */
    public Freshness freshness() {
        return freshness;
    }

    /**
     * What the sync did, when one ran.
     *
     * @return the report, present for {@link Freshness#SYNCED}
     */
    public Optional<SyncReport> report() {
        return report;
    }

    /**
     * Why the sync failed.
     *
     * @return the failure, present for {@link Freshness#SYNC_FAILED}
     */
    public Optional<ReposixException> failure() {
        return failure;
    }

    @Override
    public void close() {
        cache.close();
    }
}
