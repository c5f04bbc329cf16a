package dev.freeagent.vtuber.workers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freeagent.vtuber.common.config.ServiceConfig;
import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.common.server.Service;
import dev.freeagent.vtuber.workers.analytics.Observation;
import dev.freeagent.vtuber.workers.ltm.MemoryWrite;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/**
 * The service as Main wires it: both consumers at work, {@code /health}, {@code /analytics} and the metrics.
 */
class WorkersServiceIT {
    private final TestStreams streams = new TestStreams();
    private final FakeLtm ltm = FakeLtm.start();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Service service = Main.start(ServiceConfig.load(overrides(), "workers.yaml"), streams.redis());

    @AfterEach
    void cleanUp() throws Exception {
        service.close();
        ltm.close();
        streams.close();
    }

    @Test
    void writesMemoriesKeepsStatisticsAndReportsBoth() throws Exception {
        streams.add(streams.key("events.ltm"), Map.of("type", MemoryWrite.EVENT_TYPE, "payload", """
                {"correlationId":"w#0","sessionId":"w","payload":{"text":"hi","reply":"hello"}}"""));
        streams.add(streams.key("events.analytics"), Map.of("type", Observation.CHAT_STATS, "payload", """
                {"correlationId":"w#0","sessionId":"w","ttft_ms":150,"tokens":12}"""));
        assertThat(ltm.nextWrite().getCorrelationId(), is("w#0"));
        TestStreams.eventually("both entries processed", () -> processed(health()) == 2);

        JsonNode health = health();
        assertThat(health.get("redis").asText(), is("connected"));
        JsonNode ltmConsumer = health.get("consumers").get(0);
        assertThat(ltmConsumer.get("stream").asText(), is(streams.key("events.ltm")));
        assertThat(ltmConsumer.get("group").asText(), is("ltm-workers"));
        assertThat(ltmConsumer.get("consumer").asText(), is("service-test"));
        assertThat(ltmConsumer.get("state").asText(), is("reading"));
        assertThat(ltmConsumer.get("dead_lettered").asLong(), is(0L));

        JsonNode analytics = Json.parse(get("/analytics").body());
        assertThat(analytics.get("chat").get("events").asLong(), is(1L));
        assertThat(analytics.get("chat").get("ttft_ms").get("max").asDouble(), is(150.0));
        assertThat(analytics.get("chat").get("tokens").get("p50").asDouble(), is(12.0));

        String metrics = get("/observe/metrics").body();
        assertThat(metrics, containsString("workers_entries_total{"));
        assertThat(metrics, containsString("workers_analytics_events_total{"));
        assertThat(get("/observe/health/ready").statusCode() / 100, is(2));
    }

    private Map<String, String> overrides() {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("workers.host", "127.0.0.1");
        overrides.put("workers.port", "0");
        overrides.put("workers.ltm.url", ltm.url());
        overrides.put("workers.analytics.key-prefix", streams.key("analytics"));
        for (String name : new String[] {"ltm", "analytics"}) {
            overrides.put("workers." + name + ".stream", streams.key("events." + name));
            overrides.put("workers." + name + ".consumer", "service-test");
            overrides.put("workers." + name + ".block-ms", "200");
        }
        return overrides;
    }

    private long processed(JsonNode health) {
        long processed = 0;
        for (JsonNode consumer : health.get("consumers")) {
            processed += consumer.get("processed").asLong();
        }
        return processed;
    }

    private JsonNode health() {
        return Json.parse(get("/health").body());
    }

    private HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(service.url("http") + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
