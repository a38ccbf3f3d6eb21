package dev.reposix.core.sync;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.stream.Collectors.joining;

import dev.reposix.api.ReposixException;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.core.CoreErrorCode;
import dev.reposix.core.RemoteSpec;
import dev.reposix.core.RemoteUrl;
import dev.reposix.core.layout.LayoutKind;
import dev.reposix.core.layout.TreeConfig;
import dev.reposix.core.render.RecordFileCodec;
import dev.reposix.git.Cache;
import dev.reposix.git.CacheLocation;
import dev.reposix.git.CacheLock;
import dev.reposix.git.GitClone;
import dev.reposix.git.MirrorRemote;
import dev.reposix.git.ReposixRefs;
import dev.reposix.git.SyncState;
import dev.reposix.git.WorkingTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.eclipse.jgit.lib.ObjectId;

/**
 * {@code reposix attach}, the steps behind {@link Workspaces#attach}: every check that can refuse
 * runs before the clone is touched, the cache is synced on top of the mirror's {@code main} under
 * its lock, and only then is the clone configured and brought up to date. Stateless apart from its
 * collaborators; each call works on its own clone and cache.
 */
final class Attacher {

    private static final String PUSH_DEFAULT = "remote.pushDefault";

    private final Map<String, String> environment;
    private final Function<RemoteSpec, SourceOfTruth> opener;
    private final Function<RemoteSpec, CacheLocation> caches;
    private final SyncEngine engine;

    Attacher(Map<String, String> environment, Function<RemoteSpec, SourceOfTruth> opener,
            Function<RemoteSpec, CacheLocation> caches, SyncEngine engine) {
        this.environment = environment;
        this.opener = opener;
        this.caches = caches;
        this.engine = engine;
    }

    AttachReport attach(RemoteSpec remote, Path directory, AttachOptions options) {
        GitClone clone = GitClone.open(directory);
        Map<String, String> remotes = clone.remoteUrls();
        if (!remotes.containsKey(options.mirrorName())) {
            throw new ReposixException(CoreErrorCode.NOT_A_MIRROR_CLONE, clone.directory() + " has no remote '"
                    + options.mirrorName() + "' (its remotes: " + (remotes.isEmpty() ? "none" : String.join(", ",
                    remotes.keySet())) + "); name the clone's remote of the mirror with --mirror-name");
        }
        if (clone.main().isEmpty()) {
            throw new ReposixException(CoreErrorCode.NOT_A_MIRROR_CLONE, clone.directory() + " has no branch main;"
                    + " create it from the mirror's: git branch main " + options.mirrorName() + "/main");
        }
        requireNotAttachedElsewhere(clone, remotes, options.remoteName(), url -> RemoteUrl.names(url, remote));
        TreeConfig config = treeConfig(clone, remote);
        try (SourceOfTruth source = opener.apply(remote)) {
            String location = source.location().toString();
            String url = RemoteUrl.of(location, remote, options.bus() ? Optional.of(options.mirrorName())
                    : Optional.empty());
            requireNotAttachedElsewhere(clone, remotes, options.remoteName(), other -> RemoteUrl.sameProject(other, url));
            try (Cache cache = Cache.open(caches.apply(remote), location);
                 CacheLock lock = cache.lock(engine.lockWait())) {
                return attach(new Target(remote, clone, config, url, options), source, cache, lock);
            }
        }
    }

    /** What is being attached to what; the clone's checks have passed. */
    private record Target(RemoteSpec remote, GitClone repository, TreeConfig config, String url, AttachOptions options) {
    }

