package dk.samspil.neo4j;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.internal.kernel.api.security.AuthenticationResult;
import org.neo4j.internal.kernel.api.security.LoginContext;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.api.security.AuthManager;
import org.neo4j.kernel.api.security.AuthToken;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.kernel.internal.Version;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;
import org.neo4j.server.configuration.ServerSettings;

/**
 * A Neo4j 5 Community server for tests: the embedded database with only the
 * Bolt connector open, on loopback; with {@code --http-port} also the HTTP connector
 * on loopback, which serves Neo4j Browser at /browser/ when its jar is on the class path.
 *
 * <pre>
 * java -Xmx512m -cp 'neo4j-server.jar:lib/*' dk.samspil.neo4j.Launcher \
 *     [--port 17687] [--dir .run/neo4j] [--password PW] [--host 127.0.0.1] [--pagecache-mb 256]
 *     [--http-port 17688]
 * </pre>
 *
 * The password of user {@code neo4j} is taken from {@code --password}, else the
 * environment variable NEO4J_PASSWORD, else SAMSPIL_NEO4J_PASSWORD (the
 * environment keeps it out of the process list). It is (re)set on every start,
 * so the store always answers to the password it was last started with.
 *
 * Prints {@code READY bolt://HOST:PORT} on standard output once Bolt accepts
 * connections and the password is set, then blocks. SIGTERM (or SIGINT) shuts
 * the database down cleanly through a shutdown hook and prints {@code STOPPED}.
 * Exit status 2 for bad arguments, 1 when the database could not start.
 */
public final class Launcher {

    private static final String DEFAULT_DB = GraphDatabaseSettings.DEFAULT_DATABASE_NAME;
    private static final String SYSTEM_DB = GraphDatabaseSettings.SYSTEM_DATABASE_NAME;

    private Launcher() {}

    public static void main(String[] args) {
        Options opts;
        try {
            opts = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("neo4j-server: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        PrintStream out = System.out;
        try {
            run(opts, out);
        } catch (Throwable t) {
            System.err.println("neo4j-server: FAILED to start: " + t);
            t.printStackTrace(System.err);
            System.err.flush();
            // Runs the shutdown hook (if the DBMS got that far), which closes the
            // store cleanly; if SIGTERM already started the shutdown, this waits for it.
            System.exit(1);
        }
    }

    private static void run(Options opts, PrintStream out) throws Exception {
        Path home = opts.dir.toAbsolutePath().normalize();
        Files.createDirectories(home);
        long t0 = System.nanoTime();
        out.printf("neo4j-server: Neo4j %s (Community, embedded), home %s%n", Version.getNeo4jVersion(), home);
        out.flush();

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setUserLogProvider(new Log4jLogProvider(System.out, Level.INFO))
                .setConfig(settings(opts))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("neo4j-server: shutting down");
            out.flush();
            try {
                dbms.shutdown();
                out.println("STOPPED");
            } catch (Throwable t) {
                System.err.println("neo4j-server: error during shutdown: " + t);
            } finally {
                out.flush();
                stopped.countDown();
            }
        }, "neo4j-server-shutdown"));

        GraphDatabaseService db = dbms.database(DEFAULT_DB);
        if (!db.isAvailable(Duration.ofMinutes(2).toMillis())) {
            throw new IllegalStateException("database '" + DEFAULT_DB + "' did not become available");
        }
        long tDb = System.nanoTime();
        boolean changed = setPassword(dbms, opts.password);
        waitForBolt(opts.host, opts.port, Duration.ofSeconds(60));

        long now = System.nanoTime();
        out.printf("neo4j-server: started in %d ms (databases %d ms, password %s in %d ms)%n",
                (now - t0) / 1_000_000, (tDb - t0) / 1_000_000, changed ? "set" : "unchanged",
                (now - tDb) / 1_000_000);
        if (opts.httpPort > 0) {
            out.printf("neo4j-server: Neo4j Browser (if its jar is on the class path) at http://%s:%d/browser/%n",
                    opts.host, opts.httpPort);
        }
        out.printf("READY bolt://%s:%d%n", opts.host, opts.port);
        out.flush();

