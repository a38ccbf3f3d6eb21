package dev.reposix.core.push;

import static java.util.Objects.requireNonNull;

import dev.reposix.api.AuditEvent;
import dev.reposix.api.ReposixException;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.core.AttachmentLimit;
import dev.reposix.core.RemoteSpec;
import dev.reposix.core.internal.AuditRouter;
import dev.reposix.core.sync.MirrorEgress;
import dev.reposix.core.sync.Workspaces;
import dev.reposix.git.Cache;
import dev.reposix.git.CacheLocation;
import dev.reposix.git.CacheLock;
import dev.reposix.git.WorkingTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Pushes to a source of truth: the receiving end of {@code git push} through the remote helper.
 * A {@link Receiver} holds the cache lock from before git sees the refs until the refs moved, so no
 * fetch can move {@code main} under a push. Each push is planned ({@link PushPlanner}), checked for
 * conflicts against the source of truth, applied there first, and then recorded in the cache;
 * every write and every accepted or rejected push goes to the cache's {@link AuditLog}.
 * Thread-safe; each receiver serves one push.
 *
 * @since 0.1
 */
public final class Pushes {

    /**
     * The file name of the intent journal in the cache directory: present while a push writes, so a
     * leftover one means a push was interrupted.
     *
     * @since 0.1
     */
    public static final String JOURNAL_FILE = "push-journal.txt";

    private final Map<String, String> environment;
    private final Function<RemoteSpec, SourceOfTruth> opener;
    private final Clock clock;
    private final Duration lockWait;
    private final AuditRouter audit;
    private final long attachmentMaxBytes;

    /**
     * Creates the service with the default cap on attachment sizes.
     *
     * @param environment the environment (for {@code REPOSIX_CACHE_DIR})
     * @param opener opens a remote's source of truth
     * @param clock the clock
     * @param lockWait how long to wait for the cache lock
     * @param audit the audit sink backends write to, pointed at the cache's log during a push
     */
    public Pushes(Map<String, String> environment, Function<RemoteSpec, SourceOfTruth> opener, Clock clock,
            Duration lockWait, AuditRouter audit) {
        this(environment, opener, clock, lockWait, audit, AttachmentLimit.DEFAULT_BYTES);
    }

