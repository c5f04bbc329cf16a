package dev.freeagent.vtuber.gateway.proxy;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import io.helidon.websocket.WsCloseCodes;

/**
 * The open proxied connections, named {@code "<type>_<n>"} with one counter shared by every type, starting at 1
 * (contract §2: {@code input_1}, {@code output_2}, {@code input_3}).
 *
 * <p>Thread-safe. The service owns it; closing it closes every open connection and waits, within a bound, until
 * each one's backend has answered its close frame. That wait includes connections another thread (a client
 * that left, a watcher of a reader thread that Helidon's stop ended) is closing at the same moment: the service
 * closes the backend dialer next, which would cut a close frame still on its way.
 */
public final class ConnectionRegistry implements AutoCloseable {
    /** The close reason clients are given when the gateway stops. */
    static final String SHUTDOWN_REASON = "gateway shutting down";
    /** How long closing the registry waits for backends to answer before their sockets are aborted. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(2);
    private static final System.Logger LOG = System.getLogger(ConnectionRegistry.class.getName());

    private final AtomicLong counter = new AtomicLong();
    private final ConcurrentSkipListMap<Long, ProxyConnection> open = new ConcurrentSkipListMap<>();
    /** Every registered connection until both its sockets are done, including ones being closed. */
    private final Set<ProxyConnection> unfinished = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * Reserves the next id.
     *
     * @param type {@code input} or {@code output}
     * @return the number and the id
     */
    Ticket next(String type) {
        long number = counter.incrementAndGet();
        return new Ticket(number, type + "_" + number);
    }

    /**
     * Lists a new connection.
     *
     * @param connection the connection
     * @return false when the registry is closed: the caller must close the connection at once
     */
    boolean add(ProxyConnection connection) {
        unfinished.add(connection);
        connection.ended().whenComplete((done, e) -> unfinished.remove(connection));
        open.put(connection.ticket().number(), connection);
        // checked after listing, so that close() either sees this connection or this sees closed
        return !closed;
    }

    void remove(ProxyConnection connection) {
        open.remove(connection.ticket().number(), connection);
    }

    /**
     * How many proxied connections are open.
     *
     * @return the count
     */
    public int size() {
        return open.size();
    }

    /**
     * The ids of the open connections, oldest first.
     *
     * @return ids such as {@code input_1}
     */
    public List<String> ids() {
        return open.values().stream().map(connection -> connection.ticket().id()).toList();
    }

    /**
     * Closes every connection (1001 to the client, a close frame to the backend) and waits at most
     * {@link #SHUTDOWN_GRACE} for them to finish; backends still silent then are aborted.
     */
    @Override
    public void close() {
        closed = true;
        // each on its own thread: a client that does not read could block the write of its close frame
        open.values().forEach(connection -> Thread.ofVirtual().name("gateway-close-" + connection.ticket().id())
                .start(() -> connection.close(WsCloseCodes.GOING_AWAY, SHUTDOWN_REASON)));
        List<ProxyConnection> closing = List.copyOf(unfinished);
        CompletableFuture<?>[] ends = closing.stream().map(ProxyConnection::ended).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(ends).get(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.log(Level.INFO, "aborting backend sockets that did not answer within " + SHUTDOWN_GRACE);
            closing.forEach(ProxyConnection::abortBackend);
        } catch (InterruptedException e) {
            closing.forEach(ProxyConnection::abortBackend);
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a connection's end never fails", e);
        }
    }

    /**
     * A connection's place in the registry.
     *
     * @param number the counter value
     * @param id the public id
     */
    record Ticket(long number, String id) {
    }
}
