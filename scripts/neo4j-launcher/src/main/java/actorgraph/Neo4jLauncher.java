/*
 * actorgraph: runs a real Neo4j Community 5.26 DBMS (the same kernel, Cypher
 * runtime, security and Bolt server the packaged server uses) in this JVM,
 * without Docker and without the packaged tar.gz (which Maven Central does not
 * serve). Started and stopped by scripts/neo4j-local.sh; usable by hand too:
 *
 *   java -cp '.neo4j/lib/*' actorgraph.Neo4jLauncher \
 *        --home=.neo4j/home --password-file=.neo4j/password [--bolt-port=7687] ...
 *
 * Options (each --flag wins over its environment variable, which wins over the default):
 *   --home=DIR            NEO4J_LAUNCHER_HOME   (required) DBMS home: data/, logs/, conf/
 *   --password-file=FILE  NEO4J_PASSWORD_FILE   (required) password for user "neo4j"
 *   --bolt-port=N         NEO4J_BOLT_PORT       7687
 *   --http-port=N|off     NEO4J_HTTP_PORT       7474 ("off" or 0 disables the HTTP connector)
 *   --tx-timeout=DUR      NEO4J_TX_TIMEOUT      60s  (db.transaction.timeout; see note below)
 *   --tx-memory-max=BYTES NEO4J_TX_MEMORY_MAX   2g   (db.memory.transaction.max)
 *   --pagecache=BYTES     NEO4J_PAGECACHE       1g   (server.memory.pagecache.size)
 * Every connector listens on 127.0.0.1 only. Always set: dbms.security.auth_enabled=true,
 * dbms.cypher.forbid_exhaustive_shortestpath=true (the 5.26 name of the old
 * cypher.forbid_exhaustive_shortestpath; set through its typed setting), dbms.usage_report.enabled=false.
 *
 * Note on db.transaction.timeout (verified on 5.26.30): it terminates every transaction that does
 * not carry its own timeout; a timeout sent by the client (driver tx config) replaces it, even a
 * longer one. So it is a ceiling only as long as the application sets no longer per-tx timeout.
 *
 * Extra settings: if DIR/conf/neo4j.conf exists it is loaded first (plain neo4j.conf syntax);
 * the settings above are applied on top of it.
 *
 * Password: the password file is the source of truth. On the very first start (no system
 * database yet) the DBMS is booted once with every connector disabled, the password is set
 * through the embedded API on the "system" database with
 *   ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED
 * and the DBMS is shut down again, so Bolt never serves the default neo4j/neo4j credentials.
 * On later starts the same statement re-syncs the password if the file changed (Neo4j refuses
 * to "change" a password to its current value; that answer means it is already in sync).
 *
 * HTTP: in 5.26 org.neo4j:neo4j depends on org.neo4j:neo4j-server (Jetty), and
 * DatabaseManagementServiceFactory starts that web server whenever server.http.enabled=true, so
 * the HTTP API (discovery document at /, Cypher at /db/{name}/query/v2 and /db/{name}/tx) is
 * real. Neo4j Browser is NOT served: its UI ships in a separate artifact that the packaged
 * server bundles and this launcher does not.
 *
 * Output: user-facing log lines go to stdout (neo4j-local.sh sends them to .neo4j/neo4j.log);
 * debug.log and security.log go to DIR/logs. Once Bolt is up this prints exactly one line
 *   ACTORGRAPH_NEO4J_READY bolt://127.0.0.1:<port>
 * and writes DIR/run/launcher.properties (version, URIs, pid) for `neo4j-local.sh status`.
 * SIGTERM/SIGINT run a shutdown hook that shuts the DBMS down cleanly (checkpoint included).
 */
package actorgraph;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingImpl;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.config.Setting;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

public final class Neo4jLauncher {
    static final String READY_PREFIX = "ACTORGRAPH_NEO4J_READY ";
    static final String HOST = "127.0.0.1";
    static final String USER = "neo4j";

    private Neo4jLauncher() {}

    public static void main(String[] args) {
        PrintStream out = System.out;
        try {
            run(args, out);
        } catch (Throwable t) {
            System.err.println("ACTORGRAPH_NEO4J_FAILED " + t);
            t.printStackTrace(System.err);
            System.err.flush();
            // halt, not exit: a half-built DBMS may have registered hooks that would block.
            Runtime.getRuntime().halt(1);
        }
    }

