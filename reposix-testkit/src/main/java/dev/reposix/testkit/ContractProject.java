package dev.reposix.testkit;

import dev.reposix.api.SourceOfTruth;

/**
 * One project prepared by a {@link ContractFixture}: opens any number of {@link SourceOfTruth}
 * instances on the same project, so the contract can make a concurrent change through a second
 * instance. Implementations are thread-safe.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ContractProject {

    /**
     * Opens a new instance on this project; the contract closes it.
     *
     * @return an open source of truth
     */
    SourceOfTruth open();
}
