package dev.reposix.cli;

import java.io.PrintStream;

/** The remote helper's behaviour; kept apart from {@link RemoteHelperMain} so tests can drive it. */
final class RemoteHelper {

    private RemoteHelper() {
    }

    /**
     * Explains that fetch and push through reposix:: URLs are not available in this version.
     *
     * @param err where to explain
     * @return the exit code
     */
    static int unavailable(PrintStream err) {
        err.println("git-remote-reposix: fetching and pushing through reposix:: remotes is not available in this"
                + " version of reposix; use `reposix backends` to check the installation.");
        err.flush();
        return ExitCodes.USER;
    }
}
