package dev.reposix.simulator;

import com.sun.net.httpserver.HttpServer;
import dev.reposix.simulator.internal.api.ApiContext;
import dev.reposix.simulator.internal.api.AttachmentEndpoints;
import dev.reposix.simulator.internal.api.HierarchyEndpoints;
import dev.reposix.simulator.internal.api.LabelEndpoints;
import dev.reposix.simulator.internal.api.PageEndpoints;
import dev.reposix.simulator.internal.api.PropertyAndUserEndpoints;
import dev.reposix.simulator.internal.api.SpaceEndpoints;
import dev.reposix.simulator.internal.http.AdminEndpoints;
import dev.reposix.simulator.internal.http.BasicAuth;
import dev.reposix.simulator.internal.http.Router;
import dev.reposix.simulator.internal.http.SimulatorHttpHandler;
import dev.reposix.simulator.internal.store.ApiFailure;
import dev.reposix.simulator.internal.store.Attachments;
import dev.reposix.simulator.internal.store.SeedTransfer;
import dev.reposix.simulator.internal.store.SimulatorStore;
import dev.reposix.simulator.seed.Seed;
import dev.reposix.simulator.seed.SeedUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stateful, in-process Confluence Cloud REST v2 server on loopback for tests, the demo and
 * benchmarks. The API lives under {@code baseUrl() + "/wiki/api/v2/..."} and answers with the
 * field names of the Cloud OpenAPI document; requests need HTTP Basic auth with the configured
 * email and token. {@link #counters()} counts requests per endpoint, {@link #faults()} injects
 * failures, and {@code /__sim/...} exposes both over HTTP (see {@code AdminEndpoints}).
 *
 * <p>Documented choices where the OpenAPI document is silent: errors (401, 404, 409, 429, ...)
 * use the v2 body {@code {"errors":[{"status","code","title","detail":null}]}}; 401 carries
 * {@code x-failure-category: FAILURE_CLIENT_AUTH_MISMATCH}; 429 carries {@code Retry-After} in
 * seconds; list responses carry {@code Link: <next>; rel="next", <base>; rel="base"} beside
 * {@code _links.next}. Trashing a page moves its children to its parent without new versions.
 *
 * <p>Thread-safe. Close it to stop the server.
 */
public final class ConfluenceSimulator implements AutoCloseable {
    /** Account id that API writes are attributed to when no seeded user has the configured email. */
    public static final String API_ACCOUNT_ID = "557058:reposix-sim-api-user";

    static {
        // The JDK server sends headers and body in separate writes; with Nagle's algorithm on, every
        // small request/response pair stalls ~40 ms on delayed ACKs. The server reads this property
        // once, when its first instance is created, so it is set before any exists.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final SimulatorStore store;
    private final RequestCounters counters = new RequestCounters();
    private final FaultPlan faults = new FaultPlan();
    private final String apiAccountId;
    private volatile CursorMode cursorMode;
    private final String baseUrl;

    private ConfluenceSimulator(Builder builder) throws IOException {
        this.store = new SimulatorStore(builder.clock);
        this.cursorMode = builder.cursorMode;
        new SeedTransfer(store).load(builder.seed);
        Optional<SeedUser> seeded = builder.seed.users().stream()
            .filter(user -> user.email().equalsIgnoreCase(builder.email))
            .findFirst();
        this.apiAccountId = seeded.map(SeedUser::accountId).orElse(API_ACCOUNT_ID);
        if (seeded.isEmpty()) {
            store.addUser(new SeedUser(apiAccountId, "reposix API user", builder.email));
        }
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), builder.port), 0);
        this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        ApiContext context = ApiContext.over(store, () -> baseUrl + "/wiki", apiAccountId, () -> cursorMode);
        Router router = new Router();
        new SpaceEndpoints(context).register(router);
        new PageEndpoints(context).register(router);
        new HierarchyEndpoints(context).register(router);
        new LabelEndpoints(context).register(router);
        new PropertyAndUserEndpoints(context).register(router);
        new AttachmentEndpoints(context).register(router);
        server.createContext("/", new SimulatorHttpHandler(router, new AdminEndpoints(counters, faults), counters,
            faults, new BasicAuth(builder.email, builder.token), builder.maxRequestBytes));
        this.executor = Executors.newCachedThreadPool(daemonThreads());
        server.setExecutor(executor);
        server.start();
    }

    /** A builder with defaults: ephemeral port, empty seed, system UTC clock. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:PORT}; the API is under {@code /wiki/api/v2}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The request counters (live, resettable). */
    public RequestCounters counters() {
        return counters;
    }

    /** The fault plan (live; add rules at any time). */
    public FaultPlan faults() {
        return faults;
    }

    /** The account id API writes are attributed to. */
    public String apiAccountId() {
        return apiAccountId;
    }

    /** Switches how cursors are encoded for later list requests. */
    public void cursorMode(CursorMode mode) {
        this.cursorMode = Objects.requireNonNull(mode, "mode is null");
    }

    /**
     * Switches Cloud's normalisation of saved bodies: on, every macro saved without them gets an
     * {@code ac:macro-id} and {@code ac:local-id}, as Cloud adds them; off (the default), bodies are
     * stored as sent.
     */
    public void normalizeStorage(boolean enabled) {
        store.normalizeStorage(enabled);
    }

    /** Makes a space readable or unreadable for the API user: unreadable spaces vanish and 404. */
    public void setSpaceReadable(String spaceKey, boolean readable) {
        store.setReadable(spaceKey, readable);
    }

    /**
     * Stores a file on a page as the API user would with the v1 upload: a new attachment, or a new
     * version of the page's current attachment with that file name. For tests that change
     * attachments behind a client's back.
     *
     * @return the attachment's API id, e.g. {@code att1000040}
     * @throws IllegalArgumentException for an unknown page or a file name with {@code /}
     */
    public String putAttachment(String pageId, String fileName, String mediaType, byte[] data) {
        Attachments.Upload upload = new Attachments.Upload(fileName, mediaType, "", true, data);
        try {
            return new Attachments(store).upload(Long.parseLong(pageId), upload, true, apiAccountId).apiId();
        } catch (ApiFailure | NumberFormatException invalid) {
            throw new IllegalArgumentException("cannot attach " + fileName + " to page " + pageId + ": "
                + invalid.getMessage(), invalid);
        }
    }

    /**
     * Moves a current attachment to the trash, as {@code DELETE /wiki/api/v2/attachments/{id}} does.
     *
     * @throws IllegalArgumentException for an unknown or already trashed attachment
     */
    public void trashAttachment(String attachmentId) {
        try {
            new Attachments(store).delete(attachmentId, false);
        } catch (ApiFailure invalid) {
            throw new IllegalArgumentException("cannot trash attachment " + attachmentId + ": "
                + invalid.getMessage(), invalid);
        }
    }

    /** The current content (after all writes) as a seed, e.g. to save with {@link Seed#write}. */
    public Seed snapshot() {
        return new SeedTransfer(store).export();
    }

    /** Stops the server at once; held requests are interrupted. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "ConfluenceSimulator[" + baseUrl + "]";
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "confluence-simulator-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Configures and starts a {@link ConfluenceSimulator}.
     *
     * <p>Not thread-safe; use from one thread.
     */
    public static final class Builder {
        private int port;
        private String email = "reposix@example.com";
        private String token = "simulator-token";
        private Seed seed = Seed.empty();
        private Clock clock = Clock.systemUTC();
        private long maxRequestBytes = 5L * 1024 * 1024;
        private CursorMode cursorMode = CursorMode.KEYSET;

        private Builder() {
        }

        /** The loopback port; 0 (default) picks a free one. */
        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("port out of range: " + value);
            }
            this.port = value;
            return this;
        }

        /**
         * The only accepted Basic credentials. Writes are attributed to the seeded user with this
         * e-mail, under that user's name, or else to a "reposix API user" ({@link #API_ACCOUNT_ID}).
         */
        public Builder credentials(String emailAddress, String apiToken) {
            this.email = Objects.requireNonNull(emailAddress, "email is null");
            this.token = Objects.requireNonNull(apiToken, "token is null");
            return this;
        }

        /** The initial content. */
        public Builder seed(Seed value) {
            this.seed = Objects.requireNonNull(value, "seed is null");
            return this;
        }

        /** The clock stamping created and updated content. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock is null");
            return this;
        }

        /** Request bodies above this size get 413 (default 5 MiB, as on Cloud). */
        public Builder maxRequestBytes(long value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxRequestBytes must be positive");
            }
            this.maxRequestBytes = value;
            return this;
        }

        /** The initial cursor mode (default {@link CursorMode#KEYSET}). */
        public Builder cursorMode(CursorMode value) {
            this.cursorMode = Objects.requireNonNull(value, "cursorMode is null");
            return this;
        }

        /** Starts the simulator. */
        public ConfluenceSimulator start() {
            try {
                return new ConfluenceSimulator(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the Confluence simulator on port " + port, e);
            }
        }
    }
}
