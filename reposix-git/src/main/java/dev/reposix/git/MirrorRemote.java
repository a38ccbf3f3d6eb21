package dev.reposix.git;

import static java.util.Objects.requireNonNull;

import dev.reposix.api.ReposixException;
import dev.reposix.git.internal.GitBinary;
import dev.reposix.git.internal.GitFailures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;

/**
 * The network leg of a mirror sync, done with the {@code git} binary (DESIGN.md) so that it sees
 * exactly the credentials, ssh agent, proxies and {@code insteadOf} rules configured for it.
 *
 * <p>The mirror is named either by a URL or path, in which case git runs in the cache itself, or by
 * the name of a remote of the repository the command runs in (a clone of the mirror, e.g. after
 * {@code actions/checkout}), in which case git runs in that clone — so the credentials the clone
 * holds ({@code http.<url>.extraheader}) apply — and objects are relayed between the clone and the
 * cache locally.
 *
 * <p>The mirror's {@code main} is fetched into {@value #BASE} of the cache; {@code main} is pushed as
 * a fast-forward checked locally and guarded by an exact lease
 * ({@code --force-with-lease=refs/heads/main:<oid>}), never forced otherwise; the annotation refs
 * and the sync state are pushed forced, separately, each with its own lease on the value read at
 * the start (so a concurrent run's newer refs are never replaced by older ones). Not thread-safe; use it under the cache lock.
 *
 * @since 0.1
 */
public final class MirrorRemote {

    /** Where the mirror's {@code main} is fetched to in the cache (and, during the relay, in a relaying clone). */
    public static final String BASE = "refs/reposix/mirror-base";
    /** Where the {@code main} of the relaying clone itself is fetched to in the cache. */
    public static final String CLONE_MAIN = "refs/reposix/clone-main";
    private static final String OUT = "refs/reposix/mirror-out";
    private static final java.util.regex.Pattern USER_INFO = java.util.regex.Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://[^/@\\s]*@");

    private final Cache cache;
    private final String mirror;
    private final Path network;
    /** The mirror's refs as read by {@link #readMain}: the leases of the later pushes. */
    private final Map<String, ObjectId> seen = new HashMap<>();

    private MirrorRemote(Cache cache, String mirror, Path network) {
        this.cache = cache;
        this.mirror = mirror;
        this.network = network;
    }

    /**
     * Resolves the mirror argument: a remote name of the repository at {@code workingDirectory}, or
     * else a URL or a path (relative paths are resolved against {@code workingDirectory}).
     *
     * @param cache the cache
     * @param mirror a remote name, URL or path
     * @param workingDirectory the directory the command runs in
     * @return the mirror
     */
    public static MirrorRemote resolve(Cache cache, String mirror, Path workingDirectory) {
        requireNonNull(cache, "cache is null");
        requireNonNull(mirror, "mirror is null");
        Path here = workingDirectory.toAbsolutePath().normalize();
        boolean name = mirror.matches("[A-Za-z0-9._-]+") && Files.isDirectory(here)
                && GitBinary.run(here, "remote", "get-url", mirror).ok();
        if (name) {
            if (GitBinary.check(here, "rev-parse", "--is-shallow-repository").equals("true")) {
                throw new ReposixException(MirrorErrorCode.MIRROR_SHALLOW_CLONE, here + " is a shallow clone; run"
                        + " `git fetch --unshallow` in it, or check it out with full history (actions/checkout:"
                        + " fetch-depth: 0)");
            }
            return new MirrorRemote(cache, mirror, here);
        }
        // git's own rule: a colon before any slash makes it an scp-like ssh address ([user@]host:path)
        boolean url = mirror.contains("://") || mirror.matches("[^/]*[^/:]:.*");
        String target = url ? mirror : here.resolve(mirror).normalize().toString();
        return new MirrorRemote(cache, target, cache.location().directory());
    }

    /**
     * A text with the user info (e.g. a token) of every URL in it removed, for messages and logs.
     *
     * @param text a URL, or git's output
     * @return the text without user info
     */
    public static String redact(String text) {
        return USER_INFO.matcher(text).replaceAll("$1://");
    }

    /**
     * The mirror as it may be shown: its remote name, path, or URL without user info.
     *
     * @return the display form
     */
    public String displayName() {
        return redact(mirror);
    }

