package dev.reposix.simulator.internal.api;

/** Which optional parts of a page a response carries. Immutable. */
record PageViewOptions(boolean storageBody, boolean version, boolean labels, boolean single) {
}
