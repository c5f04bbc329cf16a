package dev.freeagent.vtuber.gateway;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.freeagent.vtuber.common.config.ServiceConfig;
import dev.freeagent.vtuber.common.grpc.GrpcChannels;
import dev.freeagent.vtuber.common.server.Service;
import dev.freeagent.vtuber.common.server.ServiceServer;
import dev.freeagent.vtuber.gateway.asr.AsrService;
import dev.freeagent.vtuber.gateway.asr.AsrSettings;
import dev.freeagent.vtuber.gateway.control.OutputStopClient;
import dev.freeagent.vtuber.gateway.control.StopService;
import dev.freeagent.vtuber.gateway.health.ProbedService;
import dev.freeagent.vtuber.gateway.health.ReadinessClient;
import dev.freeagent.vtuber.gateway.health.ServiceHealthSettings;
import dev.freeagent.vtuber.gateway.health.SystemHealth;
import dev.freeagent.vtuber.gateway.proxy.BackendDialer;
import dev.freeagent.vtuber.gateway.proxy.ConnectionRegistry;
import dev.freeagent.vtuber.gateway.proxy.ProxyEndpoint;
import dev.freeagent.vtuber.gateway.web.ConsoleService;
import dev.freeagent.vtuber.gateway.web.CorsFilter;
import dev.freeagent.vtuber.gateway.web.StatusService;

import io.grpc.ManagedChannel;
import io.helidon.config.Config;
import io.helidon.logging.common.LogConfig;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.websocket.WsConfig;
import io.helidon.webserver.websocket.WsRouting;

/**
 * Starts the gateway: the WebSocket proxy to input and output, {@code /control/stop} over gRPC to output,
 * {@code /api/asr} over gRPC to dialog, the status routes (with every service's readiness at
 * {@code /health/services}) and the web console.
 */
public final class Main {
    private static final System.Logger LOG = System.getLogger(Main.class.getName());

    private Main() {
    }

    /**
     * Runs the gateway until the JVM is stopped.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        LogConfig.configureRuntime();
        Service service = start(ServiceConfig.load(Map.of(), "gateway.yaml"));
        Runtime.getRuntime().addShutdownHook(new Thread(service::close));
        LOG.log(System.Logger.Level.INFO, "gateway listening on port " + service.port());
    }

    /**
     * Starts the gateway.
     *
     * @param config the whole configuration (the gateway reads {@code gateway.*})
     * @return the running service; closing it closes the open proxied sockets (1001 to clients, a close frame
     *         to backends), stops the server, then closes the WebSocket client and the gRPC channel
     */
    public static Service start(Config config) {
        GatewaySettings settings = GatewaySettings.from(config.get("gateway"));
        ConnectionRegistry registry = new ConnectionRegistry();
        BackendDialer dialer = new BackendDialer();
        ManagedChannel output = GrpcChannels.open(settings.outputUrl());
        ManagedChannel dialog = GrpcChannels.open(settings.dialogUrl());
        ServiceHealthSettings healthSettings = ServiceHealthSettings.from(config.get("gateway.service-health"));
        ReadinessClient readiness = new ReadinessClient(healthSettings.timeout());
        SystemHealth systemHealth = new SystemHealth(readiness, probedServices(settings), healthSettings);

        WebServerConfig.Builder server = ServiceServer.builder(settings.host(), settings.port(), List.of())
                .addProtocol(WsConfig.builder()
                        .maxFrameLength(settings.maxFrameBytes())
                        .origins(Set.copyOf(settings.wsOrigins()))
                        .build());
        WsRouting.Builder sockets = WsRouting.builder();
        ProxyEndpoint.input(GatewaySettings.webSocketBase(settings.inputUrl()), dialer, registry).addTo(sockets);
        ProxyEndpoint.output(GatewaySettings.webSocketBase(settings.outputUrl()), dialer, registry).addTo(sockets);
        server.addRouting(sockets)
                .routing(http -> http.addFilter(CorsFilter.of(settings.corsOrigins()))
                        .register(new StatusService(registry, settings.inputUrl(), settings.outputUrl(), systemHealth))
                        .register(ConsoleService.create())
                        .register("/control", new StopService(new OutputStopClient(output, settings.stopTimeout())))
                        .register("/api", new AsrService(AsrSettings.from(config.get("gateway.asr")), dialog)));

        AutoCloseable channelCloser = () -> {
            dialog.shutdownNow();
            output.shutdownNow().awaitTermination(2, TimeUnit.SECONDS);
        };
        // open proxies close (1001 to clients, close frames to backends) before Helidon drops their sockets
        return new Service("gateway", server.build().start(), List.of(registry),
                List.of(channelCloser, dialer, readiness));
    }

    // the services behind the gateway, in the order GET /health/services reports them
    private static List<ProbedService> probedServices(GatewaySettings settings) {
        return List.of(
                ProbedService.at("input", GatewaySettings.httpBase(settings.inputUrl())),
                ProbedService.at("output", GatewaySettings.httpBase(settings.outputUrl())),
                ProbedService.at("dialog", GatewaySettings.httpBase(settings.dialogUrl())),
                ProbedService.at("ltm", GatewaySettings.httpBase(settings.ltmUrl())),
                ProbedService.at("workers", GatewaySettings.httpBase(settings.workersUrl())));
    }
}
