/** Implementation details of the simulator (seed); not API, may change without notice. */
package dev.reposix.simulator.internal.seed;
