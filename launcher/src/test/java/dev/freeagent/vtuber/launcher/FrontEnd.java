package dev.freeagent.vtuber.launcher;

import java.net.CookieManager;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.common.testing.WsTestClient;

/**
 * Talks to the gateway exactly as the original front end ({@code useApi.js}) does for a text turn:
 * open {@code /ws/input}, read the task id, open {@code /ws/output/{task}}, upload the text as metadata +
 * binary chunk + {@code upload_complete}, and wait for the result on the output socket. Each instance is
 * one browser: it keeps its cookies.
 */
final class FrontEnd {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final HttpClient http;
    private final String gateway;
    private final Map<String, String> headers;

    /**
     * A browser with its own cookie jar: it learns its visitor cookie from the gateway.
     *
     * @param gatewayWsUrl e.g. {@code ws://127.0.0.1:8000}
     */
    FrontEnd(String gatewayWsUrl) {
        this(HttpClient.newBuilder().cookieHandler(new CookieManager()).build(), gatewayWsUrl, Map.of());
    }

    private FrontEnd(HttpClient http, String gatewayWsUrl, Map<String, String> headers) {
        this.http = http;
        this.gateway = gatewayWsUrl;
        this.headers = headers;
    }

    /**
     * A browser that already holds a visitor cookie, sharing one HTTP client with others (as many tabs of
     * different browsers behind one load generator): the benchmark's client stays cheap.
     *
     * @param http the shared client (without a cookie handler)
     * @param gatewayWsUrl the gateway
     * @return the browser
     */
    static FrontEnd withVisitorCookie(HttpClient http, String gatewayWsUrl) {
        return new FrontEnd(http, gatewayWsUrl, Map.of("Cookie", "vtuber_visitor=" + java.util.UUID.randomUUID()));
    }

    /**
     * One text turn.
     *
     * @param text what the user types
     * @return the result frame and timings
     */
    Turn say(String text) throws Exception {
        long start = System.nanoTime();
        try (WsTestClient input = WsTestClient.open(http, gateway + "/ws/input", headers)) {
            String taskId = Json.parse(input.nextText(WAIT)).path("task_id").asText();
            try (WsTestClient output = WsTestClient.open(http, gateway + "/ws/output/" + taskId)) {
                long sent = System.nanoTime();
                input.sendText("{\"type\":\"text\",\"chunk_id\":0,\"action\":\"data_chunk\"}");
                input.sendBinary(text.getBytes(StandardCharsets.UTF_8));
                input.sendText("{\"action\":\"upload_complete\"}");
                expect(input.nextText(WAIT), "File chunk received");
                JsonNode processed = Json.parse(input.nextText(WAIT));
                if (!"queued".equals(processed.path("status").asText())) {
                    throw new AssertionError("upload not queued: " + processed);
                }
                JsonNode result = Json.parse(output.nextText(WAIT));
                long done = System.nanoTime();
                return new Turn(taskId, result, (done - start) / 1e6, (done - sent) / 1e6);
            }
        }
    }

    private static void expect(String actual, String expected) {
        if (!expected.equals(actual)) {
            throw new AssertionError("expected '" + expected + "' but got '" + actual + "'");
        }
    }

    /**
     * A finished turn.
     *
     * @param taskId the task id
     * @param result the result frame from the output socket
     * @param totalMs from opening the input socket to the result
     * @param uploadToResultMs from the first upload frame to the result
     */
    record Turn(String taskId, JsonNode result, double totalMs, double uploadToResultMs) {
    }
}
