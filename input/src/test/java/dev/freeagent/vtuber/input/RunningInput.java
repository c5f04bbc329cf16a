package dev.freeagent.vtuber.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import dev.freeagent.vtuber.common.config.ServiceConfig;
import dev.freeagent.vtuber.common.redis.RedisLink;
import dev.freeagent.vtuber.common.redis.RedisSettings;
import dev.freeagent.vtuber.common.server.Service;

/**
 * The input service started the way the launcher starts it ({@link Main#start}), on port 0 with a data
 * folder of its own that is deleted when closed.
 */
final class RunningInput implements AutoCloseable {
    final Path dataDir;
    final RedisLink redis;
    final Service service;

    private RunningInput(Path dataDir, RedisLink redis, Service service) {
        this.dataDir = dataDir;
        this.redis = redis;
        this.service = service;
    }

    static RunningInput start(RedisSettings redisSettings, String dialogUrl, Map<String, String> extra)
            throws IOException {
        Path dataDir = Files.createTempDirectory("input-test");
        Map<String, String> overrides = new HashMap<>(Map.of(
                "input.host", "127.0.0.1",
                "input.port", "0",
                "input.dialog-url", dialogUrl,
                "data.dir", dataDir.toString()));
        overrides.putAll(extra);
        RedisLink redis = RedisLink.open(redisSettings);
        Service service = Main.start(ServiceConfig.load(overrides, "input.yaml"), redis);
        return new RunningInput(dataDir, redis, service);
    }

    int port() {
        return service.port();
    }

    Path taskFolder(String taskId) {
        return dataDir.resolve("tasks").resolve(taskId);
    }

    @Override
    public void close() throws IOException {
        service.close();
        redis.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
