package dev.reposix.core.sync;

/**
 * How many files one sync created, updated, moved and deleted, and how many commits it made.
 * Immutable.
 *
 * @param created files written for the first time
 * @param updated files rewritten for a new version
 * @param moved files moved or re-linked without a new version
 * @param deleted files removed
 * @param commits commits made
 */
record SyncCounts(int created, int updated, int moved, int deleted, int commits) {
}
