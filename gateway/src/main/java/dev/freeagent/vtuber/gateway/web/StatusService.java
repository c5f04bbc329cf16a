package dev.freeagent.vtuber.gateway.web;

import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.gateway.health.HealthReport;
import dev.freeagent.vtuber.gateway.health.SystemHealth;
import dev.freeagent.vtuber.gateway.proxy.ConnectionRegistry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code GET /health}, {@code GET /connections} and {@code GET /} with the original's shapes (contract §2.4), and
 * {@code GET /health/services}: {@code {"status":"ok"|"degraded","services":{"gateway":"up","input":"up"|"down",…}}},
 * always 200 (the body says whether something is down). Nothing internal is exposed: no downstream body, address
 * or error is relayed, only up or down.
 *
 * @param registry the open proxied connections
 * @param inputUrl input's URL as configured
 * @param outputUrl output's URL as configured
 * @param systemHealth each service's readiness
 */
public record StatusService(ConnectionRegistry registry, String inputUrl, String outputUrl, SystemHealth systemHealth)
        implements HttpService {
    private static final String JSON = "application/json";

    @Override
    public void routing(HttpRules rules) {
        rules.get("/health", this::health)
                .get("/health/services", this::services)
                .get("/connections", this::connections)
                .get("/", this::page);
    }

    private void health(ServerRequest req, ServerResponse res) {
        ObjectNode body = Json.object();
        body.put("status", "ok");
        body.put("gateway", "running");
        body.put("active_connections", registry.size());
        ObjectNode backends = body.putObject("backend_services");
        backends.put("input", inputUrl);
        backends.put("output", outputUrl);
        res.header(HeaderNames.CONTENT_TYPE, JSON).send(Json.write(body));
    }

    private void services(ServerRequest req, ServerResponse res) {
        HealthReport report = systemHealth.report();
        ObjectNode body = Json.object();
        body.put("status", report.allUp() ? "ok" : "degraded");
        ObjectNode services = body.putObject("services");
        report.up().forEach((name, up) -> services.put(name, up ? "up" : "down"));
        res.header(HeaderNames.CONTENT_TYPE, JSON).header(HeaderNames.CACHE_CONTROL, "no-store").send(Json.write(body));
    }

    private void connections(ServerRequest req, ServerResponse res) {
        var ids = registry.ids();
        ObjectNode body = Json.object();
        body.put("total_connections", ids.size());
        ids.forEach(body.putArray("connections")::add);
        res.header(HeaderNames.CONTENT_TYPE, JSON).send(Json.write(body));
    }

    private void page(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8")
                .send(StatusPage.render(registry.size()));
    }
}
