package dev.reposix.git;

import static java.util.Objects.requireNonNull;

import dev.reposix.api.ReposixException;
import dev.reposix.git.internal.GitBinary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;

/**
 * A user's own git clone that reposix reads and configures, e.g. a clone of a mirror being attached
 * to its source of truth: its remotes, its config, its {@code main} and the state of its work tree.
 * Everything goes through the {@code git} binary, so the user's git configuration and repository
 * format apply. Not thread-safe; one command works on one instance.
 *
 * @since 0.1
 */
public final class GitClone {

    private static final String REMOTE_PREFIX = "remote.";
    private static final String URL_SUFFIX = ".url";

    private final Path directory;

    private GitClone(Path directory) {
        this.directory = directory;
    }

    /**
     * Opens the work tree that contains a directory.
     *
     * @param directory the clone's top level or any directory inside its work tree
     * @return the clone, named by its top-level directory
     * @throws ReposixException {@link GitErrorCode#NOT_A_WORK_TREE} if the directory is not in a git work tree
     */
    public static GitClone open(Path directory) {
        Path start = requireNonNull(directory, "directory is null").toAbsolutePath().normalize();
        GitBinary.Result top = Files.isDirectory(start) ? GitBinary.run(start, "rev-parse", "--show-toplevel")
                : new GitBinary.Result(1, "no such directory");
        if (!top.ok() || top.output().isBlank() || top.output().contains("\n")) {
            throw new ReposixException(GitErrorCode.NOT_A_WORK_TREE, start + " is not inside a git work tree ("
                    + top.output().lines().findFirst().orElse("") + "); run the command in a clone, or pass the"
                    + " clone's directory");
        }
        return new GitClone(Path.of(top.output()));
    }

    /**
     * The top-level directory of the work tree.
     *
     * @return the directory
     */
    public Path directory() {
        return directory;
    }

    /**
     * The clone's remotes and their (fetch) URLs as configured, before {@code insteadOf} rewriting.
     *
     * @return remote name to URL, in configuration order; URLs may hold credentials, never print them
     */
    public Map<String, String> remoteUrls() {
        Map<String, String> remotes = new LinkedHashMap<>();
        GitBinary.Result result = GitBinary.run(directory, "config", "--get-regexp", "^remote\\..*\\.url$");
        for (String line : result.ok() ? result.output().split("\n") : new String[0]) {
            int space = line.indexOf(' ');
            String key = space < 0 ? line : line.substring(0, space);
            if (key.startsWith(REMOTE_PREFIX) && key.endsWith(URL_SUFFIX) && space > 0) {
                remotes.putIfAbsent(key.substring(REMOTE_PREFIX.length(), key.length() - URL_SUFFIX.length()),
                        line.substring(space + 1));
            }
        }
        return remotes;
    }

    /**
     * Adds a remote, or changes its URL if it exists.
     *
     * @param name the remote name
     * @param url the URL
     * @return true if the remote was added, false if it existed
     */
    public boolean setRemoteUrl(String name, String url) {
        Optional<String> existing = Optional.ofNullable(remoteUrls().get(name));
        if (existing.isEmpty()) {
            GitBinary.check(directory, "remote", "add", name, url);
        } else if (!existing.get().equals(url)) {
            GitBinary.check(directory, "remote", "set-url", name, url);
        }
        return existing.isEmpty();
    }

    /**
     * Adds refspecs to a remote's {@code fetch} configuration, each only once.
     *
     * @param remote the remote name
     * @param specs the refspecs, e.g. {@code +refs/mirrors/*:refs/mirrors/*}
     */
    public void addFetchRefspecs(String remote, List<String> specs) {
        String key = REMOTE_PREFIX + remote + ".fetch";
        GitBinary.Result result = GitBinary.run(directory, "config", "--get-all", key);
        List<String> present = result.ok() ? result.output().lines().map(String::strip).toList() : List.of();
        specs.stream().filter(spec -> !present.contains(spec))
                .forEach(spec -> GitBinary.check(directory, "config", "--add", key, spec));
    }

    /**
     * One value of the clone's git configuration (all scopes, as {@code git config --get} reads it).
     *
     * @param key e.g. {@code remote.pushDefault}
     * @return the value, empty when unset
     */
    public Optional<String> config(String key) {
        GitBinary.Result result = GitBinary.run(directory, "config", "--get", key);
        return result.ok() ? Optional.of(result.output()) : Optional.empty();
    }

    /**
     * Sets a value in the clone's own configuration ({@code .git/config}).
     *
     * @param key the key
     * @param value the value
     */
    public void setConfig(String key, String value) {
        GitBinary.check(directory, "config", "--local", key, value);
    }

    /**
     * The clone's {@code main} branch.
     *
     * @return the commit, empty when the clone has no {@code main}
     */
    public Optional<ObjectId> main() {
        GitBinary.Result result = GitBinary.run(directory, "rev-parse", "--verify", "--quiet",
                ReposixRefs.MAIN + "^{commit}");
        return result.ok() && ObjectId.isId(result.output()) ? Optional.of(ObjectId.fromString(result.output()))
                : Optional.empty();
    }

    /**
     * A small text file as committed on {@code main}, e.g. {@code .reposix/config}.
     *
     * @param path the path in the tree
     * @return the content, ending in exactly one line break; empty when {@code main} has no such file
     */
    public Optional<String> readOnMain(String path) {
        GitBinary.Result result = GitBinary.run(directory, "cat-file", "blob", ReposixRefs.MAIN + ":" + path);
        return result.ok() ? Optional.of(result.output() + "\n") : Optional.empty();
    }

    /**
     * The branch checked out in the work tree.
     *
     * @return the full ref name, e.g. {@code refs/heads/main}; empty for a detached {@code HEAD}
     */
    public Optional<String> currentBranch() {
        GitBinary.Result result = GitBinary.run(directory, "symbolic-ref", "--quiet", "HEAD");
        return result.ok() ? Optional.of(result.output()) : Optional.empty();
    }

    /**
     * Whether the work tree and index match {@code HEAD} (untracked files do not count).
     *
     * @return true if nothing is modified or staged
     */
    public boolean isClean() {
        return GitBinary.check(directory, "status", "--porcelain", "--untracked-files=no").isEmpty();
    }
}
