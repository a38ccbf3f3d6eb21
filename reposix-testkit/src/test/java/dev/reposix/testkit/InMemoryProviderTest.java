package dev.reposix.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.reposix.api.Capabilities;
import dev.reposix.api.NewRecord;
import dev.reposix.api.ReposixException;
import dev.reposix.api.Settings;
import dev.reposix.api.StandardErrorCode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryProviderTest {

    private final InMemoryProvider provider = new InMemoryProvider();

    @Test
    void pageSizeSettingOverridesTheDefault() {
        Settings settings = Settings.of(provider.settings(), Map.of(InMemoryProvider.PAGE_SIZE_SETTING, "2"));

        try (InMemorySourceOfTruth sourceOfTruth = provider.open("P", settings, TestingBackendContext.offline())) {
            assertThat(sourceOfTruth.pageSize()).isEqualTo(2);
        }
    }

    @Test
    void pageSizeSettingThatIsNotAPositiveNumberIsAnInvalidSetting() {
        Settings settings = Settings.of(provider.settings(), Map.of(InMemoryProvider.PAGE_SIZE_SETTING, "zero"));

        assertThatExceptionOfType(ReposixException.class)
                .isThrownBy(() -> provider.open("P", settings, TestingBackendContext.offline()))
                .extracting(ReposixException::errorCode).isEqualTo(StandardErrorCode.INVALID_SETTING);
    }

    @Test
    void projectsOfOneStoreAreSeparate() {
        InMemoryProvider shared = new InMemoryProvider(new InMemoryStore(), Capabilities.all(), 10);
        shared.store().insert("A", NewRecord.of("Only in A", "Body."));

        try (InMemorySourceOfTruth other = shared.open("B", TestingBackendContext.offline())) {
            assertThat(other.manifest()).isEmpty();
        }
        assertThat(shared.store().size("A")).isEqualTo(1);
    }

    @Test
    void closedSourceOfTruthRefusesToBeUsed() {
        InMemorySourceOfTruth sourceOfTruth = provider.open("P", TestingBackendContext.offline());
        sourceOfTruth.close();

        assertThatExceptionOfType(IllegalStateException.class).isThrownBy(sourceOfTruth::manifest);
    }
}
