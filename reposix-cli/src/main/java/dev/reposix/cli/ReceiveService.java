package dev.reposix.cli;

import dev.reposix.api.ReposixException;
import dev.reposix.core.Reposix;
import dev.reposix.core.SecretRedactor;
import dev.reposix.core.http.HttpErrorCode;
import dev.reposix.core.push.MirrorRelay;
import dev.reposix.core.push.PushErrorCode;
import dev.reposix.core.push.PushReport;
import dev.reposix.core.push.Pushes;
import dev.reposix.git.Cache;
import dev.reposix.git.ReposixRefs;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;

/**
 * The helper's push path: {@code git-receive-pack} served by JGit's {@link ReceivePack} on the
 * remote's cache, locked from before the refs are advertised until they moved. Only {@code main}
 * is advertised and accepted; a fast-forward of it is sent to the source of truth by a pre-receive
 * hook, which reports to the pusher through git's {@code remote:} lines and rejects with git's own
 * reasons ({@code fetch first}, {@code bulk-delete}, ...). The hook moves {@code main} itself (to the
 * pushed commit, or a follow-up commit on top that records what the source of truth stored), so the
 * command is marked done before JGit would update it. Not thread-safe.
 */
final class ReceiveService {

    private final CliEnvironment environment;
    private final PrintStream err;
    private final String remoteName;

    /**
     * Creates the service.
     *
     * @param environment the environment
     * @param err messages when there is no git connection to send them through
     * @param remoteName the remote's name as git passed it, for the recovery commands
     */
    ReceiveService(CliEnvironment environment, PrintStream err, String remoteName) {
        this.environment = environment;
        this.err = err;
        this.remoteName = remoteName;
    }

    /** Replies to git's {@code connect} once the service is ready. */
    @FunctionalInterface
    interface Ready {
        /**
         * Tells git the connection is established.
         *
         * @throws IOException when git went away
         */
        void connected() throws IOException;
    }

    /**
     * Serves one push.
     *
     * @param url the URL git passed
     * @param in the client's side of the protocol
     * @param out protocol bytes
     * @param ready called when the cache is locked, before the refs are advertised
     * @return the exit code
     */
    int serve(String url, InputStream in, OutputStream out, Ready ready) {
        List<String> secretLooking = ErrorReporter.secretLookingValues(environment.variables());
        SecretRedactor redactor = SecretRedactor.of(secretLooking);
        try {
            HelperUrl parsed = HelperUrl.parse(url);
            try (Reposix reposix = FetchService.reposixFor(environment, parsed);
                 Pushes.Receiver receiver = reposix.pushes().receiver(parsed.remote(), parsed.location())) {
                SecretRedactor messages = reposix.redactor().with(secretLooking);
                ready.connected();
                ReceivePack pack = new ReceivePack(receiver.cache().repository());
                pack.setAllowCreates(false);
                pack.setAllowDeletes(false);
                pack.setAllowNonFastForwards(false);
                pack.setAtomic(true);
                pack.setRefFilter(ReceiveService::mainOnly);
                pack.setPreReceiveHook((rp, commands) -> receive(parsed, receiver, rp, commands, messages));
                pack.setBiDirectionalPipe(true);
                pack.receive(in, out, null);
                out.flush();
                return ExitCodes.OK;
            }
        } catch (ReposixException failure) {
            return HelperMessages.error(err, failure, redactor);
        } catch (IOException broken) {
            return HelperMessages.brokeOff(err, "push", broken, redactor);
        }
    }

