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
        if (!missing.isEmpty()) {
            throw new ReposixException(StandardErrorCode.MISSING_SETTINGS, missingMessage(provider.scheme(), missing));
        }
        return Settings.of(definitions, values);
    }

    private static String missingMessage(String scheme, List<Setting> missing) {
        int width = missing.stream().mapToInt(setting -> setting.environmentVariable().length()).max().orElse(0);
        StringBuilder message = new StringBuilder("the ").append(scheme).append(" backend needs ")
                .append(missing.size() == 1 ? "a setting that is" : missing.size() + " settings that are")
                .append(" not set:");
        for (Setting setting : missing) {
            message.append("\n  ").append(String.format("%-" + width + "s", setting.environmentVariable()))
                    .append("  ").append(setting.help());
        }
        return message.append("\nExport ").append(missing.size() == 1 ? "it" : "them")
                .append(" (export NAME=value) and run the command again.").toString();
    }
}
