package dev.freeagent.vtuber.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import redis.embedded.RedisServer;

/**
 * A real redis-server process (the embedded-redis binary, as {@code EmbeddedRedis} runs it) on 127.0.0.1 that keeps
 * its data across a restart the way a production Redis does: an append-only file, synced on every write, in a folder
 * of the test's own. {@code EmbeddedRedis} keeps nothing on disk, so restarting it would be a new, empty Redis:
 * every stream entry not yet read would be lost, whatever the services do.
 */
final class DurableRedis implements AutoCloseable {
    private final int port;
    private final Path dir;
    private RedisServer server;

    private DurableRedis(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    /**
     * Starts a server.
     *
     * @param port the port, e.g. {@code EmbeddedRedis.freePort()}
     * @param dir where the append-only file lives (a temporary folder of the test)
     * @return the running server
     */
    static DurableRedis start(int port, Path dir) {
        DurableRedis redis = new DurableRedis(port, dir);
        redis.restart();
        return redis;
    }

    /**
     * Stops the process (SIGTERM); its data stays in the append-only file.
     */
    void stop() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the redis-server on port " + port, e);
        }
    }

    /**
     * Starts the process again on the same port, reloading the append-only file.
     */
    void restart() {
        try {
            server = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("dir " + dir.toAbsolutePath())
                    .setting("save \"\"")
                    .setting("appendonly yes")
                    .setting("appendfsync always")
                    .build();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the redis-server on port " + port, e);
        }
    }

    /**
     * The port.
     *
     * @return port
     */
    int port() {
        return port;
    }

    @Override
    public void close() {
        if (server.isActive()) {
            stop();
        }
    }
}