    private static void run(String[] args, PrintStream out) throws Exception {
        Map<String, String> opts = parseArgs(args);
        Path home = Path.of(required(opts, "home", "NEO4J_LAUNCHER_HOME")).toAbsolutePath().normalize();
        Path passwordFile = Path.of(required(opts, "password-file", "NEO4J_PASSWORD_FILE")).toAbsolutePath();
        int boltPort = port(option(opts, "bolt-port", "NEO4J_BOLT_PORT", "7687"), "bolt-port");
        String httpRaw = option(opts, "http-port", "NEO4J_HTTP_PORT", "7474").trim();
        int httpPort = httpRaw.equalsIgnoreCase("off") || httpRaw.equals("0") ? 0 : port(httpRaw, "http-port");
        String txTimeout = option(opts, "tx-timeout", "NEO4J_TX_TIMEOUT", "60s");
        String txMemoryMax = option(opts, "tx-memory-max", "NEO4J_TX_MEMORY_MAX", "2g");
        String pagecache = option(opts, "pagecache", "NEO4J_PAGECACHE", "1g");

        String password = readPassword(passwordFile);
        Files.createDirectories(home.resolve("logs"));
        Files.createDirectories(home.resolve("run"));
        Files.deleteIfExists(home.resolve("run/launcher.properties"));

        Log4jLogProvider userLog = new Log4jLogProvider(new NonClosingStream(out), Level.INFO);

        boolean firstStart = !Files.isDirectory(home.resolve("data/databases/system"));
        if (firstStart) {
            // Bootstrap pass: create the system database and set the password with no connector
            // open, so nothing can ever log in with the default neo4j/neo4j.
            out.println("actorgraph: first start, initialising " + home + " (connectors disabled)");
            DatabaseManagementService boot = builder(home, txTimeout, txMemoryMax, pagecache, userLog)
                    .setConfig(BoltConnector.enabled, false)
                    .setConfig(HttpConnector.enabled, false)
                    .build();
            try {
                out.println("actorgraph: " + syncPassword(boot.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), password));
            } finally {
                boot.shutdown();
            }
        }

