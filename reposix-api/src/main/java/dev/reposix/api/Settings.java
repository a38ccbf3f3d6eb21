package dev.reposix.api;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Resolved setting values for one backend, looked up by {@link Setting#name()}. Secret values never
 * appear in {@link #toString()}. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class Settings {

    private static final String REDACTED = "****";

    private final Map<String, Setting> definitions;
    private final Map<String, String> values;

    private Settings(Map<String, Setting> definitions, Map<String, String> values) {
        this.definitions = definitions;
        this.values = values;
    }

    /**
     * Settings from definitions and values keyed by setting name. Values for names without a
     * definition are rejected, so a typo is not silently ignored. Blank values count as absent.
     *
     * @param definitions the backend's settings
     * @param valuesByName the values
     * @return the settings
     */
    public static Settings of(List<Setting> definitions, Map<String, String> valuesByName) {
        Map<String, Setting> byName = new LinkedHashMap<>();
        for (Setting definition : definitions) {
            byName.put(definition.name(), definition);
        }
        Map<String, String> values = new LinkedHashMap<>();
        valuesByName.forEach((name, value) -> {
            if (!byName.containsKey(name)) {
                throw new IllegalArgumentException("unknown setting '" + name + "'; known: " + byName.keySet());
            }
            if (value != null && !value.isBlank()) {
                values.put(name, value);
            }
        });
        return new Settings(Map.copyOf(byName), Map.copyOf(values));
    }

    /**
     * The value of a setting, if set.
     *
     * @param name the setting's name
     * @return the value, or empty
     */
    public Optional<String> get(String name) {
        requireNonNull(name, "name is null");
        return Optional.ofNullable(values.get(name));
    }

    /**
     * The value of a setting that must be set.
     *
     * @param name the setting's name
     * @return the value
     * @throws ReposixException with {@link StandardErrorCode#MISSING_SETTINGS} naming the variable
     */
    public String require(String name) {
        return get(name).orElseThrow(() -> {
            Setting definition = definitions.get(name);
            String variable = definition == null ? name : definition.environmentVariable();
            return new ReposixException(StandardErrorCode.MISSING_SETTINGS,
                    "setting " + variable + " is not set; export " + variable + "=...");
        });
    }

    /**
     * The definition of a setting.
     *
     * @param name the setting's name
     * @return the definition, or empty if the backend does not declare it
     */
    public Optional<Setting> definition(String name) {
        return Optional.ofNullable(definitions.get(name));
    }

    /**
     * The settings with their values, secrets replaced by {@code ****}.
     *
     * @return a printable form
     */
    @Override
    public String toString() {
        StringJoiner joiner = new StringJoiner(", ", "Settings[", "]");
        values.forEach((name, value) -> {
            Setting definition = definitions.get(name);
            joiner.add(name + "=" + (definition.secret() ? REDACTED : value));
        });
        return joiner.toString();
    }
}
