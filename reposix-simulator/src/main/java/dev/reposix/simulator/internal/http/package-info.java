/** Implementation details of the simulator (http); not API, may change without notice. */
package dev.reposix.simulator.internal.http;
