/**
 * The Confluence Cloud REST v2 simulator: {@link dev.reposix.simulator.ConfluenceSimulator} and
 * its builder, request counters, and fault injection ({@link dev.reposix.simulator.FaultPlan},
 * {@link dev.reposix.simulator.FaultRule}, {@link dev.reposix.simulator.Fault},
 * {@link dev.reposix.simulator.RequestLatch}). Seeds live in {@code dev.reposix.simulator.seed};
 * everything under {@code dev.reposix.simulator.internal} is not API.
 */
package dev.reposix.simulator;
