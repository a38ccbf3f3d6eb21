package dev.reposix.example;

import dev.reposix.api.Capabilities;
import dev.reposix.api.RecordStatus;
import dev.reposix.api.Settings;
import dev.reposix.api.SourceOfTruthProvider;
import dev.reposix.testkit.ContractFixture;
import dev.reposix.testkit.SourceOfTruthContract;
import dev.reposix.testkit.TestingBackendContext;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;

/** The reposix contract, run against the example backend in a fresh directory per test. */
class ExampleBackendContractTest extends SourceOfTruthContract {

    @TempDir
    Path directory;

    private final ExampleProvider provider = new ExampleProvider();

    @Override
    protected SourceOfTruthProvider provider() {
        return provider;
    }

    @Override
    protected ContractFixture fixture() {
        Settings settings = Settings.of(provider.settings(), Map.of(ExampleProvider.DIRECTORY_SETTING, directory.toString()));
        return ContractFixture.seedingThroughSpi(() -> provider.open("CONTRACT", settings, TestingBackendContext.offline()));
    }

    @Override
    protected Capabilities expectedCapabilities() {
        return ExampleProvider.CAPABILITIES;
    }

    @Override
    protected Set<RecordStatus> settableStatuses() {
        return Set.of(RecordStatus.CURRENT, RecordStatus.DRAFT, RecordStatus.ARCHIVED);
    }
}
