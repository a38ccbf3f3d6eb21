package dev.reposix.api;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * One setting a backend needs, read from an environment variable by the CLI or passed in a map by
 * an embedder.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the setting's name as the backend looks it up, e.g. {@code email}
 * @param environmentVariable the variable it is read from, e.g. {@code ATLASSIAN_EMAIL}
 * @param required whether the backend cannot open without it
 * @param secret whether its value must never be shown (tokens, passwords)
 * @param help where to get the value, in one line (shown when it is missing)
 * @since 0.1
 */
public record Setting(String name, String environmentVariable, boolean required, boolean secret, String help) {

    private static final Pattern VARIABLE = Pattern.compile("[A-Z][A-Z0-9_]*");

    /**
     * Validates.
     *
     * @param name the name
     * @param environmentVariable the variable
     * @param required whether required
     * @param secret whether secret
     * @param help the help line
     */
    public Setting {
        requireNonNull(name, "name is null");
        requireNonNull(environmentVariable, "environmentVariable is null");
        requireNonNull(help, "help is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("setting name is blank");
        }
        if (!VARIABLE.matcher(environmentVariable).matches()) {
            throw new IllegalArgumentException(
                    "environment variable of setting '" + name + "' must match [A-Z][A-Z0-9_]*: " + environmentVariable);
        }
    }

    /**
     * A required, non-secret setting.
     *
     * @param name the name
     * @param environmentVariable the variable
     * @param help where to get the value
     * @return the setting
     */
    public static Setting required(String name, String environmentVariable, String help) {
        return new Setting(name, environmentVariable, true, false, help);
    }

    /**
     * An optional, non-secret setting.
     *
     * @param name the name
     * @param environmentVariable the variable
     * @param help what it changes
     * @return the setting
     */
    public static Setting optional(String name, String environmentVariable, String help) {
        return new Setting(name, environmentVariable, false, false, help);
    }

    /**
     * This setting, marked secret.
     *
     * @return a secret copy
     */
    public Setting asSecret() {
        return new Setting(name, environmentVariable, required, true, help);
    }
}
