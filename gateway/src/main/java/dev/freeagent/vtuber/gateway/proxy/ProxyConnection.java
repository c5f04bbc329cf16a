package dev.freeagent.vtuber.gateway.proxy;

import java.lang.System.Logger.Level;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import io.helidon.common.buffers.BufferData;
import io.helidon.websocket.WsCloseCodes;
import io.helidon.websocket.WsSession;

/**
 * One client socket paired with its backend socket. Whichever side ends first ends both, once: the backend gets
 * a close frame (and is aborted if it does not answer it), the client is closed normally (backend close codes
 * are not passed on, contract §2.1), and the registry forgets the pair.
 *
 * <p>Closing only starts the backend's close handshake; {@link #ended()} tells when both sides are really done,
 * whichever thread closed the pair, so that shutdown can wait for it before the dialer drops its sockets.
 *
 * <p>Thread-safe: the client's reader thread, the watcher of that thread, the backend pump and shutdown may race
 * to close it.
 */
final class ProxyConnection {
    private static final System.Logger LOG = System.getLogger(ProxyConnection.class.getName());
    /** The longest close reason that fits a control frame (125 bytes minus the 2-byte code). */
    private static final int MAX_REASON_BYTES = 123;
    /** How long a backend may take to answer our close frame before its socket is aborted. */
    private static final long CLOSE_GRACE_SECONDS = 5;

    private final ConnectionRegistry.Ticket ticket;
    private final WsSession client;
    private final ConnectionRegistry registry;
    private final ReentrantLock lock = new ReentrantLock();
    /** Done when the backend answered our close frame, was aborted, or never opened. */
    private final CompletableFuture<Void> backendEnded = new CompletableFuture<>();
    /** Done when the client was sent its close frame (or found already gone). */
    private final CompletableFuture<Void> clientEnded = new CompletableFuture<>();
    private final CompletableFuture<Void> ended = CompletableFuture.allOf(backendEnded, clientEnded);
    private volatile WebSocket backend;
    private volatile boolean closed;
    // guarded by lock: whether the backend socket may still be attached
    private boolean dialing = true;

    private ProxyConnection(ConnectionRegistry.Ticket ticket, WsSession client, ConnectionRegistry registry) {
        this.ticket = ticket;
        this.client = client;
        this.registry = registry;
    }

    /**
     * Registers a newly accepted client socket.
     *
     * @param type {@code input} or {@code output}
     * @param client the client socket
     * @param registry where it is listed while open
     * @return the registered connection, not yet paired with a backend; already closed (1001) when the
     *         registry is closed
     */
    static ProxyConnection open(String type, WsSession client, ConnectionRegistry registry) {
        ProxyConnection connection = new ProxyConnection(registry.next(type), client, registry);
        if (!registry.add(connection)) {
            connection.backendUnavailable(WsCloseCodes.GOING_AWAY, ConnectionRegistry.SHUTDOWN_REASON);
        }
        return connection;
    }

    ConnectionRegistry.Ticket ticket() {
        return ticket;
    }

    /**
     * Whether the pair has been closed (no backend should be opened for it any more).
     *
     * @return true once closed
     */
    boolean isClosed() {
        return closed;
    }

    /**
     * Completes when the pair is closed and both sockets are done: the client was sent its close frame, and the
     * backend answered ours or was aborted.
     *
     * @return the future, never failing
     */
    CompletableFuture<Void> ended() {
        return ended;
    }

    /**
     * Pairs the connection with its opened backend socket; closes that socket if the pair already ended.
     *
     * @param opened the backend socket
     */
    void attach(WebSocket opened) {
        lock.lock();
        try {
            dialing = false;
            if (!closed) {
                backend = opened;
                return;
            }
        } finally {
            lock.unlock();
        }
        closeBackend(opened);
    }

    /**
     * No backend socket will be attached: closes the client with the code and reason (unless already closed).
     *
     * @param code close code for the client
     * @param reason close reason for the client
     */
    void backendUnavailable(int code, String reason) {
        lock.lock();
        try {
            dialing = false;
        } finally {
            lock.unlock();
        }
        close(code, reason);
        // the pair may have been closed while the backend was still being dialled
        backendEnded.complete(null);
    }

    /**
     * The backend socket closed or failed: its input is finished, so the pair ends.
     */
    void backendClosed() {
        close();
        backendEnded.complete(null);
    }

    /**
     * Gives up waiting for the backend's answer to our close frame and drops its socket now.
     */
    void abortBackend() {
        WebSocket paired = backend;
        if (paired != null) {
            abort(paired);
        }
        backendEnded.complete(null);
    }

