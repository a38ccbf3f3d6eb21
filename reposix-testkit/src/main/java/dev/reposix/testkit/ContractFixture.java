package dev.reposix.testkit;

import static java.util.Objects.requireNonNull;

import dev.reposix.api.SourceOfTruth;
import java.util.List;

/**
 * Prepares projects for {@link SourceOfTruthContract}: a fresh, isolated project holding exactly
 * the given records. Backends that can create records seed through the SPI with
 * {@link #seedingThroughSpi(ContractProject)}; read-only backends seed out-of-band (a simulator, a
 * directory, a database) and return a {@link ContractProject} that opens the result. Called once per
 * test; implementations need not be thread-safe.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ContractFixture {

    /**
     * Creates a fresh project that holds exactly {@code seeds}, isolated from every other test.
     *
     * @param seeds the records, each parent before its children; titles are unique
     * @return the project
     */
    ContractProject createProject(List<SeedRecord> seeds);

    /**
     * A fixture that seeds an empty project through {@link SourceOfTruth#create}, parents first.
     * The project must be empty and belong to this test alone (for example a project under a
     * {@code @TempDir}).
     *
     * @param emptyProject opens the empty project
     * @return the fixture
     */
    static ContractFixture seedingThroughSpi(ContractProject emptyProject) {
        requireNonNull(emptyProject, "emptyProject is null");
        return seeds -> {
            try (SourceOfTruth sourceOfTruth = emptyProject.open()) {
                SeedRecord.createInOrder(seeds, sourceOfTruth::create);
            }
            return emptyProject;
        };
    }
}