    /**
     * The URLs git will fetch from and push to, for the egress policy: the remote's fetch and push
     * URLs (after {@code insteadOf} rewriting) for a remote name, else the URL or absolute path given.
     *
     * @return the URLs; may contain credentials, never print them
     */
    public List<String> urls() {
        if (network.equals(cacheDirectory())) {
            return List.of(mirror);
        }
        List<String> urls = new ArrayList<>();
        for (String flag : List.of("--all", "--push")) {
            for (String url : GitBinary.check(network, "remote", "get-url", flag, mirror).split("\n")) {
                if (!url.isBlank() && !urls.contains(url.strip())) {
                    urls.add(url.strip());
                }
            }
        }
        return urls;
    }

    /**
     * Where git runs for the network leg: the cache, or the clone that knows the remote name.
     *
     * @return the directory
     */
    public Path network() {
        return network;
    }

    /**
     * The mirror's {@code main}, read with {@code git ls-remote}.
     *
     * @return the commit, empty on an empty mirror
     * @throws ReposixException {@link MirrorErrorCode#MIRROR_UNREACHABLE} if the mirror cannot be read
     */
    public Optional<ObjectId> readMain() {
        String scheme = cache.location().scheme();
        seen.clear();
        seen.putAll(tips(ReposixRefs.MAIN, ReposixRefs.STATE, ReposixRefs.mirrorHead(scheme),
                ReposixRefs.mirrorSyncedAt(scheme)));
        return Optional.ofNullable(seen.get(ReposixRefs.MAIN));
    }

    /**
     * Fetches the mirror's {@code main} into {@value #BASE} of the cache, and the mirror's sync state
     * when it has one. The cache adopts that state when it has none yet (a fresh machine) or when the
     * mirror's descends from its own (another machine synced the mirror since), so that the state
     * behind the mirror's commits is known; a state of another lineage is left alone.
     *
     * @param main the mirror's {@code main} as read by {@link #readMain}
     * @return the fetched commit, as now present in the cache
     */
    public ObjectId fetchMain(ObjectId main) {
        boolean withState = seen.containsKey(ReposixRefs.STATE);
        List<String> specs = new ArrayList<>(List.of("+" + ReposixRefs.MAIN + ":" + BASE));
        if (withState) {
            specs.add("+" + ReposixRefs.STATE + ":" + ReposixRefs.MIRROR_STATE);
        }
        fetchFromMirror(specs);
        if (!network.equals(cacheDirectory())) {
            List<String> staged = specs.stream().map(spec -> spec.substring(spec.indexOf(':') + 1)).toList();
            fetch(cacheDirectory(), network.toString(), staged.stream().map(ref -> "+" + ref + ":" + ref).toList());
            // the relaying clone is somebody's: it keeps the objects but no trace in its refs
            staged.forEach(ref -> GitBinary.check(network, "update-ref", "-d", ref));
        }
        if (withState) {
            cache.ref(ReposixRefs.MIRROR_STATE).ifPresent(this::adoptState);
        }
        return cache.ref(BASE).orElseThrow(() -> new ReposixException(GitErrorCode.GIT_COMMAND_FAILED,
                "git fetch of the mirror's main did not arrive in the cache"));
    }

    /**
     * Fetches the {@code main} of the clone the mirror was named in (as one of its remotes) into
     * {@value #CLONE_MAIN} of the cache, locally, so that the clone's history can be read beside the
     * cache's.
     *
     * @return the clone's {@code main}, as now present in the cache
     * @throws IllegalStateException if the mirror was named by a URL or path, not as a remote of a clone
     */
    public ObjectId fetchCloneMain() {
        requireClone();
        fetch(cacheDirectory(), network.toString(), List.of("+" + ReposixRefs.MAIN + ":" + CLONE_MAIN));
        return cache.ref(CLONE_MAIN).orElseThrow(() -> new ReposixException(GitErrorCode.GIT_COMMAND_FAILED,
                "git fetch of the main of " + network + " did not arrive in the cache"));
    }

