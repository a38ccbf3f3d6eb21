package dev.reposix.core;

import static java.util.Objects.requireNonNull;

import dev.reposix.api.ReposixException;
import dev.reposix.core.provider.ProviderRegistry;

/**
 * A remote as users write it: {@code <scheme>::<project>}, e.g. {@code confluence::ENG} or
 * {@code confluence::~jane}. Immutable.
 *
 * @param scheme the backend scheme
 * @param project the project key within the backend
 * @since 0.1
 */
public record RemoteSpec(String scheme, String project) {

    private static final String SEPARATOR = "::";

    /**
     * Validates.
     *
     * @param scheme the scheme
     * @param project the project
     */
    public RemoteSpec {
        requireNonNull(scheme, "scheme is null");
        requireNonNull(project, "project is null");
        if (!ProviderRegistry.isWellFormedScheme(scheme) || project.isBlank()
                || project.chars().anyMatch(character -> Character.isWhitespace(character) || character < 0x20)) {
            throw invalid(scheme + SEPARATOR + project);
        }
        // A project is one key: it becomes one segment of the remote URL and of the cache path.
        if (project.contains("/") || project.contains("\\") || project.equals(".") || project.equals("..")) {
            throw new ReposixException(CoreErrorCode.INVALID_REMOTE, "'" + scheme + SEPARATOR + project
                    + "' is not a remote: the project is a single key, without / or \\ and not . or ..;"
                    + " write <scheme>::<project>, for example confluence::ENG");
        }
    }

    /**
     * Parses {@code <scheme>::<project>}.
     *
     * @param text the remote
     * @return the spec
     * @throws ReposixException {@link CoreErrorCode#INVALID_REMOTE} for anything else
     */
    public static RemoteSpec parse(String text) {
        requireNonNull(text, "text is null");
        int separator = text.indexOf(SEPARATOR);
        if (separator <= 0) {
            throw invalid(text);
        }
        return new RemoteSpec(text.substring(0, separator), text.substring(separator + SEPARATOR.length()));
    }

    private static ReposixException invalid(String text) {
        return new ReposixException(CoreErrorCode.INVALID_REMOTE, "'" + text
                + "' is not a remote; write <scheme>::<project>, for example confluence::ENG");
    }

    @Override
    public String toString() {
        return scheme + SEPARATOR + project;
    }
}