        // Block until the shutdown hook has run (SIGTERM / SIGINT).
        stopped.await();
    }

    private static Map<org.neo4j.graphdb.config.Setting<?>, Object> settings(Options opts) {
        Map<org.neo4j.graphdb.config.Setting<?>, Object> s = new java.util.LinkedHashMap<>();
        // Connectors: Bolt only, on the given loopback address, no TLS; no HTTP(S).
        s.put(BoltConnector.enabled, true);
        s.put(BoltConnector.listen_address, new SocketAddress(opts.host, opts.port));
        s.put(BoltConnector.advertised_address, new SocketAddress(opts.host, opts.port));
        s.put(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED);
        // Neo4j waits 5 s + 5 s for Bolt connections and threads at shutdown; 1 s each is plenty here.
        s.put(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1));
        s.put(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1));
        // HTTP only when asked for (Neo4j Browser), on the same loopback address; never HTTPS.
        s.put(HttpConnector.enabled, opts.httpPort > 0);
        if (opts.httpPort > 0) {
            s.put(HttpConnector.listen_address, new SocketAddress(opts.host, opts.httpPort));
            s.put(HttpConnector.advertised_address, new SocketAddress(opts.host, opts.httpPort));
            // The Browser fetches no guides or telemetry from outside.
            s.put(ServerSettings.allow_telemetry, false);
            s.put(ServerSettings.browser_remote_content_hostname_whitelist, "");
        }
        s.put(HttpsConnector.enabled, false);
        // Auth on; no lock-out after failed logins (tests try wrong passwords on purpose).
        s.put(GraphDatabaseSettings.auth_enabled, true);
        s.put(GraphDatabaseSettings.auth_max_failed_attempts, 0);
        // Nothing leaves the machine.
        s.put(GraphDatabaseSettings.udc_enabled, false);
        s.put(GraphDatabaseInternalSettings.udc_network_enabled, false);
        // Memory: a small page cache; heap is set with -Xmx on the java command line.
        s.put(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(opts.pagecacheMb));
        s.put(GraphDatabaseSettings.pagecache_warmup_enabled, false);
        // Small, quickly checkpointed transaction logs: quick start and recovery, little disk.
        s.put(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(16));
        s.put(GraphDatabaseSettings.keep_logical_logs, "64M size");
        s.put(GraphDatabaseSettings.preallocate_logical_logs, false);
        s.put(GraphDatabaseSettings.preallocate_store_files, false);
        s.put(GraphDatabaseSettings.check_point_interval_time, Duration.ofMinutes(1));
        s.put(GraphDatabaseSettings.check_point_interval_volume, ByteUnit.mebiBytes(32));
        // A runaway query in a test ends instead of hanging the suite.
        s.put(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10));
        s.put(GraphDatabaseSettings.lock_acquisition_timeout, Duration.ofMinutes(2));
        s.put(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(10));
        return s;
    }

    /**
     * Sets the password of user neo4j, with no change required at first login.
     * Returns false when the password was already in force (a restart), which
     * is checked first because it is much quicker than the first Cypher query.
     */
    private static boolean setPassword(DatabaseManagementService dbms, String password) {
        GraphDatabaseService system = dbms.database(SYSTEM_DB);
        if (passwordWorks(system, password)) {
            return false;
        }
        try {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
        } catch (RuntimeException e) {
            // A restart with the same password: Neo4j refuses to "change" to the
            // current password, which is exactly the state we want.
            if (messages(e).contains("Old password and new password cannot be the same")) {
                return false;
            }
            throw e;
        }
        return true;
    }

    /** Whether neo4j/password logs in now, asked of the DBMS's own auth manager (no Cypher). */
    private static boolean passwordWorks(GraphDatabaseService system, String password) {
        try {
            AuthManager auth = ((GraphDatabaseAPI) system).getDependencyResolver().resolveDependency(AuthManager.class);
            Map<String, Object> token = new HashMap<>(AuthToken.newBasicAuthToken("neo4j", password));
            LoginContext login = auth.login(token, ClientConnectionInfo.EMBEDDED_CONNECTION);
            return login.subject().getAuthenticationResult() == AuthenticationResult.SUCCESS;
        } catch (Throwable t) {
            // Internal API: if it is not there, fall back to always setting the password.
            return false;
        }
    }

    private static String messages(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c.getMessage()).append('\n');
        }
        return sb.toString();
    }

    private static void waitForBolt(String host, int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 1000);
                return;
            } catch (IOException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("Bolt did not accept connections on " + host + ":" + port, last);
    }

    /** Command-line options. */
    private static final class Options {
        static final String USAGE = "usage: Launcher [--port N] [--dir PATH] [--password PW] "
                + "[--host ADDR] [--pagecache-mb N] [--http-port N]   (password also from NEO4J_PASSWORD or SAMSPIL_NEO4J_PASSWORD)";

        int port = 17687;
        Path dir = Path.of(".run", "neo4j");
        String password;
        String host = "127.0.0.1";
        long pagecacheMb = 256;
        int httpPort = 0;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String v = null;
                int eq = a.indexOf('=');
                if (a.startsWith("--") && eq > 0) {
                    v = a.substring(eq + 1);
                    a = a.substring(0, eq);
                }
                switch (a) {
                    case "-h", "--help" -> {
                        System.out.println(USAGE);
                        System.exit(0);
                    }
                    case "--port" -> o.port = parseInt(a, v != null ? v : value(args, ++i, a));
                    case "--dir" -> o.dir = Path.of(v != null ? v : value(args, ++i, a));
                    case "--password" -> o.password = v != null ? v : value(args, ++i, a);
                    case "--host" -> o.host = v != null ? v : value(args, ++i, a);
                    case "--http-port" -> o.httpPort = parseInt(a, v != null ? v : value(args, ++i, a));
                    case "--pagecache-mb" -> o.pagecacheMb = parseInt(a, v != null ? v : value(args, ++i, a));
                    default -> throw new IllegalArgumentException("unknown argument: " + a);
                }
            }
            if (o.password == null) {
                o.password = firstNonEmpty(System.getenv("NEO4J_PASSWORD"), System.getenv("SAMSPIL_NEO4J_PASSWORD"));
            }
            if (o.password == null || o.password.isEmpty()) {
                throw new IllegalArgumentException(
                        "no password: give --password or set NEO4J_PASSWORD (or SAMSPIL_NEO4J_PASSWORD)");
            }
            if (o.password.codePointCount(0, o.password.length()) < 8) {
                throw new IllegalArgumentException("password must be at least 8 characters (Neo4j's minimum)");
            }
            if (o.port < 1 || o.port > 65535) {
                throw new IllegalArgumentException("port out of range: " + o.port);
            }
            return o;
        }

        private static String value(String[] args, int i, String name) {
            if (i >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            return args[i];
        }

        private static int parseInt(String name, String v) {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " needs a number, got: " + v);
            }
        }

        private static String firstNonEmpty(String... values) {
            for (String v : values) {
                if (v != null && !v.isEmpty()) {
                    return v;
                }
            }
            return null;
        }
    }
}
