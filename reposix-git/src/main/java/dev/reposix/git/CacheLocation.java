package dev.reposix.git;

import static java.util.Objects.requireNonNull;

import dev.reposix.api.ReposixException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the cache of one project lives:
 * {@code ${REPOSIX_CACHE_DIR:-${XDG_CACHE_HOME:-~/.cache}/reposix}/<scheme>-<project>.git}.
 *
 * <p>The directory name is injective: the project keeps ASCII letters, digits, {@code .}, {@code _}
 * and {@code -} and percent-encodes every other UTF-8 byte (so {@code ~jane} becomes
 * {@code %7Ejane}, and {@code %} itself is encoded); a {@code -} inside the scheme is encoded too, so
 * the first {@code -} always separates scheme from project. Immutable and thread-safe.
 *
 * @param directory the cache's bare repository directory, absolute
 * @param scheme the backend kind, e.g. {@code confluence}
 * @param project the project as the user wrote it, e.g. {@code ENG}
 * @since 0.1
 */
public record CacheLocation(Path directory, String scheme, String project) {

    /** The environment variable that overrides the cache root. */
    public static final String CACHE_DIR_VARIABLE = "REPOSIX_CACHE_DIR";

    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9-]*");

    /**
     * Validates.
     *
     * @param directory the directory
     * @param scheme the scheme
     * @param project the project
     */
    public CacheLocation {
        requireNonNull(directory, "directory is null");
        checkScheme(scheme);
        checkProject(project);
        directory = directory.toAbsolutePath().normalize();
    }

    /**
     * Resolves the location from an environment, taking {@code ~} from the {@code HOME} variable or,
     * without it, from the {@code user.home} system property.
     *
     * @param environment the environment, e.g. {@code System.getenv()}
     * @param scheme the backend kind
     * @param project the project
     * @return the location
     */
    public static CacheLocation resolve(Map<String, String> environment, String scheme, String project) {
        requireNonNull(environment, "environment is null");
        Path home = Path.of(variable(environment, "HOME").orElse(System.getProperty("user.home")));
        return resolve(environment, home, scheme, project);
    }

    /**
     * Resolves the location from an environment and an explicit home directory. Empty variables count
     * as unset, and a relative {@code XDG_CACHE_HOME} is ignored, as the XDG specification says.
     *
     * @param environment the environment
     * @param home the home directory standing for {@code ~}
     * @param scheme the backend kind
     * @param project the project
     * @return the location
     */
    public static CacheLocation resolve(Map<String, String> environment, Path home, String scheme, String project) {
        requireNonNull(environment, "environment is null");
        requireNonNull(home, "home is null");
        checkScheme(scheme);
        checkProject(project);
        Path root = variable(environment, CACHE_DIR_VARIABLE).map(Path::of)
                .orElseGet(() -> variable(environment, "XDG_CACHE_HOME").map(Path::of).filter(Path::isAbsolute)
                        .orElse(home.resolve(".cache")).resolve("reposix"));
        return new CacheLocation(root.resolve(directoryName(scheme, project)), scheme, project);
    }

    /**
     * The directory name of a cache, e.g. {@code confluence-ENG.git}.
     *
     * @param scheme the backend kind
     * @param project the project
     * @return the name
     */
    public static String directoryName(String scheme, String project) {
        checkScheme(scheme);
        checkProject(project);
        return scheme.replace("-", "%2D") + "-" + encode(project) + ".git";
    }

    private static String encode(String project) {
        StringBuilder out = new StringBuilder();
        for (byte value : project.getBytes(StandardCharsets.UTF_8)) {
            int unsigned = value & 0xff;
            if ((unsigned >= 'a' && unsigned <= 'z') || (unsigned >= 'A' && unsigned <= 'Z')
                    || (unsigned >= '0' && unsigned <= '9') || unsigned == '.' || unsigned == '_' || unsigned == '-') {
                out.append((char) unsigned);
            } else {
                out.append('%').append(String.format("%02X", unsigned));
            }
        }
        return out.toString();
    }

    private static Optional<String> variable(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).filter(value -> !value.isEmpty());
    }

    private static void checkScheme(String scheme) {
        requireNonNull(scheme, "scheme is null");
        if (!SCHEME.matcher(scheme).matches()) {
            throw new ReposixException(GitErrorCode.INVALID_CACHE_NAME,
                    "invalid scheme '" + scheme + "': use lower-case letters, digits and '-', starting with a letter");
        }
    }

    private static void checkProject(String project) {
        requireNonNull(project, "project is null");
        if (project.isEmpty() || project.chars().anyMatch(c -> c == 0 || c == '\n' || c == '\r')
                || !StandardCharsets.UTF_8.newEncoder().canEncode(project)) {
            throw new ReposixException(GitErrorCode.INVALID_CACHE_NAME,
                    "invalid project name: it must be non-empty valid text without NUL or line breaks");
        }
    }
}
