package dev.freeagent.vtuber.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.freeagent.vtuber.common.config.ServiceConfig;
import dev.freeagent.vtuber.gateway.health.ServiceHealthSettings;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Reading and validating {@code gateway.*}.
 */
class GatewaySettingsTest {
    @Test
    void readsTheDefaultsOfGatewayYaml() {
        GatewaySettings settings = GatewaySettings.from(ServiceConfig.load(Map.of(
                "gateway.input-url", "ws://localhost:8001",
                "gateway.output-url", "ws://localhost:8002",
                "gateway.dialog-url", "http://localhost:8100",
                "gateway.port", "8000"), "gateway.yaml").get("gateway"));

        assertThat(settings, is(new GatewaySettings("0.0.0.0", 8000, "ws://localhost:8001", "ws://localhost:8002",
                "http://localhost:8100", "http://localhost:8003", "http://localhost:8004", 16777216, Duration.ofSeconds(5),
                List.of("http://localhost", "http://localhost:3000", "http://127.0.0.1:3000"), List.of())));
    }

    @Test
    void rejectsAServiceUrlWithoutAWebScheme() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> GatewaySettings.from(ServiceConfig.load(Map.of("gateway.input-url", "localhost:8001"),
                        "gateway.yaml").get("gateway")));

        assertThat(error.getMessage().startsWith("gateway.input-url"), is(true));
    }

    @Test
    void readsTheServiceHealthDefaultsAndRejectsANonPositiveTimeout() {
        assertThat(ServiceHealthSettings.from(ServiceConfig.load(Map.of(), "gateway.yaml").get("gateway.service-health")),
                is(new ServiceHealthSettings(Duration.ofSeconds(1), Duration.ofSeconds(2))));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ServiceHealthSettings.from(ServiceConfig.load(Map.of("gateway.service-health.timeout-seconds", "0"),
                        "gateway.yaml").get("gateway.service-health")));

        assertThat(error.getMessage().startsWith("gateway.service-health.timeout-seconds"), is(true));
    }

    @Test
    void rejectsAWorkersUrlWithoutAHost() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> GatewaySettings.from(ServiceConfig.load(Map.of("gateway.workers-url", "http:///x"),
                        "gateway.yaml").get("gateway")));

        assertThat(error.getMessage().startsWith("gateway.workers-url"), is(true));
    }

    @Test
    void turnsWebSocketBasesIntoHttpBases() {
        assertThat(GatewaySettings.httpBase("ws://input:8001/"), is("http://input:8001"));
        assertThat(GatewaySettings.httpBase("wss://input"), is("https://input"));
        assertThat(GatewaySettings.httpBase("http://ltm:8003"), is("http://ltm:8003"));
    }

    @Test
    void turnsHttpBasesIntoWebSocketBases() {
        assertThat(GatewaySettings.webSocketBase("http://input:8001/"), is("ws://input:8001"));
        assertThat(GatewaySettings.webSocketBase("https://input"), is("wss://input"));
        assertThat(GatewaySettings.webSocketBase("ws://input:8001"), is("ws://input:8001"));
    }
}
