package dev.freeagent.vtuber.gateway;

import java.net.http.WebSocketHandshakeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;

/**
 * The WebSocket proxy against real backend sockets (contract §2.1, §13.1).
 */
class ProxyIT {
    private static BackendPeers backend;
    private static TestGateway gateway;

    @BeforeAll
    static void start() {
        backend = BackendPeers.start();
        gateway = TestGateway.start(backend.url(), backend.url());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        try {
            gateway.close();
        } finally {
            backend.close();
        }
    }

    @AfterEach
    void everyConnectionIsFreed() {
        gateway.awaitNoConnections();
    }

    @Test
    void keepsFrameTypesAndOrderOverManyFrames() throws Exception {
        TestSocket client = TestSocket.open(gateway.http, gateway.ws("/ws/input"));
        for (int i = 0; i < 200; i++) {
            if (i % 2 == 0) {
                client.sendText("text-" + i, true);
            } else {
                client.sendBinary(("bytes-" + i).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), true);
            }
        }
        for (int i = 0; i < 200; i++) {
            TestSocket.Message message = client.next();
            assertThat(message, is(new TestSocket.Message(i % 2 == 0, (i % 2 == 0 ? "text-" : "bytes-") + i, 1)));
        }
        client.sendClose("");
    }

    @Test
    void deliversAFragmentedMessageWholeAndInOrder() throws Exception {
        TestSocket client = TestSocket.open(gateway.http, gateway.ws("/ws/input"));
        client.sendText("Hel", false);
        client.sendText("lo, ", false);
        client.sendText("世界", true);
        client.sendBinary(new byte[] {1, 2}, false);
        client.sendBinary(new byte[] {3}, true);

        TestSocket.Message text = client.next();
        TestSocket.Message binary = client.next();

        assertThat(text.text(), is(true));
        assertThat(text.data(), is("Hello, 世界"));
        assertThat(text.frames(), greaterThan(1));
        assertThat(binary.text(), is(false));
        assertThat(binary.data(), is("\u0001\u0002\u0003"));
        client.sendClose("");
    }

    @Test
    void passesFramesLargerThanHelidonsDefaultLimit() throws Exception {
        byte[] big = new byte[1536 * 1024];
        java.util.Arrays.fill(big, (byte) 'x');
        TestSocket client = TestSocket.open(gateway.http, gateway.ws("/ws/input"));
        client.sendBinary(big, true);

        TestSocket.Message echoed = client.next();

        assertThat(echoed.data().length(), is(big.length));
        client.sendClose("");
    }

    @Test
    void givesEachConcurrentInputSessionOnlyItsOwnReplies() throws Exception {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<List<String>>> sessions = new ArrayList<>();
            for (int s = 0; s < 3; s++) {
                String name = "session" + s;
                sessions.add(pool.submit(() -> {
                    TestSocket client = TestSocket.open(gateway.http, gateway.ws("/ws/input"));
                    List<String> received = new ArrayList<>();
                    for (int i = 0; i < 30; i++) {
                        client.sendText(name + "-" + i, true);
                    }
                    for (int i = 0; i < 30; i++) {
                        received.add(client.next().data());
                    }
                    client.sendClose("");
                    return received;
                }));
            }
            for (int s = 0; s < 3; s++) {
                List<String> expected = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    expected.add("session" + s + "-" + i);
                }
                assertThat(sessions.get(s).get(10, TimeUnit.SECONDS), is(expected));
            }
        }
    }

    @Test
    void preservesTheOutputTaskPath() throws Exception {
        String task = UUID.randomUUID().toString();
        TestSocket client = TestSocket.open(gateway.http, gateway.ws("/ws/output/" + task));

        assertThat(client.next().data(), is("path:/ws/output/" + task));
        client.sendClose("");
    }

    @Test
    void closesTheClientWith1011WhenTheBackendRejectsTheHandshake() {
        TestSocket client = TestSocket.open(gateway.http, gateway.ws("/ws/output/forbidden"));

        assertThat(client.awaitClose(),
                is(new TestSocket.Closed(1011, "Proxy error: server rejected WebSocket connection: HTTP 403")));
    }

    @Test
    void closesTheClientNormallyWhenTheBackendCloses() throws Exception {
        TestSocket client = TestSocket.open(gateway.http, gateway.ws("/ws/input"));
        client.sendText("close-me", true);

        assertThat(client.awaitClose().code(), is(1000));
        gateway.awaitNoConnections();
    }

    @Test
    void closesTheBackendWhenTheClientCloses() throws Exception {
        String path = "/ws/output/" + UUID.randomUUID();
        TestSocket client = TestSocket.open(gateway.http, gateway.ws(path));
        client.next();
        client.sendClose("bye");

        assertThat(backend.awaitClosed(path), is(true));
        assertThat(client.awaitClose().code(), is(1000));
    }

    @Test
    void freesBothSidesWhenTheClientDropsWithoutACloseFrame() throws Exception {
        String path = "/ws/output/" + UUID.randomUUID();
        TestSocket client = TestSocket.open(gateway.http, gateway.ws(path));
        client.next();
        client.socket().abort();

        assertThat(backend.awaitClosed(path), is(true));
        gateway.awaitNoConnections();
    }

    @Test
    void issuesAVisitorCookieAndPassesItToInput() throws Exception {
        backend.visitors.clear();
        RawHandshake first = RawHandshake.perform(gateway.port(), "/ws/input");

        assertThat(first.statusLine(), startsWith("HTTP/1.1 101"));
        assertThat(first.values("Set-Cookie"), hasSize(1));
        String cookie = first.values("Set-Cookie").getFirst();
        assertThat(cookie, startsWith("vtuber_visitor="));
        String id = cookie.substring("vtuber_visitor=".length(), cookie.indexOf(';'));
        assertThat(UUID.fromString(id).toString(), is(id));
        assertThat(cookie.substring(cookie.indexOf(';')), is("; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax"));
        assertThat(backend.visitors.poll(5, TimeUnit.SECONDS), is(Optional.of(id)));
    }

    @Test
    void keepsAVisitorsIdWithoutIssuingANewCookie() throws Exception {
        backend.visitors.clear();
        String id = UUID.randomUUID().toString();
        RawHandshake again = RawHandshake.perform(gateway.port(), "/ws/input",
                "Cookie: theme=dark; vtuber_visitor=" + id + "; other=1");

        assertThat(again.statusLine(), startsWith("HTTP/1.1 101"));
        assertThat(again.values("Set-Cookie"), is(empty()));
        assertThat(backend.visitors.poll(5, TimeUnit.SECONDS), is(Optional.of(id)));
    }

    @Test
    void sendsNoVisitorToOutput() throws Exception {
        RawHandshake output = RawHandshake.perform(gateway.port(), "/ws/output/" + UUID.randomUUID());

        assertThat(output.statusLine(), startsWith("HTTP/1.1 101"));
        assertThat(output.values("Set-Cookie"), is(empty()));
    }

    @Test
    void acceptsOnlySameOriginPagesByDefault() throws Exception {
        TestSocket same = TestSocket.open(gateway.http, gateway.ws("/ws/input"),
                Map.of("Origin", "http://127.0.0.1:" + gateway.port()));
        same.sendText("hi", true);
        assertThat(same.next().data(), is("hi"));
        same.sendClose("");

        CompletionException rejected = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                () -> TestSocket.open(gateway.http, gateway.ws("/ws/input"), Map.of("Origin", "http://evil.example")));
        assertThat(((WebSocketHandshakeException) rejected.getCause()).getResponse().statusCode(), is(403));
    }

    @Test
    void acceptsOnlyListedOriginsWhenConfigured() throws Exception {
        try (TestGateway strict = TestGateway.start(backend.url(), backend.url(),
                Map.of("gateway.ws-origins", "http://localhost:3000, http://localhost:5173"))) {
            TestSocket listed = TestSocket.open(strict.http, strict.ws("/ws/input"),
                    Map.of("Origin", "http://localhost:3000"));
            listed.sendText("hi", true);
            assertThat(listed.next().data(), is("hi"));
            listed.sendClose("");

            CompletionException rejected = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                    () -> TestSocket.open(strict.http, strict.ws("/ws/input"), Map.of("Origin", "http://evil.example")));
            assertThat(rejected.getCause(), instanceOf(WebSocketHandshakeException.class));
            assertThat(((WebSocketHandshakeException) rejected.getCause()).getResponse().statusCode(), is(403));
        }
    }

    @Test
    void closingTheGatewayClosesClientAndBackendSockets() throws Exception {
        try (TestGateway own = TestGateway.start(backend.url(), backend.url())) {
            String path = "/ws/output/" + UUID.randomUUID();
            TestSocket client = TestSocket.open(own.http, own.ws(path));
            client.next();

            own.stopService();

            assertThat(backend.awaitClosed(path), is(true));
            assertThat(client.awaitClose(), is(new TestSocket.Closed(1001, "gateway shutting down")));
        }
    }

    @Test
    void closingTheGatewayAbortsABackendThatNeverAnswersItsCloseFrame() throws Exception {
        try (SilentBackend silent = SilentBackend.start();
             TestGateway own = TestGateway.start(silent.url(), silent.url())) {
            TestSocket client = TestSocket.open(own.http, own.ws("/ws/input"));
            silent.awaitOpened();

            long started = System.nanoTime();
            own.stopService();
            long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertThat("a close frame, then the socket aborted", silent.awaitEnd(), is(true));
            assertThat(client.awaitClose(), is(new TestSocket.Closed(1001, "gateway shutting down")));
            assertThat(stopMillis, lessThan(5_000L));
        }
    }
}
