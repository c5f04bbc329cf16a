package dev.freeagent.vtuber.common.server;

/**
 * Runs an action when a WebSocket connection's reader thread ends. Helidon 4.5 tells a {@code WsListener} nothing
 * when a client drops its TCP connection without a close frame (neither {@code onClose} nor {@code onError}): the
 * reader thread just ends. Waiting for that thread (a parked virtual thread costs almost nothing) is how the
 * session is still cleaned up then. The action must be idempotent: it also runs after a normal close.
 */
public final class ConnectionEnd {
    private ConnectionEnd() {
    }

    /**
     * Call from {@code onOpen}, on the connection's own thread.
     *
     * @param name a name for the watcher thread (shows in thread dumps)
     * @param action what to do once the connection is gone
     */
    public static void onEnd(String name, Runnable action) {
        Thread reader = Thread.currentThread();
        Thread.ofVirtual().name(name).start(() -> {
            try {
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            action.run();
        });
    }
}
