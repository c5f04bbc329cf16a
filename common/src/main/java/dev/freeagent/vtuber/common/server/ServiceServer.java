package dev.freeagent.vtuber.common.server;

import java.time.Duration;
import java.util.List;

import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import io.helidon.health.HealthCheck;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.grpc.GrpcConfig;
import io.helidon.webserver.grpc.GrpcReflectionFeature;
import io.helidon.webserver.grpc.GrpcRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;

/**
 * What every service's web server has in common: TCP_NODELAY on its listener, Kubernetes probes at
 * {@code /observe/health/live} and {@code /observe/health/ready} (with the service's named readiness
 * checks), Prometheus metrics at {@code /observe/metrics}, and, for services with gRPC, the standard
 * {@code grpc.health.v1.Health} service and server reflection on the default socket (the only socket
 * where Helidon 4.5's reflection lists services).
 */
public final class ServiceServer {
    private static final Duration IDLE_CONNECTION_TIMEOUT = Duration.ofMinutes(30);
    private static final int MAX_GRPC_MESSAGE_BYTES = 32 * 1024 * 1024;
    private ServiceServer() {
    }

    /**
     * A server builder with the common parts.
     *
     * @param host bind address
     * @param port port, 0 for any free port
     * @param readiness named readiness checks (Redis, SQLite, downstream services)
     * @return the builder; the caller adds routes and builds
     */
    public static WebServerConfig.Builder builder(String host, int port, List<HealthCheck> readiness) {
        HealthObserver health = HealthObserver.builder()
                .details(true)
                .useSystemServices(false)
                .addHealthChecks(readiness)
                .build();
        return WebServer.builder()
                .host(host)
                .port(port)
                .shutdownHook(false)
                .connectionOptions(socket -> socket.tcpNoDelay(true))
                // an output socket waits silently for its result (300 s by default): Helidon's idle-connection
                // reaper (5 min) must not cut it first
                .idleConnectionTimeout(IDLE_CONNECTION_TIMEOUT)
                .addFeature(ObserveFeature.just(health, MetricsObserver.create()));
    }

    /**
     * Adds gRPC routing, the gRPC health service and reflection.
     *
     * @param server the server builder
     * @param routing the service's gRPC routing
     * @return the health manager, to report NOT_SERVING while draining
     */
    public static HealthStatusManager addGrpc(WebServerConfig.Builder server, GrpcRouting.Builder routing) {
        HealthStatusManager health = new HealthStatusManager();
        health.setStatus("", ServingStatus.SERVING);
        routing.service(io.grpc.health.v1.HealthProto.getDescriptor(), health.getHealthService());
        server.addRouting(routing)
                // a turn carries a whole upload (up to the input service's 16 MiB); Helidon's default is 2 MiB
                .addProtocol(GrpcConfig.builder().maxReadBufferSize(MAX_GRPC_MESSAGE_BYTES).build())
                .addFeature(GrpcReflectionFeature.create(reflection -> reflection.enabled(true)));
        return health;
    }
}
