package dev.reposix.cli;

/**
 * {@code git-remote-reposix}, the git remote helper. Not available in this version: it says so on
 * stderr (stdout belongs to git's protocol) and exits non-zero, so git reports a clean failure.
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
        System.exit(RemoteHelper.unavailable(System.err));
    }
}