        DatabaseManagementServiceBuilder b = builder(home, txTimeout, txMemoryMax, pagecache, userLog)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, boltPort))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, boltPort))
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(HttpConnector.enabled, httpPort != 0);
        if (httpPort != 0) {
            b.setConfig(HttpConnector.listen_address, new SocketAddress(HOST, httpPort))
             .setConfig(HttpConnector.advertised_address, new SocketAddress(HOST, httpPort));
        }
        DatabaseManagementService dbms = b.build();

        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean shuttingDown = new AtomicBoolean(false);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!shuttingDown.compareAndSet(false, true)) {
                return;
            }
            out.println("actorgraph: shutdown requested, stopping Neo4j ...");
            try {
                dbms.shutdown();
                out.println("ACTORGRAPH_NEO4J_STOPPED");
            } catch (Throwable t) {
                out.println("actorgraph: error during shutdown: " + t);
                t.printStackTrace(out);
            } finally {
                try {
                    Files.deleteIfExists(home.resolve("run/launcher.properties"));
                } catch (IOException ignored) {
                    // best effort
                }
                out.flush();
                stopped.countDown();
            }
        }, "actorgraph-neo4j-shutdown"));

        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        if (!firstStart) {
            out.println("actorgraph: " + syncPassword(system, password));
        }
        // Make sure the default database really serves queries before announcing readiness.
        dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");

        String version = neo4jVersion(system);
        String boltUri = "bolt://" + HOST + ":" + boltPort;
        String httpUri = httpPort != 0 ? "http://" + HOST + ":" + httpPort : "disabled";
        writeInfo(home, version, boltUri, httpUri, txTimeout, txMemoryMax, pagecache);
        out.println("actorgraph: Neo4j " + version + " up; bolt " + boltUri + " (neo4j:// routing works too), http "
                + httpUri + " (HTTP API only, no Neo4j Browser UI)");
        out.println(READY_PREFIX + boltUri);
        out.flush();

        stopped.await();
    }

    private static DatabaseManagementServiceBuilder builder(
            Path home, String txTimeout, String txMemoryMax, String pagecache, Log4jLogProvider userLog) {
        DatabaseManagementServiceBuilder b = new DatabaseManagementServiceBuilder(home);
        Path conf = home.resolve("conf/neo4j.conf");
        if (Files.isRegularFile(conf)) {
            b.loadPropertiesFromFile(conf);
        }
        b.setUserLogProvider(userLog)
         .setConfig(GraphDatabaseSettings.auth_enabled, true)
         .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress(HOST))
         .setConfig(GraphDatabaseSettings.default_advertised_address, new SocketAddress(HOST))
         .setConfig(GraphDatabaseSettings.forbid_exhaustive_shortestpath, true)
         .setConfig(GraphDatabaseSettings.logs_directory, home.resolve("logs"))
         .setConfig(GraphDatabaseSettings.udc_enabled, false);
        setRaw(b, GraphDatabaseSettings.transaction_timeout, txTimeout);
        setRaw(b, GraphDatabaseSettings.memory_transaction_max_size, txMemoryMax);
        setRaw(b, GraphDatabaseSettings.pagecache_memory, pagecache);
        return b;
    }

    /** The embedded builder has no string-valued setConfig; parse with the setting's own parser. */
    private static <T> void setRaw(DatabaseManagementServiceBuilder b, Setting<T> setting, String raw) {
        T value;
        try {
            value = ((SettingImpl<T>) setting).parse(raw.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid value '" + raw + "' for " + setting.name() + ": " + e.getMessage(), e);
        }
        b.setConfig(setting, value);
    }

    /**
     * Makes the stored password of user neo4j equal to {@code password}. Runs on the system
     * database through the embedded API (which executes with full privileges, no login).
     */
    static String syncPassword(GraphDatabaseService system, String password) {
        Boolean changeRequired = null;
        try (Transaction tx = system.beginTx();
             Result r = tx.execute("SHOW USERS YIELD user, passwordChangeRequired WHERE user = $u RETURN passwordChangeRequired",
                     Map.of("u", USER))) {
            if (r.hasNext()) {
                changeRequired = (Boolean) r.next().get("passwordChangeRequired");
            }
            tx.commit();
        }
        Map<String, Object> params = Map.of("pw", password);
        if (changeRequired == null) {
            system.executeTransactionally("CREATE USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", params);
            return "user neo4j was missing; created it with the password from the password file";
        }
        try {
            system.executeTransactionally("ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", params);
            return changeRequired
                    ? "password of user neo4j set from the password file (was the default, change required)"
                    : "password of user neo4j re-synced from the password file (the stored one differed)";
        } catch (QueryExecutionException e) {
            String msg = String.valueOf(e.getMessage());
            if (!changeRequired && msg.contains("cannot be the same")) {
                return "password of user neo4j already matches the password file";
            }
            throw e;
        }
    }

    private static String neo4jVersion(GraphDatabaseService system) {
        try (Transaction tx = system.beginTx();
             Result r = tx.execute("CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition")) {
            String v = "unknown";
            while (r.hasNext()) {
                Map<String, Object> row = r.next();
                if ("Neo4j Kernel".equals(row.get("name"))) {
                    Object versions = row.get("versions");
                    String first = versions instanceof java.util.List<?> l && !l.isEmpty() ? String.valueOf(l.get(0)) : String.valueOf(versions);
                    v = first + " " + row.get("edition");
                }
            }
            tx.commit();
            return v;
        }
    }

    private static void writeInfo(Path home, String version, String boltUri, String httpUri,
                                  String txTimeout, String txMemoryMax, String pagecache) throws IOException {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("pid", Long.toString(ProcessHandle.current().pid()));
        info.put("version", version);
        info.put("bolt", boltUri);
        info.put("http", httpUri);
        info.put("http_note", "HTTP API only; Neo4j Browser UI is not bundled");
        info.put("tx_timeout", txTimeout);
        info.put("tx_memory_max", txMemoryMax);
        info.put("pagecache", pagecache);
        info.put("started_at", Instant.now().toString());
        StringBuilder sb = new StringBuilder();
        info.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        Path tmp = home.resolve("run/launcher.properties.tmp");
        Files.writeString(tmp, sb.toString(), StandardCharsets.UTF_8);
        Files.move(tmp, home.resolve("run/launcher.properties"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    private static String readPassword(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("password file not found: " + file);
        }
        String pw = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (pw.length() < 8) {
            throw new IllegalArgumentException("password in " + file + " is shorter than 8 characters (Neo4j's minimum)");
        }
        return pw;
    }

    private static Map<String, String> parseArgs(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (String a : args) {
            if (!a.startsWith("--") || !a.contains("=")) {
                throw new IllegalArgumentException("unexpected argument '" + a + "' (expected --name=value)");
            }
            int eq = a.indexOf('=');
            m.put(a.substring(2, eq), a.substring(eq + 1));
        }
        return m;
    }

    private static String option(Map<String, String> opts, String name, String env, String dflt) {
        String v = opts.get(name);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? dflt : v;
    }

    private static String required(Map<String, String> opts, String name, String env) {
        String v = option(opts, name, env, null);
        if (v == null) {
            throw new IllegalArgumentException("missing --" + name + "=... (or " + env + ")");
        }
        return v;
    }

    private static int port(String raw, String what) {
        try {
            int p = Integer.parseInt(raw.trim());
            if (p < 1 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid " + what + ": '" + raw + "'");
        }
    }

    /** Lets log4j "close" its stream at shutdown without closing System.out under the hook. */
    private static final class NonClosingStream extends OutputStream {
        private final PrintStream target;

        NonClosingStream(PrintStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            target.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            target.write(b, off, len);
        }

        @Override
        public void flush() {
            target.flush();
        }

        @Override
        public void close() {
            target.flush();
        }
    }
}
