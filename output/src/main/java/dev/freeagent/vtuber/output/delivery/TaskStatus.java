package dev.freeagent.vtuber.output.delivery;

import java.util.Locale;

/**
 * Where a client socket's wait stands (the values of {@code GET /status/{task_id}}).
 */
public enum TaskStatus {
    /** The socket is open; the subscription is not confirmed yet. */
    CONNECTED,
    /** Subscribed; waiting for the result. */
    WAITING,
    /** The result was sent; the socket is closing. */
    COMPLETED;

    /**
     * The name on the wire.
     *
     * @return e.g. {@code "waiting"}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
