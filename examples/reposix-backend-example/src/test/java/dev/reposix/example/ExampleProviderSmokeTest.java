package dev.reposix.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.reposix.api.ReposixException;
import dev.reposix.api.Settings;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.api.SourceOfTruthProvider;
import dev.reposix.api.StandardErrorCode;
import dev.reposix.testkit.TestingBackendContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovers the backend as the CLI would, through its services file, and opens a project. */
class ExampleProviderSmokeTest {

    @TempDir
    Path directory;

    @Test
    void serviceLoaderFindsTheBackendWhichOpensAndClosesAProject() {
        SourceOfTruthProvider provider = discover();
        Settings settings = Settings.of(provider.settings(), Map.of(ExampleProvider.DIRECTORY_SETTING, directory.toString()));

        try (SourceOfTruth sourceOfTruth = provider.open("NOTES", settings, TestingBackendContext.offline())) {
            assertThat(sourceOfTruth.scheme()).isEqualTo("example");
            assertThat(sourceOfTruth.manifest()).isEmpty();
        }
    }

    @Test
    void missingDirectorySettingNamesTheVariable() {
        SourceOfTruthProvider provider = discover();
        Settings none = Settings.of(provider.settings(), Map.of());

        assertThatExceptionOfType(ReposixException.class)
                .isThrownBy(() -> provider.open("NOTES", none, TestingBackendContext.offline()))
                .satisfies(thrown -> assertThat(thrown.errorCode()).isEqualTo(StandardErrorCode.MISSING_SETTINGS))
                .withMessageContaining("REPOSIX_EXAMPLE_DIR");
    }

    @Test
    void directoryThatDoesNotExistIsRefusedWithTheBackendsOwnCode() {
        SourceOfTruthProvider provider = discover();
        Settings settings = Settings.of(provider.settings(),
                Map.of(ExampleProvider.DIRECTORY_SETTING, directory.resolve("absent").toString()));

        assertThatExceptionOfType(ReposixException.class)
                .isThrownBy(() -> provider.open("NOTES", settings, TestingBackendContext.offline()))
                .extracting(ReposixException::errorCode).isEqualTo(ExampleErrorCode.DIRECTORY_UNUSABLE);
    }

    @Test
    void projectKeyThatCouldLeaveTheDirectoryIsRefused() {
        SourceOfTruthProvider provider = discover();
        Settings settings = Settings.of(provider.settings(), Map.of(ExampleProvider.DIRECTORY_SETTING, directory.toString()));

        assertThatExceptionOfType(ReposixException.class)
                .isThrownBy(() -> provider.open("../elsewhere", settings, TestingBackendContext.offline()))
                .extracting(ReposixException::errorCode).isEqualTo(ExampleErrorCode.INVALID_PROJECT_KEY);
    }

    @Test
    void errorCodesAreInTheRangeForThirdPartyBackends() {
        assertThat(discover().errorCodes()).isNotEmpty()
                .allSatisfy(code -> assertThat(code.number()).isBetween(9000, 9999));
    }

    private static SourceOfTruthProvider discover() {
        ClassLoader loader = ExampleProviderSmokeTest.class.getClassLoader();
        List<SourceOfTruthProvider> found = ServiceLoader.load(SourceOfTruthProvider.class, loader).stream()
                .map(ServiceLoader.Provider::get)
                .filter(provider -> provider.scheme().equals("example"))
                .toList();
        assertThat(found).as("providers with scheme 'example'").hasSize(1);
        return found.get(0);
    }
}
