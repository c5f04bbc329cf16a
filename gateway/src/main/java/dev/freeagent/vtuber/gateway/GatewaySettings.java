package dev.freeagent.vtuber.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.helidon.config.Config;

/**
 * The gateway's configuration (the {@code gateway} node of {@code gateway.yaml}), validated.
 *
 * @param host bind address
 * @param port port, 0 for any free port
 * @param inputUrl input service base URL, as configured (reported by {@code /health})
 * @param outputUrl output service base URL, as configured (reported by {@code /health}; also its gRPC target)
 * @param dialogUrl dialog's HTTP base URL (for {@code /api/asr})
 * @param ltmUrl the ltm service's base URL (only its readiness is asked, for {@code /health/services})
 * @param workersUrl the workers service's base URL (only its readiness is asked, for {@code /health/services})
 * @param maxFrameBytes the largest WebSocket frame accepted from a client
 * @param stopTimeout deadline of the STOP call to output
 * @param corsOrigins browser origins allowed by CORS
 * @param wsOrigins browser origins allowed to open a WebSocket; empty means same-origin only (the page's origin
 *                  must match the host it connects to), which is Helidon's rule
 */
public record GatewaySettings(String host,
                              int port,
                              String inputUrl,
                              String outputUrl,
                              String dialogUrl,
                              String ltmUrl,
                              String workersUrl,
                              int maxFrameBytes,
                              Duration stopTimeout,
                              List<String> corsOrigins,
                              List<String> wsOrigins) {
    private static final Set<String> SCHEMES = Set.of("ws", "wss", "http", "https");

    /**
     * Validates the settings.
     */
    public GatewaySettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("gateway.port must be 0..65535, got " + port);
        }
        requireServiceUrl("gateway.input-url", inputUrl);
        requireServiceUrl("gateway.output-url", outputUrl);
        requireServiceUrl("gateway.dialog-url", dialogUrl);
        requireServiceUrl("gateway.ltm-url", ltmUrl);
        requireServiceUrl("gateway.workers-url", workersUrl);
        if (maxFrameBytes <= 0) {
            throw new IllegalArgumentException("gateway.max-frame-bytes must be positive, got " + maxFrameBytes);
        }
        if (stopTimeout.isNegative() || stopTimeout.isZero()) {
            throw new IllegalArgumentException("gateway.stop-timeout-seconds must be positive, got " + stopTimeout);
        }
        corsOrigins = List.copyOf(corsOrigins);
        wsOrigins = List.copyOf(wsOrigins);
    }

    /**
     * Reads the {@code gateway} node.
     *
     * @param gateway the node
     * @return the settings
     * @throws IllegalArgumentException when a value is out of range
     */
    public static GatewaySettings from(Config gateway) {
        return new GatewaySettings(gateway.get("host").asString().orElse("0.0.0.0"),
                gateway.get("port").asInt().orElse(8000),
                gateway.get("input-url").asString().orElse("ws://localhost:8001").trim(),
                gateway.get("output-url").asString().orElse("ws://localhost:8002").trim(),
                gateway.get("dialog-url").asString().orElse("http://localhost:8100").trim(),
                gateway.get("ltm-url").asString().orElse("http://localhost:8003").trim(),
                gateway.get("workers-url").asString().orElse("http://localhost:8004").trim(),
                gateway.get("max-frame-bytes").asInt().orElse(16 * 1024 * 1024),
                Duration.ofMillis(Math.round(gateway.get("stop-timeout-seconds").asDouble().orElse(5.0) * 1000)),
                gateway.get("cors-origins").asList(String.class).orElse(List.of()),
                commaSeparated(gateway.get("ws-origins").asString().orElse("")));
    }

    /**
     * The WebSocket base URL of a service: {@code http} becomes {@code ws}, {@code https} becomes {@code wss},
     * and a trailing slash is dropped, so that a path can be appended.
     *
     * @param serviceUrl a validated service URL
     * @return the WebSocket base
     */
    public static String webSocketBase(String serviceUrl) {
        String base = serviceUrl.endsWith("/") ? serviceUrl.substring(0, serviceUrl.length() - 1) : serviceUrl;
        String lower = base.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://")) {
            return "ws://" + base.substring("http://".length());
        }
        if (lower.startsWith("https://")) {
            return "wss://" + base.substring("https://".length());
        }
        return base;
    }

    /**
     * The HTTP base URL of a service: {@code ws} becomes {@code http}, {@code wss} becomes {@code https}, and a
     * trailing slash is dropped, so that a path can be appended.
     *
     * @param serviceUrl a validated service URL
     * @return the HTTP base
     */
    public static String httpBase(String serviceUrl) {
        String base = serviceUrl.endsWith("/") ? serviceUrl.substring(0, serviceUrl.length() - 1) : serviceUrl;
        String lower = base.toLowerCase(Locale.ROOT);
        if (lower.startsWith("ws://")) {
            return "http://" + base.substring("ws://".length());
        }
        if (lower.startsWith("wss://")) {
            return "https://" + base.substring("wss://".length());
        }
        return base;
    }

    private static void requireServiceUrl(String key, String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " is not a URL: " + url, e);
        }
        if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))
                || uri.getHost() == null) {
            throw new IllegalArgumentException(key + " must be a ws, wss, http or https URL with a host, got " + url);
        }
    }

    private static List<String> commaSeparated(String value) {
        return java.util.Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }
}
