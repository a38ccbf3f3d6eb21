package dev.reposix.testkit;

import dev.reposix.api.Capabilities;
import dev.reposix.api.SourceOfTruthProvider;

/**
 * Runs the contract against a read-only in-memory backend, seeded out-of-band as a read-only
 * backend's fixture must be; proves the "absent capability" direction of every write test.
 */
class ReadOnlyInMemoryContractTest extends SourceOfTruthContract {

    private static final int PAGE_SIZE = 2;
    private static final String PROJECT = "READONLY";

    private final InMemoryProvider provider = new InMemoryProvider(new InMemoryStore(), Capabilities.READ_ONLY, PAGE_SIZE);

    @Override
    protected SourceOfTruthProvider provider() {
        return provider;
    }

    @Override
    protected ContractFixture fixture() {
        return seeds -> {
            provider.store().seed(PROJECT, seeds);
            return () -> provider.open(PROJECT, TestingBackendContext.offline());
        };
    }

    @Override
    protected Capabilities expectedCapabilities() {
        return Capabilities.READ_ONLY;
    }

    @Override
    protected int listingPageSize() {
        return PAGE_SIZE;
    }
}