    private void receive(HelperUrl url, Pushes.Receiver receiver, ReceivePack pack, Collection<ReceiveCommand> commands,
            SecretRedactor redactor) {
        receiver.interruptedPush().ifPresent(journal -> pack.sendMessage("reposix: an earlier push stopped half-way;"
                + " this push checks the pages it touched again, so nothing is written twice"));
        for (ReceiveCommand command : commands) {
            if (command.getResult() != ReceiveCommand.Result.NOT_ATTEMPTED) {
                continue;
            }
            if (!command.getRefName().equals(ReposixRefs.MAIN) || command.getType() != ReceiveCommand.Type.UPDATE) {
                command.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, "reposix accepts fast-forwards of main"
                        + " only");
                continue;
            }
            try {
                Optional<MirrorRelay> bus = prepareBus(url.mirror(), receiver, pack);
                PushReport report = receiver.push(command.getOldId(), command.getNewId());
                pack.sendMessage("reposix: " + report.summary());
                report.created().forEach(path -> pack.sendMessage("reposix:   created " + path));
                report.updated().forEach(path -> pack.sendMessage("reposix:   updated " + path));
                report.deleted().forEach(path -> pack.sendMessage("reposix:   deleted " + path));
                report.uploaded().forEach(path -> pack.sendMessage("reposix:   uploaded " + path));
                report.deletedAttachments().forEach(path -> pack.sendMessage("reposix:   deleted attachment " + path));
                if (report.followUp().isPresent()) {
                    pack.sendMessage("reposix: Confluence stored " + report.followUpFiles().size() + " file(s)"
                            + " differently (new page ids, normalised markup); run `git pull " + remoteName
                            + " main` to receive them as a fast-forward");
                }
                command.setResult(ReceiveCommand.Result.OK);
                bus.ifPresent(relay -> {
                    List<String> warnings = relay.relay(report);
                    warnings.forEach(warning -> pack.sendMessage("reposix: warning: " + redactor.redact(warning)));
                    if (warnings.isEmpty()) {
                        pack.sendMessage("reposix: the mirror " + url.mirror().orElseThrow() + " has the new main too");
                    }
                });
            } catch (ReposixException refused) {
                reject(url.remote().scheme(), pack, command, refused, redactor);
            }
        }
    }

    /**
     * The mirror leg of a bus URL ({@code ?mirror=<remote-name>}), prepared before anything is written:
     * a mirror the egress policy forbids rejects the push; one that cannot be read is a warning.
     */
    private Optional<MirrorRelay> prepareBus(Optional<String> mirrorName, Pushes.Receiver receiver,
            ReceivePack pack) {
        if (mirrorName.isEmpty()) {
            return Optional.empty();
        }
        String gitDirectory = environment.variables().getOrDefault("GIT_DIR", "");
        if (gitDirectory.isBlank()) {
            pack.sendMessage("reposix: warning: the remote URL asks to update the mirror " + mirrorName.get()
                    + " too, but git did not say which repository is pushing; the next reposix mirror sync catches up");
            return Optional.empty();
        }
        try {
            return Optional.of(receiver.prepareMirror(mirrorName.get(), Path.of(gitDirectory).toAbsolutePath()));
        } catch (ReposixException unusable) {
            if (unusable.errorCode() == HttpErrorCode.EGRESS_DENIED) {
                throw unusable;
            }
            pack.sendMessage("reposix: warning: the mirror " + mirrorName.get() + " cannot be used ("
                    + unusable.getMessage() + "); pushing to Confluence only, the next reposix mirror sync catches up");
            return Optional.empty();
        }
    }

    private void reject(String scheme, ReceivePack pack, ReceiveCommand command, ReposixException refused,
            SecretRedactor redactor) {
        String code = refused.errorCode().code();
        pack.sendError("reposix: error: " + code + ": " + redactor.redact(refused.getMessage()));
        if (refused.errorCode() == PushErrorCode.FETCH_FIRST) {
            pack.sendError("reposix: nothing more was written. Get the other changes, then push again:");
            pack.sendError("reposix:   git pull --rebase " + remoteName + " main && git push " + remoteName + " main");
            mirrorAge(scheme).ifPresent(pack::sendError);
        }
        pack.sendError("reposix: (run `reposix explain " + code + "` for causes and fixes)");
        String reason = refused.errorCode() instanceof PushErrorCode push ? push.reason()
                : refused.errorCode() == HttpErrorCode.EGRESS_DENIED ? "egress-denied" : "reposix: " + code;
        command.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, reason);
    }

    /**
     * How old the pusher's mirror is, when the pushing repository (git runs the helper with
     * {@code GIT_DIR} set) has the mirror refs, e.g. a mirror clone bound with {@code reposix attach}.
     */
    private Optional<String> mirrorAge(String scheme) {
        String gitDirectory = environment.variables().getOrDefault("GIT_DIR", "");
        if (gitDirectory.isBlank()) {
            return Optional.empty();
        }
        try (Repository pushing = new FileRepositoryBuilder().setGitDir(new File(gitDirectory)).setMustExist(true)
                .build()) {
            return Cache.lastSyncedIn(pushing, scheme).map(synced -> "reposix: your mirror was last synced from "
                    + scheme + " at " + synced + " (" + Duration.between(synced, Instant.now()).toMinutes()
                    + " minutes ago); the pull above goes to " + scheme + " itself, not to the mirror");
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static Map<String, Ref> mainOnly(Map<String, Ref> refs) {
        Map<String, Ref> kept = new LinkedHashMap<>();
        refs.forEach((name, ref) -> {
            if (name.equals(Constants.HEAD) || name.equals(ReposixRefs.MAIN)) {
                kept.put(name, ref);
            }
        });
        return kept;
    }
}