    private AttachReport attach(Target target, SourceOfTruth source, Cache cache, CacheLock lock) {
        GitClone clone = target.repository();
        AttachOptions options = target.options();
        MirrorRemote mirror = MirrorEgress.resolve(cache, options.mirrorName(), clone.directory(), environment);
        ObjectId mirrorMain = mirror.readMain().orElseThrow(() -> new ReposixException(
                CoreErrorCode.NOT_A_MIRROR_CLONE, "the mirror " + mirror.displayName() + " has no main yet; fill it"
                + " with reposix mirror sync " + target.remote() + " first"));
        ObjectId base = mirror.fetchMain(mirrorMain);
        ObjectId cloneMain = mirror.fetchCloneMain();
        if (!cache.shareHistory(cloneMain, base)) {
            throw new ReposixException(CoreErrorCode.NOT_A_MIRROR_CLONE, "main of " + clone.directory()
                    + " shares no history with the main of its remote '" + options.mirrorName() + "'; attach a clone"
                    + " of that mirror (git clone <mirror-url>)");
        }
        SortedMap<String, Optional<String>> files = Reconciliation.recordIds(cache.trees(), cloneMain, target.config());
        SyncState mirrored = engine.stateAt(cache, base);
        List<String> warnings = new ArrayList<>();
        if (mirrored.size() == 0) {
            warnings.add("the sync state behind the mirror's main is unknown (the mirror has no refs/reposix/state,"
                    + " or the cache on this machine follows another history), so every page counts as mirror lag");
        }
        SyncReport sync = engine.sync(target.remote(), source, cache, lock, Optional.empty(), Optional.of(base));
        ObjectId head = cache.main().orElseThrow();
        Reconciliation reconciliation = Reconciliation.of(files, engine.stateAt(cache, head), mirrored);
        checkOrphans(target, cache, cloneMain, head, reconciliation.orphans());

        // Everything above left the clone as it was; from here on it changes.
        clone.addFetchRefspecs(options.mirrorName(), mirror.fetchAnnotations());
        boolean added = clone.setRemoteUrl(options.remoteName(), target.url());
        setPushDefault(clone, options.remoteName()).ifPresent(warnings::add);
        WorkingTree.Update update = WorkingTree.fastForward(cache, clone.directory(), options.remoteName());
        List<String> forked = options.orphanPolicy() == OrphanPolicy.FORK_AS_NEW
                ? fork(target, cache, cloneMain, reconciliation.orphans(), warnings) : List.of();
        return new AttachReport(clone.directory(), target.remote(), options.remoteName(), target.url(), added,
                reconciliation, options.orphanPolicy(), sync, update, head.name(), forked, warnings);
    }

    /** The clone's {@code .reposix/config} on main, which must name this project; the default without one. */
    private static TreeConfig treeConfig(GitClone clone, RemoteSpec remote) {
        Optional<TreeConfig> committed = clone.readOnMain(TreeConfig.PATH)
                .map(text -> TreeConfig.parse(text.getBytes(UTF_8)));
        committed.filter(config -> !config.scheme().equals(remote.scheme()) || !config.project().equals(remote.project()))
                .ifPresent(config -> {
                    throw new ReposixException(CoreErrorCode.ATTACHED_ELSEWHERE, clone.directory() + " is a clone of the"
                            + " mirror of " + config.scheme() + "::" + config.project() + " (its " + TreeConfig.PATH
                            + " says so), not of " + remote + "; attach it to " + config.scheme() + "::"
                            + config.project() + ", or clone the mirror of " + remote);
                });
        return committed.orElseGet(() -> TreeConfig.of(remote.scheme(), remote.project(), LayoutKind.TREE));
    }

    /**
     * Refuses a clone with a {@code reposix::} remote that is not the same project (by the test given:
     * first scheme and project, once the site is known the whole URL), or a foreign remote of the
     * name asked for.
     */
    private static void requireNotAttachedElsewhere(GitClone clone, Map<String, String> remotes, String remoteName,
            Predicate<String> sameProject) {
        remotes.forEach((name, url) -> {
            boolean ours = url.startsWith(RemoteUrl.PREFIX);
            if (ours && !sameProject.test(url)) {
                String unset = clone.config(PUSH_DEFAULT).filter(name::equals)
                        .map(pushDefault -> " and git config --unset " + PUSH_DEFAULT).orElse("");
                throw new ReposixException(CoreErrorCode.ATTACHED_ELSEWHERE, clone.directory() + " is attached to "
                        + MirrorRemote.redact(url) + " through its remote '" + name + "', and a clone is attached to"
                        + " one project. To detach it by hand, run git remote remove " + name + unset
                        + "; then attach again");
            }
            if (!ours && name.equals(remoteName)) {
                throw new ReposixException(CoreErrorCode.ATTACHED_ELSEWHERE, "the remote '" + name + "' of "
                        + clone.directory() + " exists already and points at " + MirrorRemote.redact(url)
                        + "; choose another name for the source of truth's remote with --remote-name");
            }
        });
    }