    /**
     * Fetches {@code refs/mirrors/*} and, when the mirror has it, the sync state from the mirror into
     * the clone the mirror was named in, under their own names.
     *
     * @return the refspecs fetched, to be added to the remote's configuration so that a plain
     *     {@code git fetch} keeps them up to date
     * @throws ReposixException {@link MirrorErrorCode#MIRROR_UNREACHABLE} if the fetch failed
     * @throws IllegalStateException if the mirror was named by a URL or path, not as a remote of a clone
     */
    public List<String> fetchAnnotations() {
        requireClone();
        List<String> specs = new ArrayList<>(List.of("+" + ReposixRefs.MIRRORS_PREFIX + "*:"
                + ReposixRefs.MIRRORS_PREFIX + "*"));
        if (seen.containsKey(ReposixRefs.STATE)) {
            specs.add("+" + ReposixRefs.STATE + ":" + ReposixRefs.STATE);
        }
        fetchFromMirror(specs);
        return List.copyOf(specs);
    }

    private void fetchFromMirror(List<String> specs) {
        GitBinary.Result fetched = GitBinary.run(network, fetchArguments(mirror, specs));
        if (!fetched.ok()) {
            throw new ReposixException(MirrorErrorCode.MIRROR_UNREACHABLE, "git fetch " + displayName() + " failed: "
                    + redact(fetched.output()));
        }
    }

