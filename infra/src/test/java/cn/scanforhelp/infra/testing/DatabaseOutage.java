package cn.scanforhelp.infra.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded PostgreSQL behind a TCP relay the test can cut: {@link #down()} closes every open
 * connection and refuses new ones (what a service sees when the database server dies or its host is
 * unreachable); {@link #up()} listens again on the same port. Use it in place of
 * {@link PostgresResource} (a profile with {@code disableGlobalTestResources}). {@link #crashed()} is
 * what follows a kill -9 of PostgreSQL and its restart: every server process is terminated (idle pooled
 * connections hold a pending {@code 57P01}) and new connections are answered, as during crash recovery,
 * {@code FATAL 57P03 the database system is starting up}.
 */
public class DatabaseOutage implements QuarkusTestResourceLifecycleManager {

    private static volatile int port;
    private static volatile ServerSocket listener;
    private static final Set<Socket> OPEN = ConcurrentHashMap.newKeySet();
    /** With the init argument {@code down=true} the service starts with its database unreachable. */
    private boolean startDown;
    /** New connections get 57P03 instead of a relay to the server. */
    private static volatile boolean recovering;

    @Override
    public void init(Map<String, String> initArgs) {
        startDown = Boolean.parseBoolean(initArgs.getOrDefault("down", "false"));
    }

    @Override
    public Map<String, String> start() {
        PostgresResource.server();
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        recovering = false;
        if (startDown) {
            down();
        } else {
            up();
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
        down();
    }

    /** Starts relaying to the embedded PostgreSQL on the same port as before. */
    public static synchronized void up() {
        recovering = false;
        if (listener != null) {
            return;
        }
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress("127.0.0.1", port));
            listener = s;
            Thread accept = new Thread(() -> accept(s), "db-outage-accept");
            accept.setDaemon(true);
            accept.start();
        } catch (IOException e) {
            throw new UncheckedIOException("relay port " + port + " not bound again", e);
        }
    }

    /** The database is gone: open connections break, new ones are refused. */
    public static synchronized void down() {
        if (listener != null) {
            try {
                listener.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            listener = null;
        }
        for (Socket s : OPEN) {
            close(s);
        }
        OPEN.clear();
    }

    /** PostgreSQL crashed and is in recovery: server processes terminated, new connections refused with 57P03. */
    public static synchronized void crashed() {
        up();
        recovering = true;
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(PostgresResource.jdbcUrl());
                java.sql.Statement st = c.createStatement()) {
            st.execute("select pg_terminate_backend(pid) from pg_stat_activity "
                    + "where datname = 'postgres' and pid <> pg_backend_pid() and backend_type = 'client backend'");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("backends not terminated", e);
        }
    }

    /** Reads the client's SSLRequest (answered 'N') and startup packet, then answers as a recovering server. */
    private static void startingUp(Socket client) {
        try (client) {
            java.io.DataInputStream in = new java.io.DataInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            int len = in.readInt();
            int code = in.readInt();
            in.skipNBytes(len - 8);
            if (code == 80877103) { // SSLRequest
                out.write('N');
                out.flush();
                len = in.readInt();
                in.skipNBytes(len - 4);
            }
            byte[] fields = ("SFATAL\0VFATAL\0C57P03\0Mthe database system is starting up\0\0")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            java.io.DataOutputStream d = new java.io.DataOutputStream(out);
            d.writeByte('E');
            d.writeInt(4 + fields.length);
            d.write(fields);
            d.flush();
        } catch (IOException ignored) {
            // the client gave up
        }
    }

    private static void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                if (recovering) {
                    startingUp(client);
                    continue;
                }
                Socket server = new Socket("127.0.0.1", PostgresResource.server().getPort());
                OPEN.add(client);
                OPEN.add(server);
                pipe(client, server);
                pipe(server, client);
            } catch (IOException e) {
                // closed by down()
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // one side closed
            } finally {
                close(from);
                close(to);
                OPEN.remove(from);
                OPEN.remove(to);
            }
        }, "db-outage-pipe");
        t.setDaemon(true);
        t.start();
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
