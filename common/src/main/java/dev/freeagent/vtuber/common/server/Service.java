package dev.freeagent.vtuber.common.server;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

import io.helidon.webserver.WebServer;

/**
 * A started service: its web server and what it owns. Closing first drains (closes the live client sessions while
 * their sockets are still open, so clients get a proper close frame), then stops the server, then closes the
 * owned resources in reverse order of their creation.
 */
public final class Service implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Service.class.getName());

    private final String name;
    private final WebServer server;
    private final List<AutoCloseable> drain;
    private final List<AutoCloseable> owned;

    /**
     * Creates the handle.
     *
     * @param name service name, e.g. {@code "dialog"}
     * @param server the started server
     * @param owned resources to close after the server, in creation order
     */
    public Service(String name, WebServer server, List<? extends AutoCloseable> owned) {
        this(name, server, List.of(), owned);
    }

    /**
     * Creates the handle of a service that holds client sessions.
     *
     * @param name service name
     * @param server the started server
     * @param drain closed before the server stops (live client sessions), in reverse order
     * @param owned resources to close after the server, in creation order
     */
    public Service(String name, WebServer server, List<? extends AutoCloseable> drain, List<? extends AutoCloseable> owned) {
        this.name = name;
        this.server = server;
        this.drain = new ArrayList<>(drain);
        this.owned = new ArrayList<>(owned);
    }

    /**
     * The service name.
     *
     * @return name
     */
    public String name() {
        return name;
    }

    /**
     * The port the server listens on.
     *
     * @return port
     */
    public int port() {
        return server.port();
    }

    /**
     * The server's loopback base URL.
     *
     * @param scheme {@code http} or {@code ws}
     * @return e.g. {@code http://127.0.0.1:8100}
     */
    public String url(String scheme) {
        return scheme + "://127.0.0.1:" + port();
    }

    /**
     * Whether the server is running.
     *
     * @return true while running
     */
    public boolean running() {
        return server.isRunning();
    }

    @Override
    public void close() {
        closeAll(drain);
        server.stop();
        closeAll(owned);
    }

    private void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, name + ": failed to close " + resources.get(i).getClass().getSimpleName(), e);
            }
        }
    }
}
