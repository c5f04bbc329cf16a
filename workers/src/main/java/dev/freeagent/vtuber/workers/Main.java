package dev.freeagent.vtuber.workers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.freeagent.vtuber.common.config.ServiceConfig;
import dev.freeagent.vtuber.common.redis.RedisLink;
import dev.freeagent.vtuber.common.redis.RedisSettings;
import dev.freeagent.vtuber.common.server.RedisHealthCheck;
import dev.freeagent.vtuber.common.server.Service;
import dev.freeagent.vtuber.common.server.ServiceServer;
import dev.freeagent.vtuber.workers.analytics.AnalyticsEffect;
import dev.freeagent.vtuber.workers.analytics.AnalyticsMeters;
import dev.freeagent.vtuber.workers.analytics.AnalyticsRoutes;
import dev.freeagent.vtuber.workers.analytics.AnalyticsSettings;
import dev.freeagent.vtuber.workers.analytics.AnalyticsStore;
import dev.freeagent.vtuber.workers.analytics.Observation;
import dev.freeagent.vtuber.workers.event.EventDispatcher;
import dev.freeagent.vtuber.workers.event.EventEffect;
import dev.freeagent.vtuber.workers.ltm.LtmClient;
import dev.freeagent.vtuber.workers.ltm.LtmWriteEffect;
import dev.freeagent.vtuber.workers.ltm.MemoryWrite;
import dev.freeagent.vtuber.workers.stream.ConsumerSettings;
import dev.freeagent.vtuber.workers.stream.StreamConsumer;

import io.helidon.config.Config;
import io.helidon.logging.common.LogConfig;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.grpc.GrpcRouting;

/**
 * Starts the workers service: a consumer of {@code events.ltm} that writes each turn to the ltm service, a
 * consumer of {@code events.analytics} that keeps the shared statistics, {@code /health} with each consumer's
 * state, {@code /analytics}, metrics, and the gRPC health service with reflection.
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
        Config config = ServiceConfig.load(Map.of(), "workers.yaml");
        RedisLink redis = RedisLink.open(RedisSettings.from(config.get("redis")));
        Service service = start(config, redis);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            redis.close();
        }));
        LOG.log(System.Logger.Level.INFO, "workers listening on port " + service.port());
    }

    /**
     * Starts the service. Redis may be down: the consumers wait for it.
     *
     * @param config the whole configuration (this service reads {@code workers.*})
     * @param redis the Redis link, owned by the caller
     * @return the running service; closing it stops the consumers
     */
    public static Service start(Config config, RedisLink redis) {
        Config own = config.get("workers");
        AnalyticsStore analytics = new AnalyticsStore(redis, AnalyticsSettings.from(own.get("analytics")));
        List<AutoCloseable> owned = new ArrayList<>();
        List<StreamConsumer> consumers = new ArrayList<>();
        try {
            if (own.get("ltm.enabled").asBoolean().orElse(true)) {
                LtmClient ltm = LtmClient.open(own.get("ltm.url").asString().orElse("http://localhost:8003"),
                        Duration.ofMillis(own.get("ltm.deadline-ms").asLong().orElse(10_000L)));
                owned.add(ltm);
                consumers.add(consume(redis, own, "ltm", Map.of(MemoryWrite.EVENT_TYPE, new LtmWriteEffect(ltm))));
                owned.add(consumers.getLast());
            }
            if (own.get("analytics.enabled").asBoolean().orElse(true)) {
                EventEffect statistics = new AnalyticsEffect(analytics, new AnalyticsMeters()::record);
                consumers.add(consume(redis, own, "analytics",
                        Map.of(Observation.CHAT_STATS, statistics, Observation.ASR_STATS, statistics)));
                owned.add(consumers.getLast());
            }
            WebServerConfig.Builder server = ServiceServer.builder(own.get("host").asString().orElse("0.0.0.0"),
                    own.get("port").asInt().orElse(8004), List.of(new RedisHealthCheck(redis)));
            ServiceServer.addGrpc(server, GrpcRouting.builder());
            server.routing(routing -> routing
                    .register(new HealthRoutes(redis, consumers))
                    .register(new AnalyticsRoutes(analytics)));
            // closed in reverse order: the consumers stop before the ltm channel they use
            return new Service("workers", server.build().start(), owned);
        } catch (RuntimeException e) {
            closeAll(owned);
            throw e;
        }
    }

    private static StreamConsumer consume(RedisLink redis, Config workers, String name, Map<String, EventEffect> effects) {
        ConsumerSettings settings = ConsumerSettings.from(name, workers, redis.settings().commandTimeout());
        return StreamConsumer.start(redis, settings, new EventDispatcher(effects), new ConsumerMeters(settings));
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "failed to close " + resources.get(i).getClass().getSimpleName(), e);
            }
        }
    }
}
