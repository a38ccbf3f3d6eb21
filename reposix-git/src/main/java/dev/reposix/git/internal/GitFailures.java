package dev.reposix.git.internal;

import dev.reposix.api.ReposixException;
import dev.reposix.git.GitErrorCode;
import java.io.IOException;
import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;

/**
 * Turns JGit's checked exceptions into {@link ReposixException}s at the module boundary. Stateless
 * and thread-safe.
 */
public final class GitFailures {

    private GitFailures() {
    }

    /**
     * Wraps a failure of an operation on a repository.
     *
     * @param failure the JGit or I/O failure
     * @param whatFailed what reposix was doing, e.g. "writing a commit"
     * @param where the repository directory, for the message
     * @return the exception to throw
     */
    public static ReposixException wrap(IOException failure, String whatFailed, Object where) {
        if (failure instanceof MissingObjectException || failure instanceof IncorrectObjectTypeException
                || failure instanceof CorruptObjectException) {
            return new ReposixException(GitErrorCode.CACHE_CORRUPT,
                    whatFailed + " failed in " + where + ": " + failure.getMessage()
                            + "; run `git fsck --strict` there",
                    failure);
        }
        return new ReposixException(GitErrorCode.CACHE_IO,
                whatFailed + " failed in " + where + ": " + failure.getMessage()
                        + "; check permissions and free disk space",
                failure);
    }
}
