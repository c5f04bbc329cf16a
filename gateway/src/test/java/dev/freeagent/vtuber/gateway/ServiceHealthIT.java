package dev.freeagent.vtuber.gateway;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.freeagent.vtuber.common.json.Json;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

/**
 * {@code GET /health/services} against real readiness endpoints on loopback: the exact shape, services that are
 * down, unreachable or too slow, and the cache that keeps many callers from multiplying the checks.
 */
class ServiceHealthIT {
    private static final String READY = "GET /observe/health/ready";
    private static final String ALL_UP = """
            {"status":"ok","services":{"gateway":"up","input":"up","output":"up","dialog":"up","ltm":"up",
             "workers":"up"}}""";

    private final List<ReadinessPeer> peers = new ArrayList<>();
    private ReadinessPeer input;
    private ReadinessPeer output;
    private ReadinessPeer dialog;
    private ReadinessPeer ltm;
    private ReadinessPeer workers;

    @BeforeEach
    void startPeers() {
        input = peer(ReadinessPeer.start());
        output = peer(ReadinessPeer.start());
        dialog = peer(ReadinessPeer.start());
        ltm = peer(ReadinessPeer.start());
        workers = peer(ReadinessPeer.start());
    }

    @AfterEach
    void stopPeers() {
        peers.forEach(ReadinessPeer::close);
    }

    @Test
    void reportsEveryServiceUpWithTheExactShape() throws Exception {
        try (TestGateway gateway = gateway(Map.of("gateway.service-health.cache-seconds", "0"))) {
            HttpResponse<String> response = gateway.get("/health/services");

            assertThat(response.statusCode(), is(200));
            assertThat(response.headers().allValues("content-type"), is(List.of("application/json")));
            assertThat(Json.parse(response.body()), is(Json.parse(ALL_UP)));
            assertThat(response.body(), is(Json.write(Json.parse(ALL_UP))));
            // input and output are configured as ws:// URLs: their readiness is asked over http on the same port
            for (ReadinessPeer peer : List.of(input, output, dialog, ltm, workers)) {
                assertThat(peer.requests.poll(), is(READY));
                assertThat(peer.requests.isEmpty(), is(true));
            }
        }
    }

    @Test
    void reportsDownUnreachableAndTooSlowServicesAsDownWithinTheTimeoutAndLeaksNothing() throws Exception {
        String deadUrl = TestGateway.deadUrl();
        ReadinessPeer slow = peer(ReadinessPeer.held());
        output.answering(503);
        try (TestGateway gateway = gateway(input.url("ws"), output.url("ws"), deadUrl, slow.url("http"),
                Map.of("gateway.service-health.timeout-seconds", "0.5"))) {
            long started = System.nanoTime();
            HttpResponse<String> response = gateway.get("/health/services");
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(response.statusCode(), is(200));
            assertThat(Json.parse(response.body()), is(Json.parse("""
                    {"status":"degraded","services":{"gateway":"up","input":"up","output":"down","dialog":"down",
                     "ltm":"down","workers":"up"}}""")));
            // the slow service holds its answer for 10 s; the gateway gives up after 0.5 s
            assertThat(took.toString(), took.compareTo(Duration.ofMillis(2500)), lessThan(0));
            assertThat(slow.requests.poll(), is(READY));
            for (String internal : List.of(ReadinessPeer.SECRET, "DOWN", "127.0.0.1", "10.1.2.3",
                    String.valueOf(output.port()), deadUrl.substring(deadUrl.lastIndexOf(':') + 1))) {
                assertThat(response.body(), not(containsString(internal)));
            }
        }
    }

    @Test
    void reusesAnAnswerForTheCacheTimeThenAsksAgain() throws Exception {
        try (TestGateway gateway = gateway(Map.of("gateway.service-health.cache-seconds", "0.3"))) {
            assertThat(Json.parse(gateway.get("/health/services").body()), is(Json.parse(ALL_UP)));
            input.answering(503);

            TestGateway.await(() -> status(gateway).path("services").path("input").asText().equals("down"),
                    "the cached answer to expire");

            // one check per cache time: the answers in between came from the cache
            assertThat(input.requests.size(), is(2));
            assertThat(status(gateway).path("status").asText(), is("degraded"));
        }
    }

    @Test
    void manyCallersAtOnceCostEachServiceOneCheck() throws Exception {
        try (TestGateway gateway = gateway(Map.of("gateway.service-health.cache-seconds", "60"));
             ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(callers.submit(() -> gateway.get("/health/services")));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                assertThat(Json.parse(answer.get().body()), is(Json.parse(ALL_UP)));
            }
            input.answering(503);
            assertThat("still the cached answer", status(gateway), is(Json.parse(ALL_UP)));

            for (ReadinessPeer peer : List.of(input, output, dialog, ltm, workers)) {
                assertThat(peer.requests.size(), is(1));
            }
        }
    }

    private ReadinessPeer peer(ReadinessPeer peer) {
        peers.add(peer);
        return peer;
    }

    private TestGateway gateway(Map<String, String> extra) {
        return gateway(input.url("ws"), output.url("ws"), dialog.url("http"), ltm.url("http"), extra);
    }

    private TestGateway gateway(String inputUrl, String outputUrl, String dialogUrl, String ltmUrl,
                                Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(extra);
        settings.put("gateway.dialog-url", dialogUrl);
        settings.put("gateway.ltm-url", ltmUrl);
        settings.put("gateway.workers-url", workers.url("http") + "/");
        return TestGateway.start(inputUrl, outputUrl, settings);
    }

    private static JsonNode status(TestGateway gateway) {
        try {
            return Json.parse(gateway.get("/health/services").body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
