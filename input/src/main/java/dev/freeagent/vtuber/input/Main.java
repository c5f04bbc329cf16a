package dev.freeagent.vtuber.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.freeagent.vtuber.common.config.ServiceConfig;
import dev.freeagent.vtuber.common.grpc.GrpcChannels;
import dev.freeagent.vtuber.common.redis.RedisLink;
import dev.freeagent.vtuber.common.redis.RedisSettings;
import dev.freeagent.vtuber.common.server.RedisHealthCheck;
import dev.freeagent.vtuber.common.server.Service;
import dev.freeagent.vtuber.common.server.ServiceServer;
import dev.freeagent.vtuber.input.turn.DialogClient;
import dev.freeagent.vtuber.input.turn.ResultPublisher;
import dev.freeagent.vtuber.input.turn.TurnJob;
import dev.freeagent.vtuber.input.turn.Turns;
import dev.freeagent.vtuber.input.upload.TaskWriter;
import dev.freeagent.vtuber.input.upload.UploadSocket;
import dev.freeagent.vtuber.input.web.InputRoutes;

import io.grpc.ManagedChannel;
import io.helidon.config.Config;
import io.helidon.logging.common.LogConfig;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.websocket.WsConfig;
import io.helidon.webserver.websocket.WsRouting;

/**
 * Starts the input service: {@code WS /ws/input}, {@code GET /}, {@code GET /health}, readiness on Redis.
 */
public final class Main {
    private static final System.Logger LOG = System.getLogger(Main.class.getName());

    private Main() {
    }

    /**
     * Runs the service until the JVM is stopped.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        LogConfig.configureRuntime();
        Config config = ServiceConfig.load(Map.of(), "input.yaml");
        RedisLink redis = RedisLink.open(RedisSettings.from(config.get("redis")));
        Service service = start(config, redis);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            redis.close();
        }));
        LOG.log(System.Logger.Level.INFO, "input listening on port " + service.port());
    }

    /**
     * Starts the service.
     *
     * @param config the whole configuration (this service reads {@code input.*} and {@code data.dir})
     * @param redis the Redis link, owned by the caller
     * @return the running service; closing it stops the server, the running turns and the dialog channel
     */
    public static Service start(Config config, RedisLink redis) {
        InputSettings settings = InputSettings.from(config);
        List<AutoCloseable> owned = new ArrayList<>();
        ManagedChannel channel = GrpcChannels.open(settings.dialogUrl());
        owned.add(() -> {
            channel.shutdownNow();
            channel.awaitTermination(5, TimeUnit.SECONDS);
        });
        Turns turns = new Turns(new TurnJob(new DialogClient(channel, settings.dialogTimeout()),
                new ResultPublisher(redis, settings.resultTtl())));
        owned.add(turns);
        TaskWriter writer = new TaskWriter(settings.tempDir());

        WebServerConfig.Builder server = ServiceServer.builder(settings.host(), settings.port(),
                List.of(new RedisHealthCheck(redis)));
        // A single frame may carry a whole upload (the original accepted 16 MiB messages).
        server.addProtocol(WsConfig.builder().name("websocket").maxFrameLength(settings.limits().maxBytes()).build())
                .routing(routing -> routing.register(new InputRoutes(redis)))
                .addRouting(WsRouting.builder().endpoint("/ws/input",
                        () -> new UploadSocket(settings.limits(), writer, turns)));
        try {
            return new Service("input", server.build().start(), owned);
        } catch (RuntimeException e) {
            turns.close();
            channel.shutdownNow();
            throw e;
        }
    }
}
