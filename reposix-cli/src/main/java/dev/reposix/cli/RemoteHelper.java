package dev.reposix.cli;

import static java.util.Objects.requireNonNull;

import dev.reposix.api.ReposixException;
import dev.reposix.core.SecretRedactor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;

/**
 * The remote helper's side of git's protocol (gitremote-helpers(7)): reads command lines one byte
 * at a time, so that nothing after a {@code connect} line is swallowed before {@code UploadPack}
 * reads it, and answers each on the real stdout, flushed. {@code capabilities} is answered before
 * anything is built; only {@code connect git-upload-pack} (fetch) and {@code connect git-receive-pack}
 * (push) start reposix. Everything for humans goes
 * to stderr. Kept apart from {@link RemoteHelperMain} so that tests can drive it with in-memory
 * streams. Not thread-safe; one instance serves one git process.
 */
final class RemoteHelper {

    /** The helper's program name, which git looks for on {@code PATH}. */
    static final String NAME = "git-remote-reposix";

    private final String remoteName;
    private final String url;
    private final CliEnvironment environment;
    private final InputStream in;
    private final OutputStream out;
    private final PrintStream err;

    /**
     * Creates the helper.
     *
     * @param remoteName the remote's name git passed (the URL itself for a push or fetch to a URL)
     * @param url the URL git passed (what follows {@code reposix::})
     * @param environment the environment and plugin class loader
     * @param in git's commands, then the client side of the pack protocol
     * @param out protocol bytes only
     * @param err messages for the user
     */
    RemoteHelper(String remoteName, String url, CliEnvironment environment, InputStream in, OutputStream out,
            PrintStream err) {
        this.remoteName = requireNonNull(remoteName, "remoteName is null");
        this.url = requireNonNull(url, "url is null");
        this.environment = requireNonNull(environment, "environment is null");
        this.in = requireNonNull(in, "in is null");
        this.out = requireNonNull(out, "out is null");
        this.err = requireNonNull(err, "err is null");
    }

    /**
     * Answers git's commands until git is done or a connection has been served.
     *
     * @return the exit code
     */
    int run() {
        try {
            while (true) {
                Optional<String> command = readLine();
                if (command.isEmpty() || command.get().isEmpty()) {
                    return ExitCodes.OK;
                }
                String line = command.get();
                if (line.equals("capabilities")) {
                    reply("connect\n\n");
                } else if (line.startsWith("connect ")) {
                    return connect(line.substring("connect ".length()).strip());
                } else {
                    return fail("git sent the command '" + line + "', which this helper does not know; it"
                            + " supports capabilities and connect. Is git older than 2.x?");
                }
            }
        } catch (IOException broken) {
            return fail("the connection to git broke off: " + broken.getMessage());
        }
    }

    private int connect(String service) throws IOException {
        switch (service) {
            case "git-upload-pack":
                return new FetchService(environment, err).serve(url, this::serveUpload);
            case "git-receive-pack":
                return new ReceiveService(environment, err, remoteName).serve(url, in, out, () -> reply("\n"));
            default:
                return fail("git asked for the service '" + service + "'; this helper serves git-upload-pack"
                        + " (fetch, pull, clone) and git-receive-pack (push) only.");
        }
    }

    private void serveUpload(Repository repository) throws IOException {
        reply("\n");
        UploadService.serve(repository, in, out, Optional.ofNullable(environment.variables().get("GIT_PROTOCOL")));
    }

    private int fail(String message) {
        err.println(NAME + ": " + SecretRedactor.of(ErrorReporter.secretLookingValues(environment.variables()))
                .redact(message));
        err.flush();
        return ExitCodes.USER;
    }

    private void reply(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** One LF-terminated line, read byte by byte: nothing past it may leave the stream. */
    private Optional<String> readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int next = in.read();
        if (next < 0) {
            return Optional.empty();
        }
        while (next >= 0 && next != '\n') {
            line.write(next);
            next = in.read();
        }
        return Optional.of(line.toString(StandardCharsets.UTF_8));
    }
}
