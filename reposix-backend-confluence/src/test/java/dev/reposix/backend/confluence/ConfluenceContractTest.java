package dev.reposix.backend.confluence;

import dev.reposix.api.Capabilities;
import dev.reposix.api.Capability;
import dev.reposix.api.RecordStatus;
import dev.reposix.api.SourceOfTruthProvider;
import dev.reposix.testkit.ContractFixture;
import dev.reposix.testkit.SourceOfTruthContract;
import java.util.Set;
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
        return Capabilities.all().with(Capability.ATTACHMENTS);
    }

    @Override
    protected int listingPageSize() {
        return 250;
    }

    /** The page-update request sets current and draft; archiving has its own endpoint, trashing is a delete. */
    @Override
    protected Set<RecordStatus> settableStatuses() {
        return Set.of(RecordStatus.CURRENT, RecordStatus.DRAFT);
    }

    @AfterEach
    void stopSimulator() {
        if (site != null) {
            site.close();
        }
    }
}
