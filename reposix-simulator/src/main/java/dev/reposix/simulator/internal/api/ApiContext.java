package dev.reposix.simulator.internal.api;

import dev.reposix.simulator.CursorMode;
import dev.reposix.simulator.internal.store.ContentProperties;
import dev.reposix.simulator.internal.store.PageTree;
import dev.reposix.simulator.internal.store.PageWrites;
import dev.reposix.simulator.internal.store.SimulatorStore;
import dev.reposix.simulator.internal.store.StoredSpace;
import java.util.function.Supplier;

/**
 * What endpoint handlers share: the store and its views, the site base URL, the account that
 * API writes are attributed to, and the current cursor mode. Immutable, thread-safe.
 */
public record ApiContext(SimulatorStore store, PageWrites writes, PageTree tree, ContentProperties content,
                         Supplier<String> siteBaseSupplier, String apiAccountId,
                         Supplier<CursorMode> cursorModeSupplier) {

    /** Creates the context with fresh views over {@code store}. */
    public static ApiContext over(SimulatorStore store, Supplier<String> siteBase, String apiAccountId,
                                  Supplier<CursorMode> cursorMode) {
        return new ApiContext(store, new PageWrites(store), new PageTree(store), new ContentProperties(store),
            siteBase, apiAccountId, cursorMode);
    }

    /** {@code http://127.0.0.1:PORT/wiki}, the {@code _links.base} value. */
    String siteBase() {
        return siteBaseSupplier.get();
    }

    long labelId(String name) {
        return content.labelId(name);
    }

    CursorMode cursorMode() {
        return cursorModeSupplier.get();
    }

    /** The key of a space, for web UI links (the space may have become unreadable meanwhile). */
    String spaceKey(long spaceId) {
        return store.space(spaceId).map(StoredSpace::key).orElse("UNKNOWN");
    }
}
