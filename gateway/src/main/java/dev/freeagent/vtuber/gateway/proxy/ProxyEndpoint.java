package dev.freeagent.vtuber.gateway.proxy;

import java.net.URI;
import java.util.Optional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.helidon.webserver.websocket.WsRouting;

/**
 * A public WebSocket path and the backend path it is proxied to: {@code /ws/input} to input's
 * {@code /ws/input}, {@code /ws/output/{task_id}} to output's {@code /ws/output/{task_id}}.
 *
 * @param type {@code input} or {@code output}: the id prefix and the service named in failures
 * @param path the public path pattern
 * @param backendBase the backend's WebSocket base URL, without a trailing slash
 * @param identifiesVisitor whether the visitor cookie is read, issued and passed on
 * @param dialer opens backend sockets
 * @param registry lists open connections
 */
public record ProxyEndpoint(String type,
                            String path,
                            String backendBase,
                            boolean identifiesVisitor,
                            BackendDialer dialer,
                            ConnectionRegistry registry) {
    /** The query parameter by which an output client opts into streamed audio and text. */
    static final String STREAM_OPTION = "stream";
    private static final String OUTPUT_PREFIX = "/ws/output/";

    /**
     * {@code /ws/input}, which carries the visitor id to input.
     *
     * @param backendBase input's WebSocket base URL
     * @param dialer opens backend sockets
     * @param registry lists open connections
     * @return the endpoint
     */
    public static ProxyEndpoint input(String backendBase, BackendDialer dialer, ConnectionRegistry registry) {
        return new ProxyEndpoint("input", "/ws/input", backendBase, true, dialer, registry);
    }

    /**
     * {@code /ws/output/{task_id}}; the task id is not validated here (output answers for it).
     *
     * @param backendBase output's WebSocket base URL
     * @param dialer opens backend sockets
     * @param registry lists open connections
     * @return the endpoint
     */
    public static ProxyEndpoint output(String backendBase, BackendDialer dialer, ConnectionRegistry registry) {
        return new ProxyEndpoint("output", OUTPUT_PREFIX + "{task_id}", backendBase, false, dialer, registry);
    }

    /**
     * Adds this endpoint to WebSocket routing; each connection gets a listener of its own.
     *
     * @param routing the routing
     * @return the same routing
     */
    public WsRouting.Builder addTo(WsRouting.Builder routing) {
        return routing.endpoint(path, () -> new ClientListener(this));
    }

    /**
     * The backend URL for a request path.
     *
     * @param requestPath the decoded request path
     * @param streamOption the client's {@code stream} query parameter (streamed audio and text), if any
     * @return the backend socket URL
     */
    URI target(String requestPath, Optional<String> streamOption) {
        if (!path.startsWith(OUTPUT_PREFIX)) {
            return URI.create(backendBase + path);
        }
        String taskId = requestPath.substring(Math.min(OUTPUT_PREFIX.length(), requestPath.length()));
        // only the one option output understands is passed on; the rest of the client's query stays here
        String query = streamOption.map(value -> "?" + STREAM_OPTION + "=" + segment(value)).orElse("");
        return URI.create(backendBase + OUTPUT_PREFIX + segment(taskId) + query);
    }

    /**
     * Encodes text as one path segment, so that no task id can reach another backend path.
     *
     * @param text the raw segment
     * @return the percent-encoded segment
     */
    static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace(".", "%2E")
                .replace("*", "%2A");
    }
}