    /** Moves the cache's state ref to the mirror's when that is new to the cache or a fast-forward of it. */
    private void adoptState(ObjectId mirrored) {
        Optional<ObjectId> own = cache.ref(ReposixRefs.STATE);
        if (own.isPresent() && (own.get().equals(mirrored) || !cache.isAncestor(own.get(), mirrored))) {
            return;
        }
        try {
            RefUpdate update = cache.repository().updateRef(ReposixRefs.STATE);
            update.setExpectedOldObjectId(own.orElse(ObjectId.zeroId()));
            update.setNewObjectId(mirrored);
            update.setRefLogMessage("reposix: sync state of the mirror", false);
            RefUpdate.Result result = update.update();
            if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FAST_FORWARD) {
                throw new ReposixException(GitErrorCode.GIT_FAILURE, "taking the mirror's sync state into the cache"
                        + " failed (" + result + ")");
            }
        } catch (IOException e) {
            throw GitFailures.wrap(e, "taking the mirror's sync state", cacheDirectory());
        }
    }

    private void requireClone() {
        if (network.equals(cacheDirectory())) {
            throw new IllegalStateException("the mirror " + displayName() + " is a URL or path, not a remote of a clone");
        }
    }

    /** How pushing {@code main} ended. */
    public enum MainPush {
        /** The mirror's {@code main} fast-forwarded (or was created). */
        PUSHED,
        /** The mirror already had the commit. */
        UP_TO_DATE,
        /** The mirror's {@code main} moved since it was read; nothing was overwritten. */
        LEASE_LOST
    }

    /**
     * Pushes the cache's {@code main} to the mirror: nothing if it is there already, a plain push
     * (creation only) to an empty mirror, otherwise a fast-forward (checked locally first) with an
     * exact lease on the tip read before the sync.
     *
     * @param lease the mirror's {@code main} as read before the sync, empty for an empty mirror
     * @return how it ended
     * @throws ReposixException {@link MirrorErrorCode#MIRROR_PUSH_REJECTED} if the push failed for another
     *     reason, {@link MirrorErrorCode#MIRROR_NOT_FAST_FORWARD} if the cache's {@code main} does not
     *     descend from the lease
     */
    public MainPush pushMain(Optional<ObjectId> lease) {
        ObjectId tip = cache.main().orElseThrow(() -> new ReposixException(GitErrorCode.TRANSACTION_MISUSE,
                "the cache has no main to push"));
        if (lease.isPresent() && lease.get().equals(tip)) {
            return MainPush.UP_TO_DATE;
        }
        if (lease.isPresent() && !cache.isAncestor(lease.get(), tip)) {
            throw new ReposixException(MirrorErrorCode.MIRROR_NOT_FAST_FORWARD, "the cache's main " + tip.name()
                    + " does not descend from the mirror's main " + lease.get().name()
                    + "; refusing to rewrite the mirror's history");
        }
        String source = relay("+" + ReposixRefs.MAIN + ":" + OUT) ? OUT : ReposixRefs.MAIN;
        String leaseOption = "--force-with-lease=" + ReposixRefs.MAIN + ":"
                + lease.map(ObjectId::name).orElse("");
        GitBinary.Result result = GitBinary.run(network, "push", "--porcelain", leaseOption, mirror,
                source + ":" + ReposixRefs.MAIN);
        if (result.ok()) {
            return MainPush.PUSHED;
        }
        Optional<ObjectId> now = Optional.ofNullable(tips(ReposixRefs.MAIN).get(ReposixRefs.MAIN));
        if (!now.equals(lease)) {
            return MainPush.LEASE_LOST;
        }
        throw new ReposixException(MirrorErrorCode.MIRROR_PUSH_REJECTED, "git push of main to " + displayName()
                + " was refused: " + redact(result.output()));
    }

    /**
     * Pushes {@code refs/mirrors/<scheme>-head}, {@code refs/mirrors/<scheme>-synced-at} and the
     * sync state to the mirror, forced with a lease on the values {@link #readMain} saw, in one push
     * separate from {@code main}'s.
     *
     * @return empty on success, else git's message (a warning: {@code main} is pushed already)
     */
    public Optional<String> pushAnnotations() {
        String scheme = cache.location().scheme();
        List<String> refs = new ArrayList<>(List.of(ReposixRefs.mirrorHead(scheme), ReposixRefs.mirrorSyncedAt(scheme)));
        if (cache.ref(ReposixRefs.STATE).isPresent()) {
            refs.add(ReposixRefs.STATE);
        }
        return pushForced(refs);
    }

    /**
     * Pushes the sync state alone, forced with a lease on the value {@link #readMain} saw: after a
     * push to the source of truth went on to the mirror (the bus), the mirror must know the state
     * behind its new {@code main}, while the {@code refs/mirrors/*} refs keep saying when the mirror
     * was last synced as a whole.
     *
     * @return empty on success, else git's message (a warning: {@code main} is pushed already)
     */
    public Optional<String> pushState() {
        return cache.ref(ReposixRefs.STATE).isPresent() ? pushForced(List.of(ReposixRefs.STATE)) : Optional.empty();
    }

    private Optional<String> pushForced(List<String> refs) {
        try {
            relay(refs.stream().map(ref -> "+" + ref + ":" + ref).toArray(String[]::new));
        } catch (ReposixException failure) {
            return Optional.of(failure.getMessage());
        }
        List<String> arguments = new ArrayList<>(List.of("push", "--porcelain"));
        for (String ref : refs) {
            // forced (the tag is replaced, not fast-forwarded) but only over what this run read
            arguments.add("--force-with-lease=" + ref + ":" + Optional.ofNullable(seen.get(ref)).map(ObjectId::name)
                    .orElse(""));
        }
        arguments.add(mirror);
        refs.forEach(ref -> arguments.add(ref + ":" + ref));
        GitBinary.Result result = GitBinary.run(network, arguments.toArray(String[]::new));
        return result.ok() ? Optional.empty() : Optional.of(redact(result.output()));
    }

    /** Copies refs from the cache into the relaying clone; false when git runs in the cache itself. */
    private boolean relay(String... specs) {
        if (network.equals(cacheDirectory())) {
            return false;
        }
        fetch(network, cacheDirectory().toString(), List.of(specs));
        return true;
    }

    private static void fetch(Path into, String from, List<String> specs) {
        GitBinary.check(into, fetchArguments(from, specs));
    }

    private static String[] fetchArguments(String from, List<String> specs) {
        List<String> arguments = new ArrayList<>(List.of("fetch", "--quiet", "--no-tags", "--no-write-fetch-head", from));
        arguments.addAll(specs);
        return arguments.toArray(String[]::new);
    }

    /** The mirror's values of the given refs, read in one {@code git ls-remote}; absent refs are left out. */
    private Map<String, ObjectId> tips(String... refs) {
        List<String> arguments = new ArrayList<>(List.of("ls-remote", mirror));
        arguments.addAll(List.of(refs));
        GitBinary.Result result = GitBinary.run(network, arguments.toArray(String[]::new));
        if (!result.ok()) {
            throw new ReposixException(MirrorErrorCode.MIRROR_UNREACHABLE, "git ls-remote " + displayName() + " failed: "
                    + redact(result.output()));
        }
        Map<String, ObjectId> found = new HashMap<>();
        List<String> wanted = List.of(refs);
        for (String line : result.output().split("\n")) {
            String[] fields = line.split("\t");
            if (fields.length == 2 && wanted.contains(fields[1]) && ObjectId.isId(fields[0])) {
                found.put(fields[1], ObjectId.fromString(fields[0]));
            }
        }
        return found;
    }

    private Path cacheDirectory() {
        return cache.location().directory();
    }

}