    /**
     * Forwards a client text frame and waits until the backend took it (one send at a time, and backpressure).
     *
     * @param text the frame's text
     * @param last whether it ends the message
     */
    void toBackend(String text, boolean last) {
        WebSocket target = backend;
        if (target != null && !closed) {
            awaitSend(() -> target.sendText(text, last));
        }
    }

    /**
     * Forwards a client binary frame and waits until the backend took it.
     *
     * @param data the frame's bytes
     * @param last whether it ends the message
     */
    void toBackend(ByteBuffer data, boolean last) {
        WebSocket target = backend;
        if (target != null && !closed) {
            awaitSend(() -> target.sendBinary(data, last));
        }
    }

    /**
     * Forwards a backend text frame to the client.
     *
     * @param text the text
     * @param last whether it ends the message
     */
    void toClient(String text, boolean last) {
        try {
            client.send(text, last);
        } catch (RuntimeException e) {
            failedSend("client", e);
        }
    }

    /**
     * Forwards a backend binary frame to the client.
     *
     * @param data the bytes
     * @param last whether it ends the message
     */
    void toClient(byte[] data, boolean last) {
        try {
            client.send(BufferData.create(data), last);
        } catch (RuntimeException e) {
            failedSend("client", e);
        }
    }

    /**
     * Ends the pair: closes the client with the code and reason, closes the backend, unregisters. Idempotent.
     *
     * @param code close code for the client
     * @param reason close reason for the client, cut to fit a close frame
     */
    void close(int code, String reason) {
        WebSocket paired;
        boolean awaitingBackend;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            paired = backend;
            awaitingBackend = dialing;
        } finally {
            lock.unlock();
        }
        registry.remove(this);
        // the backend first: its close frame is only queued, while a client write may block on a slow client
        if (paired != null) {
            closeBackend(paired);
        } else if (!awaitingBackend) {
            backendEnded.complete(null);
        }
        try {
            client.close(code, fit(reason));
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, ticket.id() + ": client socket already gone: " + e.getMessage());
        } finally {
            clientEnded.complete(null);
        }
        LOG.log(Level.DEBUG, ticket.id() + " closed (" + code + ")");
    }

    /**
     * Ends the pair with a normal close.
     */
    void close() {
        close(WsCloseCodes.NORMAL_CLOSE, "");
    }

    /**
     * Cuts a close reason to at most 123 UTF-8 bytes without splitting a character.
     *
     * @param reason the reason
     * @return the reason, or its longest prefix that fits
     */
    static String fit(String reason) {
        if (reason.getBytes(StandardCharsets.UTF_8).length <= MAX_REASON_BYTES) {
            return reason;
        }
        StringBuilder fitted = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < reason.length(); ) {
            int codePoint = reason.codePointAt(i);
            String character = new String(Character.toChars(codePoint));
            bytes += character.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_REASON_BYTES) {
                break;
            }
            fitted.append(character);
            i += Character.charCount(codePoint);
        }
        return fitted.toString();
    }

    private void awaitSend(Supplier<CompletableFuture<WebSocket>> send) {
        try {
            send.get().get();
        } catch (ExecutionException e) {
            failedSend("backend", e.getCause());
        } catch (RuntimeException e) {
            failedSend("backend", e);
        } catch (InterruptedException e) {
            // Helidon interrupts a connection's thread only when the server stops; a backend that stopped reading
            // must not keep this thread (and the client socket it owns) past that
            close(WsCloseCodes.GOING_AWAY, ConnectionRegistry.SHUTDOWN_REASON);
            Thread.currentThread().interrupt();
        }
    }

    private void failedSend(String side, Throwable e) {
        LOG.log(Level.DEBUG, ticket.id() + ": " + side + " send failed: " + e);
        close();
    }

    /**
     * Starts the backend's close handshake; {@link #backendEnded} completes when the backend answers (its
     * listener calls {@link #backendClosed}), when the close frame cannot be sent, or after the grace period.
     */
    private void closeBackend(WebSocket socket) {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").whenComplete((sent, e) -> {
                if (e != null) {
                    abort(socket);
                }
            });
        }
        if (socket.isInputClosed()) {
            backendEnded.complete(null);
            return;
        }
        // a backend that never answers our close frame must not keep its socket open
        CompletableFuture.delayedExecutor(CLOSE_GRACE_SECONDS, TimeUnit.SECONDS).execute(() -> abort(socket));
    }

    private void abort(WebSocket socket) {
        if (!socket.isInputClosed()) {
            socket.abort();
        }
        backendEnded.complete(null);
    }
}
