/** Implementation details of the simulator (api); not API, may change without notice. */
package dev.reposix.simulator.internal.api;
