package dev.reposix.simulator;

import dev.reposix.simulator.seed.Seeds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of tests that talk to a fresh simulator serving the demo space, one per test. */
abstract class DemoSimulatorTest {

    ConfluenceSimulator simulator;
    SimulatorHttp http;

    @BeforeEach
    final void startDemoSimulator() {
        simulator = SimulatorHttp.simulatorBuilder().seed(Seeds.demo()).start();
        http = new SimulatorHttp(simulator);
    }

    @AfterEach
    final void stopDemoSimulator() {
        simulator.close();
    }
}
