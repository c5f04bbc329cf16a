package dev.freeagent.vtuber.dialog.llm;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One HTTP exchange that another thread (the watchdog, a cancellation) can abort at any moment: before the
 * headers by cancelling the exchange, after them by closing the body, which wakes the blocked reader with an
 * {@link IOException}. Remembers why it was aborted. Thread-safe.
 */
final class StreamingCall {
    static final int RUNNING = 0;
    static final int TIMEOUT = 1;
    static final int CANCELLED = 2;

    private final CompletableFuture<HttpResponse<InputStream>> exchange;
    private final AtomicInteger reason = new AtomicInteger(RUNNING);
    private volatile InputStream body;
    private volatile boolean headersReceived;

    StreamingCall(CompletableFuture<HttpResponse<InputStream>> exchange) {
        this.exchange = exchange;
    }

    /**
     * Aborts the exchange, once; later calls keep the first reason.
     *
     * @param why {@link #TIMEOUT} or {@link #CANCELLED}
     */
    void abort(int why) {
        if (!reason.compareAndSet(RUNNING, why)) {
            return;
        }
        exchange.cancel(true);
        InputStream current = body;
        if (current != null) {
            closeQuietly(current);
        }
    }

    HttpResponse<InputStream> response() throws IOException {
        try {
            HttpResponse<InputStream> response = exchange.get();
            headersReceived = true;
            return response;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (CancellationException e) {
            throw new IOException("exchange aborted", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort(CANCELLED);
            throw new IOException("interrupted", e);
        }
    }

    /**
     * Registers the body so an abort can close it; closes it at once when already aborted.
     *
     * @param stream the response body
     */
    void body(InputStream stream) {
        this.body = stream;
        if (reason.get() != RUNNING) {
            closeQuietly(stream);
        }
    }

    int reason() {
        return reason.get();
    }

    boolean headersReceived() {
        return headersReceived;
    }

    private static void closeQuietly(InputStream stream) {
        try {
            stream.close();
        } catch (IOException ignored) {
            // the reader sees the failure; nothing to add
        }
    }
}
