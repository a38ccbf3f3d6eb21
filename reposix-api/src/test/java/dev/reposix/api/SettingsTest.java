package dev.reposix.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private static final List<Setting> DEFINITIONS = List.of(
            Setting.required("email", "ATLASSIAN_EMAIL", "your Atlassian account e-mail"),
            Setting.required("token", "ATLASSIAN_API_KEY", "an API token").asSecret(),
            Setting.optional("tenant", "REPOSIX_CONFLUENCE_TENANT", "the site name"));

    @Test
    void secretValuesNeverAppearInToString() {
        Settings settings = Settings.of(DEFINITIONS, Map.of("email", "jane@acme.example", "token", "ATATT-very-secret"));

        assertThat(settings.toString()).contains("email=jane@acme.example").contains("token=****")
                .doesNotContain("ATATT-very-secret");
        assertThat(settings.require("token")).isEqualTo("ATATT-very-secret");
    }

    @Test
    void blankValuesCountAsAbsentAndRequireNamesTheVariable() {
        Settings settings = Settings.of(DEFINITIONS, Map.of("tenant", "  "));

        assertThat(settings.get("tenant")).isEmpty();
        assertThatThrownBy(() -> settings.require("email"))
                .isInstanceOfSatisfying(ReposixException.class, error -> {
                    assertThat(error.errorCode()).isEqualTo(StandardErrorCode.MISSING_SETTINGS);
                    assertThat(error.getMessage()).contains("export ATLASSIAN_EMAIL=");
                });
    }

    @Test
    void valuesForUndeclaredSettingsAreRejectedSoTyposAreNotIgnored() {
        assertThatThrownBy(() -> Settings.of(DEFINITIONS, Map.of("emial", "x")))
                .hasMessageContaining("unknown setting 'emial'");
    }

    @Test
    void environmentVariableNamesAreValidated() {
        assertThatThrownBy(() -> Setting.required("email", "atlassian-email", "x"))
                .hasMessageContaining("[A-Z][A-Z0-9_]*");
    }
}
