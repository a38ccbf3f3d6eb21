package dev.reposix.backend.confluence;

import dev.reposix.api.Capabilities;
import dev.reposix.api.SourceOfTruthProvider;
import dev.reposix.testkit.ContractFixture;
import dev.reposix.testkit.SourceOfTruthContract;
import org.junit.jupiter.api.AfterEach;

/** The backend contract, run against the Confluence simulator: a fresh space per test. */
class ConfluenceContractTest extends SourceOfTruthContract {

    private SimulatedSpace site;

    @Override
    protected SourceOfTruthProvider provider() {
        return new ConfluenceProvider();
    }

    @Override
    protected ContractFixture fixture() {
        site = SimulatedSpace.serving(SimulatedSpace.emptySpace("CONTRACT"));
        return ContractFixture.seedingThroughSpi(() -> site.open("CONTRACT"));
    }

    @Override
    protected Capabilities expectedCapabilities() {
        return Capabilities.all();
    }

    @Override
    protected int listingPageSize() {
        return 250;
    }

    @AfterEach
    void stopSimulator() {
        if (site != null) {
            site.close();
        }
    }
}
