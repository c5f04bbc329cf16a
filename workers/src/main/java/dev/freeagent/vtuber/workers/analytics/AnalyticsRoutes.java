package dev.freeagent.vtuber.workers.analytics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freeagent.vtuber.common.json.Json;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code GET /analytics}: the shared aggregates as JSON, for example
 * <pre>{@code
 * {"window": 1000,
 *  "chat": {"events": 2,
 *           "ttft_ms": {"count": 2, "sum": 300.0, "mean": 150.0, "max": 200.0,
 *                       "recent": 2, "p50": 100.0, "p90": 200.0, "p99": 200.0},
 *           "tokens": {...}},
 *  "asr": {"whisper": {"events": 1, "latency_ms": {...}, "duration_seconds": {...}}}}
 * }</pre>
 * A subject {@code a:b} appears as {@code "a": {"b": ...}}. {@code count}, {@code sum}, {@code mean} and
 * {@code max} cover every event; {@code p50}/{@code p90}/{@code p99} the latest {@code recent} values (at most
 * {@code window}). 503 with {@code {"error": ...}} when Redis cannot be read.
 */
public final class AnalyticsRoutes implements HttpService {
    private final AnalyticsStore store;

    /**
     * Creates the routes.
     *
     * @param store the shared aggregates
     */
    public AnalyticsRoutes(AnalyticsStore store) {
        this.store = store;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/analytics", this::analytics);
    }

    private void analytics(ServerRequest request, ServerResponse response) {
        response.header(HeaderNames.CONTENT_TYPE, "application/json");
        try {
            response.send(Json.write(json(store.snapshot())));
        } catch (AnalyticsUnavailableException e) {
            ObjectNode error = Json.object();
            error.put("error", e.getMessage());
            response.status(Status.SERVICE_UNAVAILABLE_503).send(Json.write(error));
        }
    }

    private static ObjectNode json(AnalyticsSnapshot snapshot) {
        ObjectNode root = Json.object();
        root.put("window", snapshot.window());
        for (AnalyticsSnapshot.Subject subject : snapshot.subjects()) {
            int colon = subject.name().indexOf(':');
            ObjectNode node = colon < 0
                    ? root.putObject(subject.name())
                    : root.withObjectProperty(subject.name().substring(0, colon)).putObject(subject.name().substring(colon + 1));
            node.put("events", subject.events());
            subject.metrics().forEach((name, metric) -> metric(node.putObject(name), metric));
        }
        return root;
    }

    private static void metric(ObjectNode node, AnalyticsSnapshot.Metric metric) {
        node.put("count", metric.count());
        node.put("sum", metric.sum());
        node.put("mean", metric.mean());
        node.put("max", metric.max());
        metric.recent().ifPresent(recent -> {
            node.put("recent", recent.size());
            node.put("p50", recent.p50());
            node.put("p90", recent.p90());
            node.put("p99", recent.p99());
        });
    }
}
