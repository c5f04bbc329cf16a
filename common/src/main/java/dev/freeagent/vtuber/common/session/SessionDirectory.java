package dev.freeagent.vtuber.common.session;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.freeagent.vtuber.common.redis.RedisLink;

import io.lettuce.core.ScriptOutputType;

/**
 * Which output instance holds the client socket of a session, kept in Redis so that any instance of any
 * service can find it: the key {@code vtuber:output:session:{id}} names the holder's gRPC address
 * ({@code host:port}), and {@code vtuber:output:session-ready:{id}} is published each time a holder registers.
 *
 * <p>Output registers a session when it accepts the client socket and unregisters it when the socket ends;
 * dialog calls {@link #await} at the start of a turn and dials the address it gets. Redis being down is never an
 * error here: look-ups answer "nobody" at once, and a registration that fails is logged (the socket still works
 * on its own instance; only routing from elsewhere is lost).
 *
 * <p>Thread-safe. Does not own the link. Create one per link: it adds a Pub/Sub listener to the link.
 */
public final class SessionDirectory {
    static final String KEY_PREFIX = "vtuber:output:session:";
    static final String READY_PREFIX = "vtuber:output:session-ready:";

    private static final System.Logger LOG = System.getLogger(SessionDirectory.class.getName());
    // SET and PUBLISH in one round trip; the message carries the address so a waiter needs no second GET
    private static final String REGISTER = """
            redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
            return redis.call('PUBLISH', ARGV[3], ARGV[1])
            """;
    // delete only our own registration: a newer holder elsewhere must keep its entry
    private static final String UNREGISTER = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """;

    private final RedisLink redis;
    private final ReadySubscriptions subscriptions;

    private SessionDirectory(RedisLink redis) {
        this.redis = redis;
        this.subscriptions = new ReadySubscriptions(redis);
    }

    /**
     * Creates the directory and adds its Pub/Sub listener to the link.
     *
     * @param redis the Redis link
     * @return the directory
     */
    public static SessionDirectory create(RedisLink redis) {
        SessionDirectory directory = new SessionDirectory(redis);
        redis.addListener(directory.subscriptions.listener());
        return directory;
    }

    /**
     * Records that the instance at {@code address} holds the session's client socket, and wakes whoever awaits
     * it. A later registration (another socket for the same session) replaces this one.
     *
     * @param sessionId the session (the id of the client's output socket)
     * @param address the holder's gRPC address, {@code host:port}
     * @param ttl how long the entry lives unless unregistered first; longer than a socket can live
     * @return true when Redis stored it
     */
    public boolean register(String sessionId, String address, Duration ttl) {
        try {
            redis.commands().eval(REGISTER, ScriptOutputType.INTEGER, new String[] {KEY_PREFIX + sessionId},
                                  address, Long.toString(Math.max(1, ttl.toSeconds())), READY_PREFIX + sessionId);
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot register session " + sessionId + " in Redis; speech and STOP can only "
                    + "reach it on this instance: " + e.getMessage());
            return false;
        }
    }

    /**
     * Removes the session's entry if it still names {@code address} (atomically, so a newer holder's entry
     * survives).
     *
     * @param sessionId the session
     * @param address the address that registered it
     * @return true when the entry was ours and is gone
     */
    public boolean unregister(String sessionId, String address) {
        try {
            Long deleted = redis.commands().eval(UNREGISTER, ScriptOutputType.INTEGER,
                                                 new String[] {KEY_PREFIX + sessionId}, address);
            return deleted != null && deleted > 0;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot unregister session " + sessionId + " (it expires by itself): "
                    + e.getMessage());
            return false;
        }
    }

    /**
     * The address of the instance that holds the session now.
     *
     * @param sessionId the session
     * @return the holder's {@code host:port}; empty when nobody holds it or Redis cannot be reached
     */
    public Optional<String> lookup(String sessionId) {
        try {
            return Optional.ofNullable(redis.commands().get(KEY_PREFIX + sessionId));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot look up session " + sessionId + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Waits until some instance holds the session: subscribes to its ready channel, then reads the entry, then
     * waits for a registration. Returns as soon as the session is registered; never polls.
     *
     * @param sessionId the session
     * @param timeout the longest wait; zero: only look
     * @return the holder's {@code host:port}; empty when nobody registered it in time or Redis cannot be reached
     */
    public Optional<String> await(String sessionId, Duration timeout) {
        if (timeout.isZero() || timeout.isNegative()) {
            return lookup(sessionId);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        String channel = READY_PREFIX + sessionId;
        CompletableFuture<String> ready = new CompletableFuture<>();
        try {
            subscriptions.add(channel, ready, timeout);
            Optional<String> now = lookup(sessionId);
            if (now.isPresent()) {
                return now;
            }
            return Optional.of(ready.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot wait for session " + sessionId + ": " + e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            subscriptions.remove(channel, ready);
        }
    }
}
