package dev.freeagent.vtuber.common.redis;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubListener;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;

/**
 * A service's connections to Redis that survive Redis being down: at start, and later.
 *
 * <p>Connections are opened lazily and retried at most once per {@code retryInterval}; once open,
 * lettuce reconnects them by itself (and re-subscribes Pub/Sub channels). While Redis is down, commands
 * fail at once with {@link RedisUnavailableException} instead of queueing. Pub/Sub listeners are
 * called on a Netty event loop: they must not block.
 *
 * <p>Thread-safe. The creator closes it.
 */
public final class RedisLink implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RedisLink.class.getName());
    private static final Duration RETRY_INTERVAL = Duration.ofMillis(500);

    private final RedisSettings settings;
    private final ClientResources resources;
    private final RedisClient client;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<RedisPubSubListener<String, String>> listeners = new CopyOnWriteArrayList<>();
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile StatefulRedisPubSubConnection<String, String> pubSub;
    private volatile long nextAttemptNanos;
    private volatile RuntimeException lastError;

    private RedisLink(RedisSettings settings) {
        this.settings = settings;
        // reconnect quickly once Redis is back (lettuce's default back-off grows to 30 s)
        this.resources = DefaultClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(2)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
                .build();
        RedisURI uri = RedisURI.builder()
                .withHost(settings.host())
                .withPort(settings.port())
                .withDatabase(settings.database())
                .withTimeout(settings.commandTimeout())
                .build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(1)).tcpNoDelay(true).build())
                .timeoutOptions(TimeoutOptions.enabled(settings.commandTimeout()))
                .build());
    }

    /**
     * Creates a link and tries to connect once; a Redis that is down is not an error here.
     *
     * @param settings where Redis is
     * @return the link
     */
    public static RedisLink open(RedisSettings settings) {
        RedisLink link = new RedisLink(settings);
        try {
            link.commands();
        } catch (RedisUnavailableException e) {
            LOG.log(Level.WARNING, "Redis is not reachable at " + settings.address() + "; will keep trying");
        }
        return link;
    }

    /**
     * Where this link points.
     *
     * @return settings
     */
    public RedisSettings settings() {
        return settings;
    }

    /**
     * Synchronous commands on the shared connection. Never issue blocking commands (BLPOP, XREAD BLOCK)
     * here: use {@link #dedicatedConnection()}.
     *
     * @return commands
     * @throws RedisUnavailableException when Redis cannot be reached
     */
    public RedisCommands<String, String> commands() {
        StatefulRedisConnection<String, String> current = connection;
        if (current != null) {
            return current.sync();
        }
        return connectShared().sync();
    }

    /**
     * Whether Redis answers a PING now.
     *
     * @return true if it does
     */
    public boolean available() {
        try {
            return "PONG".equals(commands().ping());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Adds a Pub/Sub listener and makes sure the Pub/Sub connection is (or will be) open.
     * The listener survives reconnects.
     *
     * @param listener called on a Netty thread; must not block
     */
    public void addListener(RedisPubSubListener<String, String> listener) {
        listeners.add(listener);
        StatefulRedisPubSubConnection<String, String> current = pubSub;
        if (current != null) {
            current.addListener(listener);
        }
    }

    /**
     * The shared Pub/Sub connection, opened on first use.
     *
     * @return the connection
     * @throws RedisUnavailableException when Redis cannot be reached
     */
    public StatefulRedisPubSubConnection<String, String> pubSub() {
        StatefulRedisPubSubConnection<String, String> current = pubSub;
        if (current != null) {
            return current;
        }
        lock.lock();
        try {
            if (pubSub == null) {
                guardRetry();
                StatefulRedisPubSubConnection<String, String> opened = attempt(client::connectPubSub);
                listeners.forEach(opened::addListener);
                pubSub = opened;
            }
            return pubSub;
        } finally {
            lock.unlock();
        }
    }

    /**
     * A new connection for blocking commands; the caller closes it.
     *
     * @return a connection of its own
     * @throws RedisUnavailableException when Redis cannot be reached
     */
    public StatefulRedisConnection<String, String> dedicatedConnection() {
        return attempt(client::connect);
    }

    private StatefulRedisConnection<String, String> connectShared() {
        lock.lock();
        try {
            if (connection == null) {
                guardRetry();
                connection = attempt(client::connect);
                LOG.log(Level.INFO, "Connected to Redis at " + settings.address());
            }
            return connection;
        } finally {
            lock.unlock();
        }
    }

    private void guardRetry() {
        if (System.nanoTime() < nextAttemptNanos) {
            throw new RedisUnavailableException(settings.address(), lastError);
        }
    }

    private <T> T attempt(java.util.function.Supplier<T> connect) {
        try {
            T opened = connect.get();
            lastError = null;
            return opened;
        } catch (RuntimeException e) {
            lastError = e;
            nextAttemptNanos = System.nanoTime() + RETRY_INTERVAL.toNanos();
            throw new RedisUnavailableException(settings.address(), e);
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (pubSub != null) {
                pubSub.close();
            }
            if (connection != null) {
                connection.close();
            }
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            resources.shutdown(0, 2, TimeUnit.SECONDS);
        } finally {
            lock.unlock();
        }
    }
}
