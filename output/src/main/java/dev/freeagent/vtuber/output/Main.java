package dev.freeagent.vtuber.output;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import dev.freeagent.vtuber.common.config.ServiceConfig;
import dev.freeagent.vtuber.common.redis.RedisLink;
import dev.freeagent.vtuber.common.redis.RedisSettings;
import dev.freeagent.vtuber.common.server.RedisHealthCheck;
import dev.freeagent.vtuber.common.server.Service;
import dev.freeagent.vtuber.common.server.ServiceServer;
import dev.freeagent.vtuber.common.session.SessionDirectory;
import dev.freeagent.vtuber.output.control.BargeIn;
import dev.freeagent.vtuber.output.control.OutputControlService;
import dev.freeagent.vtuber.output.control.PeerStopClient;
import dev.freeagent.vtuber.output.delivery.ResultDelivery;
import dev.freeagent.vtuber.output.speech.SessionOwnership;
import dev.freeagent.vtuber.output.speech.SpeechIngestGrpcService;
import dev.freeagent.vtuber.output.speech.SpeechSettings;
import dev.freeagent.vtuber.output.speech.SpeechStreams;
import dev.freeagent.vtuber.output.web.OutputHttpService;
import dev.freeagent.vtuber.output.web.OutputSocketListener;
import dev.freeagent.vtuber.output.web.TaskIdFilter;
import dev.freeagent.vtuber.proto.output.v1.OutputProto;
import dev.freeagent.vtuber.proto.speech.v1.SpeechProto;

import io.helidon.config.Config;
import io.helidon.logging.common.LogConfig;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.grpc.GrpcRouting;
import io.helidon.webserver.websocket.WsRouting;

/**
 * Starts the output service: client output sockets, their status routes, the speech ingest from dialog and the
 * barge-in API.
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
        Config config = ServiceConfig.load(Map.of(), "output.yaml");
        RedisLink redis = RedisLink.open(RedisSettings.from(config.get("redis")));
        Service service = start(config, redis);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            redis.close();
        }));
        LOG.log(System.Logger.Level.INFO, "output listening on port " + service.port());
    }

    /**
     * Starts the service.
     *
     * @param config the whole configuration (this service reads {@code output.*} and {@code data.dir})
     * @param redis the Redis link, owned by the caller
     * @return the running service
     */
    public static Service start(Config config, RedisLink redis) {
        OutputSettings settings = OutputSettings.from(config);
        SpeechSettings speech = SpeechSettings.from(config.get("output"), settings.waitTimeout());
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name("output-timeouts").daemon().factory());
        // a wait usually ends long before its timer; drop cancelled timers instead of keeping them queued
        timers.setRemoveOnCancelPolicy(true);
        ResultDelivery delivery = ResultDelivery.create(redis, settings.waitTimeout(), speech.speechTimeout(),
                                                        settings.dataDir(), timers);
        PeerStopClient peers = new PeerStopClient(speech.forwardDeadline());
        // the advertised address names the bound port, known once the server listens (before any socket opens)
        CompletableFuture<String> ownAddress = new CompletableFuture<>();
        try {
            SessionDirectory directory = SessionDirectory.create(redis);
            SessionOwnership ownership = new SessionOwnership(directory, ownAddress::join, speech.sessionTtl());
            SpeechStreams streams = new SpeechStreams(settings.streaming(), delivery, speech, timers);
            BargeIn bargeIn = new BargeIn(settings.bargeIn(), streams, directory, ownAddress::join, peers);
            WebServerConfig.Builder server = ServiceServer.builder(settings.host(), settings.port(),
                    List.of(new RedisHealthCheck(redis)));
            ServiceServer.addGrpc(server, GrpcRouting.builder()
                    .service(OutputProto.getDescriptor(), new OutputControlService(bargeIn))
                    .service(SpeechProto.getDescriptor(), new SpeechIngestGrpcService(streams)));
            server.addRouting(WsRouting.builder()
                    .endpoint("/ws/output/{task_id}", () -> new OutputSocketListener(delivery, ownership)));
            server.routing(routing -> routing.addFilter(new TaskIdFilter())
                    .register(new OutputHttpService(delivery.registry(), redis, settings, streams::anyOpen)));
            WebServer started = server.build().start();
            ownAddress.complete(speech.advertiseAddress(started.port()));
            // waiting clients get a going-away close while their sockets are still open, then the server stops
            return new Service("output", started, List.of(delivery), List.<AutoCloseable>of(timers::shutdownNow, peers));
        } catch (RuntimeException e) {
            delivery.close();
            peers.close();
            timers.shutdownNow();
            throw e;
        }
    }
}
