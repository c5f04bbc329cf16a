package dev.freeagent.vtuber.output.speech;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import dev.freeagent.vtuber.common.session.SessionDirectory;
import dev.freeagent.vtuber.output.delivery.TaskWait;

/**
 * Tells the session directory which sessions this instance holds: a session is registered (with this instance's
 * address) each time a client socket for it opens here, and unregistered when the last of its sockets here ends.
 * Registration and removal of one session run under that session's map entry, so a socket that opens while
 * another one ends cannot lose its registration. Thread-safe.
 */
public final class SessionOwnership {
    private final SessionDirectory directory;
    private final Supplier<String> ownAddress;
    private final Duration ttl;
    private final ConcurrentHashMap<String, Integer> sockets = new ConcurrentHashMap<>();

    /**
     * Creates the ownership.
     *
     * @param directory the session directory
     * @param ownAddress this instance's advertised {@code host:port} (known once the server listens)
     * @param ttl how long an entry lives if never unregistered
     */
    public SessionOwnership(SessionDirectory directory, Supplier<String> ownAddress, Duration ttl) {
        this.directory = directory;
        this.ownAddress = ownAddress;
        this.ttl = ttl;
    }

    /**
     * Registers the session of a socket that just opened, until the socket is released.
     *
     * @param wait the socket's wait
     */
    public void hold(TaskWait wait) {
        String sessionId = wait.taskId();
        // the newest socket wins, here as in Redis: register again even if another socket holds it here already
        sockets.compute(sessionId, (id, count) -> {
            directory.register(id, ownAddress.get(), ttl);
            return count == null ? 1 : count + 1;
        });
        wait.onRelease(() -> letGo(sessionId));
    }

    /**
     * This instance's advertised address.
     *
     * @return {@code host:port}
     */
    public String ownAddress() {
        return ownAddress.get();
    }

    private void letGo(String sessionId) {
        sockets.computeIfPresent(sessionId, (id, count) -> {
            if (count > 1) {
                return count - 1;
            }
            directory.unregister(id, ownAddress.get());
            return null;
        });
    }
}
