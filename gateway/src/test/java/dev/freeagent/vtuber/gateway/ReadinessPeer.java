package dev.freeagent.vtuber.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A service's readiness endpoint on a loopback port (JDK HttpServer): answers every request with the status it is
 * set to and a body full of internals the gateway must not relay; a held peer answers only when released (or after
 * {@link #HOLD_LIMIT_SECONDS}), to stand for a service too slow to answer.
 */
final class ReadinessPeer implements AutoCloseable {
    /** What the peer answers besides its status: internals that must never reach a gateway client. */
    static final String SECRET = "secret-detail";
    private static final long HOLD_LIMIT_SECONDS = 10;

    /** "METHOD path" of each request, in order. */
    final BlockingQueue<String> requests = new LinkedBlockingQueue<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final CountDownLatch release;
    private final HttpServer server;

    private ReadinessPeer(boolean held) {
        this.release = new CountDownLatch(held ? 1 : 0);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::answer);
        server.start();
    }

    /** A peer that answers at once. */
    static ReadinessPeer start() {
        return new ReadinessPeer(false);
    }

    /** A peer that answers only when closed: slower than any timeout under test. */
    static ReadinessPeer held() {
        return new ReadinessPeer(true);
    }

    /** Sets the status of the next answers (200 ready, 503 not ready). */
    ReadinessPeer answering(int code) {
        status.set(code);
        return this;
    }

    String url(String scheme) {
        return scheme + "://127.0.0.1:" + server.getAddress().getPort();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
        try {
            release.await(HOLD_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] body = ("{\"status\":\"DOWN\",\"error\":\"" + SECRET + " at redis://10.1.2.3:6379\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status.get(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
