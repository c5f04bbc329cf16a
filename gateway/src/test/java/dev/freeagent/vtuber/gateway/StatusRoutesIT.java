package dev.freeagent.vtuber.gateway;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import dev.freeagent.vtuber.common.json.Json;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/**
 * {@code /health}, {@code /connections}, {@code /} and CORS (contract §2.4, §13.1).
 */
class StatusRoutesIT {
    private static BackendPeers backend;

    @BeforeAll
    static void start() {
        backend = BackendPeers.start();
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @Test
    void answersHealthWithTheOriginalShapeAndContentType() throws Exception {
        try (TestGateway gateway = TestGateway.start(backend.url(), backend.url() + "/")) {
            HttpResponse<String> health = gateway.get("/health");

            assertThat(health.statusCode(), is(200));
            assertThat(health.headers().allValues("content-type"), is(List.of("application/json")));
            assertThat(Json.parse(health.body()), is(Json.parse("""
                    {"status":"ok","gateway":"running","active_connections":0,
                     "backend_services":{"input":"%s","output":"%s/"}}""".formatted(backend.url(), backend.url()))));
        }
    }

    @Test
    void numbersConnectionsWithOneCounterStartingAtOneAndCountsThem() throws Exception {
        try (TestGateway gateway = TestGateway.start(backend.url(), backend.url())) {
            TestSocket first = echoing(gateway, "/ws/input");
            TestSocket second = echoing(gateway, "/ws/output/" + UUID.randomUUID());
            TestSocket third = echoing(gateway, "/ws/input");

            JsonNode connections = gateway.connections();
            assertThat(connections, is(Json.parse("""
                    {"total_connections":3,"connections":["input_1","output_2","input_3"]}""")));
            assertThat(Json.parse(gateway.get("/health").body()).path("active_connections").asInt(), is(3));
            assertThat(gateway.get("/").body(), containsString("活跃连接数: 3"));

            for (TestSocket socket : List.of(first, second, third)) {
                socket.sendClose("");
            }
            gateway.awaitNoConnections();
            assertThat(gateway.connections(), is(Json.parse("{\"total_connections\":0,\"connections\":[]}")));
        }
    }

    @Test
    void servesAPageNamingTheGatewayAndItsEndpoints() throws Exception {
        try (TestGateway gateway = TestGateway.start(backend.url(), backend.url())) {
            HttpResponse<String> page = gateway.get("/");

            assertThat(page.statusCode(), is(200));
            assertThat(page.headers().firstValue("content-type").orElse(""), containsString("text/html"));
            assertThat(page.body(), containsString("AIVtuber API Gateway"));
            assertThat(page.body(), containsString("WebSocket端点"));
            assertThat(page.body(), containsString("活跃连接数: 0"));
            assertThat(page.body(), containsString("href=\"console/\""));
        }
    }

    @Test
    void allowsListedOriginsOnly() throws Exception {
        try (TestGateway gateway = TestGateway.start(backend.url(), backend.url())) {
            HttpResponse<String> listed = gateway.get("/", "Origin", "http://localhost:3000");
            HttpResponse<String> other = gateway.get("/", "Origin", "http://evil.example");

            assertThat(listed.headers().allValues("access-control-allow-origin"), is(List.of("http://localhost:3000")));
            assertThat(listed.headers().allValues("access-control-allow-credentials"), is(List.of("true")));
            assertThat(listed.headers().allValues("vary"), is(List.of("Origin")));
            assertThat(other.statusCode(), is(200));
            assertThat(other.headers().allValues("access-control-allow-origin"), is(List.of()));
        }
    }

    @Test
    void answersPreflightsForListedOrigins() throws Exception {
        try (TestGateway gateway = TestGateway.start(backend.url(), backend.url())) {
            HttpResponse<String> preflight = gateway.send("OPTIONS", "/control/stop", "",
                    "Origin", "http://127.0.0.1:3000",
                    "Access-Control-Request-Method", "POST",
                    "Access-Control-Request-Headers", "content-type,x-custom");
            HttpResponse<String> refused = gateway.send("OPTIONS", "/control/stop", "",
                    "Origin", "http://evil.example", "Access-Control-Request-Method", "POST");

            assertThat(preflight.statusCode(), is(200));
            assertThat(preflight.headers().firstValue("access-control-allow-origin").orElse(""),
                    is("http://127.0.0.1:3000"));
            assertThat(preflight.headers().firstValue("access-control-allow-methods").orElse(""), containsString("POST"));
            assertThat(preflight.headers().firstValue("access-control-allow-headers").orElse(""),
                    is("content-type,x-custom"));
            assertThat(refused.statusCode(), is(400));
        }
    }

    @Test
    void exposesNoInternalOutputHealth() throws Exception {
        try (TestGateway gateway = TestGateway.start(backend.url(), backend.url())) {
            assertThat(gateway.get("/internal/output/health").statusCode(), is(404));
        }
    }

    private static TestSocket echoing(TestGateway gateway, String path) throws InterruptedException {
        TestSocket socket = TestSocket.open(gateway.http, gateway.ws(path));
        if (path.startsWith("/ws/output/")) {
            socket.next();
        } else {
            socket.sendText("ready?", true);
            socket.next();
        }
        return socket;
    }
}
