/** Implementation details of the simulator (store); not API, may change without notice. */
package dev.reposix.simulator.internal.store;
