package dev.freeagent.vtuber.gateway.proxy;

import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

import io.helidon.websocket.WsCloseCodes;

/**
 * The open proxied connections, named {@code "<type>_<n>"} with one counter shared by every type, starting at 1
 * (contract §2: {@code input_1}, {@code output_2}, {@code input_3}).
 *
 * <p>Thread-safe. The service owns it; closing it closes every open connection.
 */
public final class ConnectionRegistry implements AutoCloseable {
    private final AtomicLong counter = new AtomicLong();
    private final ConcurrentSkipListMap<Long, ProxyConnection> open = new ConcurrentSkipListMap<>();

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

    void add(ProxyConnection connection) {
        open.put(connection.ticket().number(), connection);
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

    @Override
    public void close() {
        open.values().forEach(connection -> connection.close(WsCloseCodes.GOING_AWAY, "gateway shutting down"));
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