    private static void checkOrphans(Target target, Cache cache, ObjectId cloneMain, ObjectId head,
            List<Reconciliation.Orphan> orphans) {
        OrphanPolicy policy = target.options().orphanPolicy();
        if (orphans.isEmpty() || policy == OrphanPolicy.DELETE_LOCAL) {
            return;
        }
        String listed = orphans.stream().map(orphan -> orphan.path() + " (id " + orphan.id() + ")")
                .collect(joining(", "));
        if (policy == OrphanPolicy.ABORT) {
            throw new ReposixException(CoreErrorCode.RECORDS_DELETED_AT_SOURCE, orphans.size() + " file(s) of "
                    + target.repository().directory() + " belong to pages deleted in the source of truth: " + listed
                    + ". Nothing was changed in the clone. Run again with --orphan-policy delete-local to let them go"
                    + " (they stay in git history), or with --orphan-policy fork-as-new to keep them without their id"
                    + " so that your next push creates them as new pages");
        }
        fastForwardBlocker(target, cache, cloneMain, head).ifPresent(reason -> {
            throw new ReposixException(CoreErrorCode.CANNOT_FORK_DELETED, "--orphan-policy fork-as-new writes "
                    + listed + " back without their id once main is brought up to date, but " + reason
                    + ". Nothing was changed in the clone; or use --orphan-policy delete-local");
        });
    }

    private static Optional<String> fastForwardBlocker(Target target, Cache cache, ObjectId cloneMain, ObjectId head) {
        GitClone clone = target.repository();
        if (!clone.currentBranch().equals(Optional.of(ReposixRefs.MAIN))) {
            return Optional.of("main is not checked out (git checkout main)");
        }
        if (!clone.isClean()) {
            return Optional.of("the clone has uncommitted changes (commit or stash them)");
        }
        if (!cache.isAncestor(cloneMain, head)) {
            return Optional.of("main has commits of its own (keep them on a branch: git branch mine && git reset"
                    + " --keep " + target.options().mirrorName() + "/main, then rebase the branch after attaching)");
        }
        return Optional.empty();
    }

    /** Sets {@code remote.pushDefault} unless the user has one; a warning when it names another remote. */
    private static Optional<String> setPushDefault(GitClone clone, String remoteName) {
        Optional<String> current = clone.config(PUSH_DEFAULT);
        if (current.isEmpty()) {
            clone.setConfig(PUSH_DEFAULT, remoteName);
        }
        return current.filter(name -> !name.equals(remoteName)).map(name -> PUSH_DEFAULT + " is '" + name
                + "' and was left alone, so git push still goes there; push with git push " + remoteName
                + " main, or run git config " + PUSH_DEFAULT + " " + remoteName);
    }

    /** Writes each orphan back as the clone had it, without its id, where the clone's main no longer has a file. */
    private static List<String> fork(Target target, Cache cache, ObjectId cloneMain, List<Reconciliation.Orphan> orphans,
            List<String> warnings) {
        RecordFileCodec codec = RecordFileCodec.forLayout(target.config().toLayout());
        List<String> forked = new ArrayList<>();
        for (Reconciliation.Orphan orphan : orphans) {
            Path file = target.repository().directory().resolve(orphan.path());
            if (Files.exists(file)) {
                warnings.add(orphan.path() + " holds another file now, so the deleted page was not written back; its"
                        + " content: git show " + cloneMain.name().substring(0, 12) + ":'" + orphan.path() + "'");
                continue;
            }
            byte[] content = cache.trees().readBlob(cache.trees().blobAt(cloneMain, orphan.path()).orElseThrow());
            try {
                Files.createDirectories(file.getParent());
                Files.write(file, codec.renderBytes(codec.parse(orphan.path(), content).withoutId()));
            } catch (IOException unwritable) {
                throw new UncheckedIOException("cannot write " + file, unwritable);
            }
            forked.add(orphan.path());
        }
        return forked;
    }
}
