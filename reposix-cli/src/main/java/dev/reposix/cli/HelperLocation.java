package dev.reposix.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the folder that holds {@code git-remote-reposix}, the remote helper git starts by name and
 * so must find on {@code PATH}. Stateless and thread-safe.
 */
final class HelperLocation {

    /** The system property the {@code bin/reposix} launcher sets to the distribution's folder. */
    static final String HOME_PROPERTY = "reposix.home";

    private HelperLocation() {
    }

    /**
     * The folder on {@code PATH} (as the environment gives it) that holds the helper, if any.
     *
     * @param environment the environment variables
     * @return the folder
     */
    static Optional<Path> onPath(Map<String, String> environment) {
        return Arrays.stream(environment.getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(HelperLocation::holdingHelper)
                .flatMap(Optional::stream)
                .findFirst();
    }

    /**
     * The running distribution's {@code bin/} when it holds the helper (the launcher names the
     * distribution in {@value #HOME_PROPERTY}), otherwise the folder on {@code PATH} that holds it.
     *
     * @param environment the environment variables
     * @return the folder, empty when neither has the helper
     */
    static Optional<Path> find(Map<String, String> environment) {
        return Optional.ofNullable(System.getProperty(HOME_PROPERTY))
                .flatMap(home -> holdingHelper(home + File.separator + "bin"))
                .or(() -> onPath(environment));
    }

    private static Optional<Path> holdingHelper(String folder) {
        try {
            Path path = Path.of(folder);
            return Files.isExecutable(path.resolve(RemoteHelper.NAME)) ? Optional.of(path.toAbsolutePath())
                    : Optional.empty();
        } catch (InvalidPathException notAPath) {
            return Optional.empty();
        }
    }
}
