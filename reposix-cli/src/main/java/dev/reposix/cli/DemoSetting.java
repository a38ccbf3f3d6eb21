package dev.reposix.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Where {@code reposix demo} plays and with which settings: its folder, a fresh cache, the
 * simulator's credentials (a random token, never printed) and the environments that point core and
 * the git processes at the simulator. Immutable and thread-safe.
 */
final class DemoSetting {

    /** Settings the user's environment may hold that would point the demo elsewhere. */
    private static final List<String> FOREIGN_VARIABLES = List.of("REPOSIX_CONFLUENCE_TENANT", "GIT_DIR",
            "GIT_WORK_TREE", "GIT_INDEX_FILE");

    private final Path directory;
    private final Path cache;
    private final Map<String, String> userEnvironment;
    private final Optional<Path> helperFolder;
    private final String token = "demo-" + UUID.randomUUID();

    /**
     * Creates the setting.
     *
     * @param directory the demo folder
     * @param cache the fresh {@code REPOSIX_CACHE_DIR}
     * @param userEnvironment the environment {@code reposix demo} was started with
     * @param helperFolder the folder holding {@code git-remote-reposix}, if found
     */
    DemoSetting(Path directory, Path cache, Map<String, String> userEnvironment, Optional<Path> helperFolder) {
        this.directory = directory;
        this.cache = cache;
        this.userEnvironment = Map.copyOf(userEnvironment);
        this.helperFolder = helperFolder;
    }

    Path directory() {
        return directory;
    }

    Path cache() {
        return cache;
    }

    Optional<Path> helperFolder() {
        return helperFolder;
    }

    String email() {
        return "reposix@example.com";
    }

    String token() {
        return token;
    }

    /** The user's environment pointed at the simulator: what core reads its settings from. */
    Map<String, String> coreEnvironment(String baseUrl) {
        Map<String, String> environment = new HashMap<>(userEnvironment);
        FOREIGN_VARIABLES.forEach(environment::remove);
        environment.put("REPOSIX_CONFLUENCE_BASE_URL", baseUrl);
        environment.put("REPOSIX_ALLOWED_ORIGINS", baseUrl);
        environment.put("ATLASSIAN_EMAIL", email());
        environment.put("ATLASSIAN_API_KEY", token);
        environment.put("REPOSIX_CACHE_DIR", cache.toString());
        return environment;
    }

    /**
     * The environment of the git processes: core's (the remote helper reads the same settings), the
     * helper's folder first on {@code PATH}, a fixed identity and no global or system configuration.
     */
    Map<String, String> gitEnvironment(String baseUrl) {
        Map<String, String> environment = coreEnvironment(baseUrl);
        String path = userEnvironment.getOrDefault("PATH", "");
        environment.put("PATH", helperFolder.map(folder -> folder + File.pathSeparator + path).orElse(path));
        environment.put("GIT_CONFIG_NOSYSTEM", "1");
        environment.put("GIT_CONFIG_GLOBAL", "/dev/null");
        environment.put("GIT_TERMINAL_PROMPT", "0");
        environment.put("GIT_AUTHOR_NAME", "Demo Writer");
        environment.put("GIT_AUTHOR_EMAIL", "writer@example.com");
        environment.put("GIT_COMMITTER_NAME", "Demo Writer");
        environment.put("GIT_COMMITTER_EMAIL", "writer@example.com");
        return environment;
    }
}
