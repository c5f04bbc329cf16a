package dev.freeagent.vtuber.input;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.common.redis.EmbeddedRedis;
import dev.freeagent.vtuber.common.testing.TestRedis;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/**
 * {@code GET /}, {@code GET /health} and the readiness probe, with Redis up and down.
 */
class InputRoutesIT {
    private static final String NO_DIALOG = "http://127.0.0.1:1";
    private static HttpClient http;

    @BeforeAll
    static void start() {
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @Test
    void pageDescribesTheSocketFormatsAndChannel() throws Exception {
        try (RunningInput input = RunningInput.start(TestRedis.machine(), NO_DIALOG, Map.of())) {
            HttpResponse<String> page = get(input, "/");
            assertThat(page.statusCode(), is(200));
            assertThat(page.headers().firstValue("content-type").orElse(""), containsString("text/html"));
            assertThat(page.body(), containsString("/ws/input"));
            assertThat(page.body(), containsString("WebM/Opus"));
            assertThat(page.body(), containsString("task_response:{task_id}"));
        }
    }

    @Test
    void healthAndReadinessFollowRedis() throws Exception {
        try (RunningInput up = RunningInput.start(TestRedis.machine(), NO_DIALOG, Map.of());
                RunningInput down = RunningInput.start(TestRedis.machine().at("127.0.0.1", EmbeddedRedis.freePort()),
                        NO_DIALOG, Map.of())) {
            HttpResponse<String> healthy = get(up, "/health");
            assertThat(healthy.headers().firstValue("content-type").orElse(""), is("application/json"));
            assertThat(Json.parse(healthy.body()).toString(),
                    is("{\"status\":\"ok\",\"service\":\"input-handler\",\"redis\":\"connected\"}"));
            assertThat(get(up, "/observe/health/ready").statusCode(), is(200));

            assertThat(Json.parse(get(down, "/health").body()).path("redis").asText(), is("disconnected"));
            assertThat(get(down, "/observe/health/ready").statusCode(), is(503));
        }
    }

    private static HttpResponse<String> get(RunningInput input, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + input.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
