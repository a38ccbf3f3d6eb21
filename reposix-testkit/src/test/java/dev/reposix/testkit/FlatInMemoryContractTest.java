package dev.reposix.testkit;

import dev.reposix.api.Capabilities;
import dev.reposix.api.Capability;
import dev.reposix.api.RecordStatus;
import dev.reposix.api.SourceOfTruthProvider;
import java.util.Set;

/** Runs the contract against a writable in-memory backend without labels and hierarchy. */
class FlatInMemoryContractTest extends SourceOfTruthContract {

    private static final Capabilities FLAT = Capabilities.of(Capability.CREATE, Capability.UPDATE, Capability.DELETE);

    private final InMemoryProvider provider = new InMemoryProvider(new InMemoryStore(), FLAT, InMemoryProvider.DEFAULT_PAGE_SIZE);

    @Override
    protected SourceOfTruthProvider provider() {
        return provider;
    }

    @Override
    protected ContractFixture fixture() {
        return ContractFixture.seedingThroughSpi(() -> provider.open("FLAT", TestingBackendContext.offline()));
    }

    @Override
    protected Capabilities expectedCapabilities() {
        return FLAT;
    }

    @Override
    protected int listingPageSize() {
        return InMemoryProvider.DEFAULT_PAGE_SIZE;
    }

    @Override
    protected Set<RecordStatus> settableStatuses() {
        return InMemorySourceOfTruth.SETTABLE_STATUSES;
    }
}
