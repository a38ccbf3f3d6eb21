package dev.reposix.testkit;

import dev.reposix.api.Capabilities;
import dev.reposix.api.Capability;
import dev.reposix.api.RecordStatus;
import dev.reposix.api.SourceOfTruthProvider;
import java.util.Set;

/** Runs the contract against the in-memory backend with every capability and three records a page. */
class InMemoryContractTest extends SourceOfTruthContract {

    private static final int PAGE_SIZE = 3;

    private final InMemoryProvider provider = new InMemoryProvider(new InMemoryStore(), Capabilities.all().with(Capability.ATTACHMENTS), PAGE_SIZE);

    @Override
    protected SourceOfTruthProvider provider() {
        return provider;
    }

    @Override
    protected ContractFixture fixture() {
        return ContractFixture.seedingThroughSpi(() -> provider.open("CONTRACT", TestingBackendContext.offline()));
    }

    @Override
    protected Capabilities expectedCapabilities() {
        return Capabilities.all().with(Capability.ATTACHMENTS);
    }

    @Override
    protected int listingPageSize() {
        return PAGE_SIZE;
    }

    @Override
    protected Set<RecordStatus> settableStatuses() {
        return InMemorySourceOfTruth.SETTABLE_STATUSES;
    }
}