    /**
     * Creates the service.
     *
     * @param environment the environment (for {@code REPOSIX_CACHE_DIR})
     * @param opener opens a remote's source of truth
     * @param clock the clock
     * @param lockWait how long to wait for the cache lock
     * @param audit the audit sink backends write to, pointed at the cache's log during a push
     * @param attachmentMaxBytes the largest attachment a push uploads or downloads
     *     ({@link AttachmentLimit#VARIABLE})
     */
    public Pushes(Map<String, String> environment, Function<RemoteSpec, SourceOfTruth> opener, Clock clock,
            Duration lockWait, AuditRouter audit, long attachmentMaxBytes) {
        if (attachmentMaxBytes < 0) {
            throw new IllegalArgumentException("attachmentMaxBytes must be 0 or more: " + attachmentMaxBytes);
        }
        this.attachmentMaxBytes = attachmentMaxBytes;
        this.environment = Map.copyOf(environment);
        this.opener = requireNonNull(opener, "opener is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.lockWait = requireNonNull(lockWait, "lockWait is null");
        this.audit = requireNonNull(audit, "audit is null");
    }

    /**
     * Opens a remote's cache to receive a push, and locks it.
     *
     * @param remote the remote
     * @param location the source of truth's base URL as the remote URL names it
     * @return the receiver; close it when the push is done
     */
    public Receiver receiver(RemoteSpec remote, String location) {
        Cache cache = Cache.open(CacheLocation.resolve(environment, remote.scheme(), remote.project()), location);
        try {
            return new Receiver(remote, cache, cache.lock(lockWait));
        } catch (RuntimeException | Error failure) {
            cache.close();
            throw failure;
        }
    }

    /**
     * What pushing the current branch of a working tree would do: its commits are copied into the
     * cache (objects only, no ref moves), planned against the cache's {@code main} and checked against
     * the source of truth, which is only read. Nothing is written anywhere else.
     *
     * @param directory the working tree (its {@code .reposix/config} names the remote)
     * @return the preview
     */
    public PushPreview preview(Path directory) {
        RemoteSpec remote = Workspaces.remoteOf(directory);
        try (SourceOfTruth source = opener.apply(remote);
             Cache cache = Cache.open(CacheLocation.resolve(environment, remote.scheme(), remote.project()),
                     source.location().toString())) {
            ObjectId base = cache.main().orElseThrow(() -> new ReposixException(PushErrorCode.NO_BASE_STATE,
                    "the cache of " + remote + " is empty; run reposix sync first"));
            ObjectId head = WorkingTree.copyHeadInto(cache, directory);
            if (!cache.isAncestor(base, head)) {
                return new PushPreview(Optional.empty(), List.of(), Optional.of("git would refuse the push (fetch first):"
                        + " your branch does not contain the latest synced commit; run git pull --rebase first"));
            }
            PushPlan plan;
            try {
                plan = new PushPlanner(cache, attachmentMaxBytes).plan(base, head);
            } catch (ReposixException refused) {
                String reason = refused.errorCode() instanceof PushErrorCode push ? push.reason()
                        : refused.errorCode().code();
                return new PushPreview(Optional.empty(), List.of(), Optional.of("(" + reason + ") "
                        + refused.getMessage()));
            }
            ConflictCheck.Result checked = new ConflictCheck(plan.config().toLayout(), attachmentMaxBytes)
                    .check(source, plan);
            return new PushPreview(Optional.of(plan), checked.conflicts().stream()
                    .map(ConflictCheck.Conflict::describe).toList(), Optional.empty());
        }
    }

    /** A locked cache receiving one push. Not thread-safe. */
    public final class Receiver implements AutoCloseable {

        private final RemoteSpec remote;
        private final Cache cache;
        private final CacheLock lock;

        private Receiver(RemoteSpec remote, Cache cache, CacheLock lock) {
            this.remote = remote;
            this.cache = cache;
            this.lock = lock;
        }

        /**
         * The cache, for serving git's side of the push.
         *
         * @return the cache
         */
        public Cache cache() {
            return cache;
        }

        /**
         * Prepares the bus for this push: resolves the mirror (a remote name of the pushing clone),
         * checks its URLs against the egress policy before any contact, and reads its {@code main} as
         * the lease of the later fast-forward.
         *
         * @param mirrorName the remote name from the URL's {@code ?mirror=} query
         * @param clone the pushing repository (git's {@code GIT_DIR})
         * @return the relay, to run once the push reached the source of truth
         * @throws ReposixException {@code EGRESS_DENIED} when the mirror may not be contacted, or when it
         *     cannot be resolved or read
         */
        public MirrorRelay prepareMirror(String mirrorName, Path clone) {
            return new MirrorRelay(cache, MirrorEgress.resolve(cache, mirrorName, clone, environment));
        }

        /**
         * A note about an earlier push that stopped half-way, if its journal is still in the cache.
         *
         * @return the journal's content, or empty
         */
        public Optional<String> interruptedPush() {
            Path journal = cache.location().directory().resolve(JOURNAL_FILE);
            try {
                return Files.isRegularFile(journal) ? Optional.of(Files.readString(journal)) : Optional.empty();
            } catch (IOException unreadable) {
                return Optional.empty();
            }
        }

        /**
         * Sends the records changed between {@code base} and {@code pushed} to the source of truth and
         * moves the cache's {@code main} to {@code pushed} (or a follow-up commit on top of it). The
         * pushed objects must be in the cache already.
         *
         * @param base the cache's {@code main} the push is based on
         * @param pushed the pushed commit
         * @return what was written
         * @throws ReposixException with a {@link PushErrorCode} when the push is refused or stops
         */
        public PushReport push(ObjectId base, ObjectId pushed) {
            PushPlan plan = new PushPlanner(cache, attachmentMaxBytes).plan(base, pushed);
            AuditLog log = new AuditLog(cache.location().directory(), plan.pusher());
            try (SourceOfTruth source = opener.apply(remote); AuditRouter.Route route = audit.routeTo(log)) {
                ConflictCheck.Result checked = new ConflictCheck(plan.config().toLayout(), attachmentMaxBytes)
                        .check(source, plan);
                if (!checked.conflicts().isEmpty()) {
                    throw new ReposixException(PushErrorCode.FETCH_FIRST, checked.conflicts().stream()
                            .map(ConflictCheck.Conflict::describe).collect(Collectors.joining("; ")));
                }
                List<PushApplier.Written> written = new PushApplier(source, cache.trees()).apply(plan, checked,
                        cache.location().directory());
                PushRecorder.Recorded recorded = new PushRecorder(cache, source).record(lock, plan, written,
                        clock.instant());
                Files.deleteIfExists(cache.location().directory().resolve(JOURNAL_FILE));
                PushReport report = report(written, checked, recorded);
                log.record(new AuditEvent(clock.instant(), "push", Optional.empty(), "accepted", Map.of(
                        "commit", pushed.name(), "summary", report.summary())));
                return report;
            } catch (ReposixException refused) {
                if (refused.errorCode() == PushErrorCode.FETCH_FIRST) {
                    cache.requestSync(true);
                }
                log.record(new AuditEvent(clock.instant(), "push", Optional.empty(), "rejected", Map.of(
                        "commit", pushed.name(), "code", refused.errorCode().code())));
                throw refused;
            } catch (IOException journal) {
                throw new ReposixException(PushErrorCode.INTERRUPTED, "the pages were written, but the push journal"
                        + " in " + cache.location().directory() + " could not be removed: " + journal.getMessage(),
                        journal);
            }
        }

        private PushReport report(List<PushApplier.Written> written, ConflictCheck.Result checked,
                PushRecorder.Recorded recorded) {
            List<String> created = new ArrayList<>();
            List<String> updated = new ArrayList<>();
            List<String> deleted = new ArrayList<>();
            List<String> unchanged = new ArrayList<>();
            List<String> uploaded = new ArrayList<>();
            List<String> deletedAttachments = new ArrayList<>();
            for (PushApplier.Written write : written) {
                if (!write.isPage()) {
                    List<String> target = write.settled() ? unchanged
                            : write.write() instanceof PlannedWrite.AttachmentUpload ? uploaded : deletedAttachments;
                    target.add(write.write().path());
                    continue;
                }
                boolean settled = checked.settled().contains(write.id());
                List<String> target = write.write() instanceof PlannedWrite.Create ? created
                        : settled ? unchanged : write.write() instanceof PlannedWrite.Update ? updated : deleted;
                target.add(write.write().path());
            }
            return new PushReport(created, updated, deleted, unchanged, recorded.followUpFiles(),
                    recorded.followUp().map(ObjectId::name), uploaded, deletedAttachments);
        }

        @Override
        public void close() {
            try {
                lock.close();
            } finally {
                cache.close();
            }
        }
    }
}
