package dev.reposix.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * {@code git-remote-reposix}, the git remote helper git starts for {@code reposix::} URLs as
 * {@code git-remote-reposix <remote-name> <url>}. Its stdout belongs to git's protocol, so the first
 * thing it does is point {@link System#out} at stderr (a stray print from any library cannot corrupt
 * a pack) and keep the real stdout, file descriptor 1, for protocol bytes only.
 *
 * <p>Stateless and thread-safe.
 */
public final class RemoteHelperMain {

    private RemoteHelperMain() {
    }

    /**
     * Runs the helper.
     *
     * @param args the remote name and URL, as git passes them
     */
    public static void main(String[] args) {
        PrintStream err = System.err;
        System.setOut(err);
        OutputStream protocol = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 65536);
        if (args.length < 1 || args.length > 2) {
            err.println("git-remote-reposix: git starts this helper for reposix:: URLs, e.g."
                    + " git clone reposix::https://acme.atlassian.net/confluence/projects/ENG; it takes the remote"
                    + " name and the URL, not " + args.length + " arguments.");
            System.exit(ExitCodes.USER);
        }
        String url = args[args.length - 1];
        System.exit(new RemoteHelper(args[0], url, CliEnvironment.system(), new FileInputStream(FileDescriptor.in), protocol,
                err).run());
    }
}
