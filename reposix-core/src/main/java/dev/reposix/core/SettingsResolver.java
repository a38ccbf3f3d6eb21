package dev.reposix.core;

import dev.reposix.api.ReposixException;
import dev.reposix.api.Setting;
import dev.reposix.api.Settings;
import dev.reposix.api.SourceOfTruthProvider;
import dev.reposix.api.StandardErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves a provider's settings: an explicit value (from an embedder) wins over the environment
 * variable. All missing required settings are reported in one error, each with its variable and
 * where to get a value. Values never appear in messages. Stateless and thread-safe.
 */
final class SettingsResolver {

    private SettingsResolver() {
    }

    static Settings resolve(SourceOfTruthProvider provider, Map<String, String> environment,
            Map<String, String> explicitValues) {
        Resolution resolution = resolution(provider, environment, explicitValues);
        if (!resolution.missing().isEmpty()) {
            throw new ReposixException(StandardErrorCode.MISSING_SETTINGS,
                    missingMessage(provider.scheme(), resolution.missing()));
        }
        return resolution.settings();
    }

    /** The lines naming each missing setting (variable and where to get a value), without throwing. */
    static List<String> missing(SourceOfTruthProvider provider, Map<String, String> environment,
            Map<String, String> explicitValues) {
        return resolution(provider, environment, explicitValues).missing();
    }

    private static Resolution resolution(SourceOfTruthProvider provider, Map<String, String> environment,
            Map<String, String> explicitValues) {
        List<Setting> definitions = provider.settings();
        Map<String, String> values = new LinkedHashMap<>();
        List<Setting> missing = new ArrayList<>();
        for (Setting setting : definitions) {
            String value = explicitValues.get(setting.name());
            if (value == null || value.isBlank()) {
                value = environment.get(setting.environmentVariable());
            }
            if (value != null && !value.isBlank()) {
                values.put(setting.name(), value);
            } else if (setting.required()) {
                missing.add(setting);
            }
        }
        Settings settings = Settings.of(definitions, values);
        List<String> lines = new ArrayList<>();
        int width = missing.stream().mapToInt(setting -> setting.environmentVariable().length()).max().orElse(0);
        for (Setting setting : missing) {
            lines.add(String.format("%-" + width + "s", setting.environmentVariable()) + "  " + setting.help());
        }
        lines.addAll(provider.missingSettings(settings));
        return new Resolution(settings, List.copyOf(lines));
    }

    private record Resolution(Settings settings, List<String> missing) {
    }

    private static String missingMessage(String scheme, List<String> lines) {
        StringBuilder message = new StringBuilder("the ").append(scheme).append(" backend needs ")
                .append(lines.size() == 1 ? "a setting that is" : lines.size() + " settings that are")
                .append(" not set:");
        for (String line : lines) {
            message.append("\n  ").append(line);
        }
        return message.append("\nExport ").append(lines.size() == 1 ? "it" : "them")
                .append(" (export NAME=value) and run the command again.").toString();
    }
}
