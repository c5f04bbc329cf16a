package dev.freeagent.vtuber.common.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

import redis.embedded.RedisServer;

/**
 * A real redis-server process (the binary shipped in the embedded-redis jar) on loopback, keeping
 * nothing on disk. Used by the one-JVM launcher when no Redis is reachable, and by tests that stop and
 * restart Redis. Needs the {@code com.github.codemonstur:embedded-redis} artifact on the class path.
 */
public final class EmbeddedRedis implements AutoCloseable {
    private final RedisServer server;
    private final int port;

    private EmbeddedRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts a redis-server on 127.0.0.1.
     *
     * @param port the port (see {@link #freePort()})
     * @return the running server
     */
    public static EmbeddedRedis start(int port) {
        try {
            RedisServer server = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            server.start();
            return new EmbeddedRedis(server, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded redis-server on port " + port, e);
        }
    }

    /**
     * A TCP port nobody listens on right now.
     *
     * @return the port
     */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether something accepts TCP connections at the address.
     *
     * @param host host
     * @param port port
     * @return true if a connection succeeded within 300 ms
     */
    public static boolean listening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The server's port.
     *
     * @return port
     */
    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the embedded redis-server", e);
        }
    }
}
