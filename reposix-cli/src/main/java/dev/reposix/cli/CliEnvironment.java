package dev.reposix.cli;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * What the CLI takes from its process: the environment variables and the class loader backends
 * are discovered from. Tests pass their own. Immutable.
 *
 * @param variables the environment variables
 * @param pluginLoader the class loader to discover backend providers from
 */
public record CliEnvironment(Map<String, String> variables, ClassLoader pluginLoader) {

    /**
     * Copies.
     *
     * @param variables the variables
     * @param pluginLoader the loader
     */
    public CliEnvironment {
        variables = Map.copyOf(requireNonNull(variables, "variables is null"));
        requireNonNull(pluginLoader, "pluginLoader is null");
    }

    /**
     * The real process environment and the CLI's own class loader (which the launcher extends with
     * {@code REPOSIX_CLASSPATH} and the {@code plugins/} folder).
     *
     * @return the environment
     */
    public static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), Main.class.getClassLoader());
    }
}
