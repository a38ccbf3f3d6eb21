/**
 * Seed content for the simulator: {@link dev.reposix.simulator.seed.Seed} and its parts, JSON
 * load/save, and the built-in demo and generated spaces in {@link dev.reposix.simulator.seed.Seeds}.
 */
package dev.reposix.simulator.seed;
