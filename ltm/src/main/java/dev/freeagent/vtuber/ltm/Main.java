package dev.freeagent.vtuber.ltm;

import java.util.List;
import java.util.Map;

import dev.freeagent.vtuber.common.config.ServiceConfig;
import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.common.redis.RedisLink;
import dev.freeagent.vtuber.common.redis.RedisSettings;
import dev.freeagent.vtuber.common.server.RedisHealthCheck;
import dev.freeagent.vtuber.common.server.Service;
import dev.freeagent.vtuber.common.server.ServiceServer;

import io.helidon.config.Config;
import io.helidon.logging.common.LogConfig;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.grpc.GrpcRouting;

/**
 * Starts the ltm service. Its Redis Streams / memory work arrives with the memory issue; today it
 * serves its health, metrics and the gRPC health service with reflection.
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
        Config config = ServiceConfig.load(Map.of(), "ltm.yaml");
        RedisLink redis = RedisLink.open(RedisSettings.from(config.get("redis")));
        Service service = start(config, redis);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            redis.close();
        }));
        LOG.log(System.Logger.Level.INFO, "ltm listening on port " + service.port());
    }

    /**
     * Starts the service.
     *
     * @param config the whole configuration (this service reads {@code ltm.*})
     * @param redis the Redis link, owned by the caller
     * @return the running service
     */
    public static Service start(Config config, RedisLink redis) {
        Config own = config.get("ltm");
        WebServerConfig.Builder server = ServiceServer.builder(own.get("host").asString().orElse("0.0.0.0"),
                own.get("port").asInt().orElse(8003), List.of(new RedisHealthCheck(redis)));
        ServiceServer.addGrpc(server, GrpcRouting.builder());
        server.routing(routing -> routing.get("/health", (req, res) -> {
            var health = Json.object();
            health.put("status", "ok");
            health.put("service", "ltm");
            health.put("redis", redis.available() ? "connected" : "disconnected");
            res.header("Content-Type", "application/json").send(Json.write(health));
        }));
        return new Service("ltm", server.build().start(), List.of());
    }
}
