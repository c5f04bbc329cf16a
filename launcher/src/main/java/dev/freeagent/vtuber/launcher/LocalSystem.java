package dev.freeagent.vtuber.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.freeagent.vtuber.common.config.ServiceConfig;
import dev.freeagent.vtuber.common.redis.EmbeddedRedis;
import dev.freeagent.vtuber.common.redis.RedisLink;
import dev.freeagent.vtuber.common.redis.RedisSettings;
import dev.freeagent.vtuber.common.server.Service;

import io.helidon.config.Config;

/**
 * The whole system in one JVM: the six services wired to each other over loopback (the same gRPC and
 * WebSocket hops as on Kubernetes), one shared Redis link, SQLite files under one data folder, and an
 * embedded redis-server when no Redis is reachable on this machine.
 *
 * <p>Closing stops the gateway first (no new clients), then the services behind it, then Redis.
 */
public final class LocalSystem implements AutoCloseable {
    private static final String[] RESOURCES = {
        "launcher.yaml", "gateway.yaml", "input.yaml", "dialog.yaml", "output.yaml", "workers.yaml", "ltm.yaml"};

    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, Service> services = new HashMap<>();
    private final Path dataDir;
    private final RedisSettings redis;
    private final Optional<EmbeddedRedis> embeddedRedis;

    private LocalSystem(Path dataDir, RedisSettings redis, Optional<EmbeddedRedis> embeddedRedis) {
        this.dataDir = dataDir;
        this.redis = redis;
        this.embeddedRedis = embeddedRedis;
        embeddedRedis.ifPresent(started::add);
    }

    /**
     * Starts everything.
     *
     * @param overrides configuration keys that win over the environment and the YAML defaults
     * @return the running system
     */
    public static LocalSystem start(Map<String, String> overrides) {
        Config base = ServiceConfig.load(overrides, RESOURCES);
        Path dataDir = createDataDir(base.get("data.dir").asString().orElse("data"));
        RedisSettings redisSettings = RedisSettings.from(base.get("redis"));
        Optional<EmbeddedRedis> embedded = embedRedisIfNeeded(base.get("launcher.embedded-redis").asString().orElse("auto"),
                redisSettings);
        LocalSystem system = new LocalSystem(dataDir, redisSettings, embedded);
        try {
            system.startServices(overrides, base.get("launcher.internal-host").asString().orElse("127.0.0.1"));
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    private void startServices(Map<String, String> overrides, String internalHost) {
        Map<String, String> wiring = new HashMap<>(overrides);
        wiring.put("data.dir", dataDir.toString());
        for (String name : List.of("ltm", "workers", "dialog", "output", "input")) {
            wiring.putIfAbsent(name + ".host", internalHost);
        }
        RedisLink link = RedisLink.open(redis);
        started.add(link);
        Service ltm = register(dev.freeagent.vtuber.ltm.Main.start(load(wiring), link));
        wiring.putIfAbsent("workers.ltm.url", ltm.url("http"));
        wiring.putIfAbsent("dialog.ltm.base-url", ltm.url("http"));
        Service workers = register(dev.freeagent.vtuber.workers.Main.start(load(wiring), link));
        Service dialog = register(dev.freeagent.vtuber.dialog.Main.start(load(wiring), link));
        Service output = register(dev.freeagent.vtuber.output.Main.start(load(wiring), link));
        wiring.put("input.dialog-url", dialog.url("http"));
        Service input = register(dev.freeagent.vtuber.input.Main.start(load(wiring), link));
        wiring.put("gateway.input-url", input.url("ws"));
        wiring.put("gateway.output-url", output.url("ws"));
        wiring.put("gateway.dialog-url", dialog.url("http"));
        wiring.put("gateway.ltm-url", ltm.url("http"));
        wiring.put("gateway.workers-url", workers.url("http"));
        register(dev.freeagent.vtuber.gateway.Main.start(load(wiring)));
    }

    private static Config load(Map<String, String> wiring) {
        return ServiceConfig.load(wiring, RESOURCES);
    }

    private Service register(Service service) {
        services.put(service.name(), service);
        started.add(service);
        return service;
    }

    private static Optional<EmbeddedRedis> embedRedisIfNeeded(String mode, RedisSettings settings) {
        boolean local = List.of("localhost", "127.0.0.1", "::1").contains(settings.host());
        if (!"auto".equals(mode) || !local || EmbeddedRedis.listening(settings.host(), settings.port())) {
            return Optional.empty();
        }
        return Optional.of(EmbeddedRedis.start(settings.port()));
    }

    private static Path createDataDir(String dir) {
        try {
            return Files.createDirectories(Path.of(dir)).toAbsolutePath().normalize();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + dir, e);
        }
    }

    /**
     * A running service by name.
     *
     * @param name gateway, input, dialog, output, workers or ltm
     * @return the service
     */
    public Service service(String name) {
        Service service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no service named " + name);
        }
        return service;
    }

    /**
     * The data folder (absolute).
     *
     * @return path
     */
    public Path dataDir() {
        return dataDir;
    }

    /**
     * Where Redis is.
     *
     * @return settings
     */
    public RedisSettings redis() {
        return redis;
    }

    /**
     * Whether this system started its own redis-server.
     *
     * @return true if embedded
     */
    public boolean embeddedRedis() {
        return embeddedRedis.isPresent();
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.getLogger(LocalSystem.class.getName())
                        .log(System.Logger.Level.WARNING, "failed to stop " + started.get(i), e);
            }
        }
        started.clear();
    }
}
