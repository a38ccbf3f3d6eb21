package dev.reposix.bench;

/** The scenario names of issue 9, in table order. Constants only. */
final class Scenarios {
    static final String INIT = "init (cold cache)";
    static final String SYNC_NO_CHANGE = "sync (no change)";
    static final String SYNC_TEN_CHANGED = "sync (10 pages changed)";
    static final String SYNC_MOVE_DELETE = "sync (1 moved, 1 deleted)";
    static final String SYNC_ATTACHMENT_REPLACED = "sync (1 attachment replaced)";
    static final String CLI_START = "CLI start (reposix --version)";
    static final String GIT_PULL = "git pull (no change)";
    static final String GIT_PUSH = "git push (1-page edit)";
    static final String MIRROR_SYNC = "mirror sync (no change)";
    static final String HELPER_START = "helper start (capabilities)";

    private Scenarios() {
    }
}
