package dev.freeagent.vtuber.ltm;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import dev.freeagent.vtuber.common.config.ServiceConfig;
import dev.freeagent.vtuber.common.redis.RedisLink;
import dev.freeagent.vtuber.common.redis.RedisSettings;
import dev.freeagent.vtuber.common.server.Service;
import dev.freeagent.vtuber.common.testing.TestRedis;

import io.helidon.config.Config;

/**
 * Test-data builders: an ltm service on a free loopback port with its SQLite store in a temp folder, the
 * legacy flows off (tests that want them switch them on, on keys of their own).
 */
public final class TestLtm {
    private TestLtm() {
    }

    /**
     * Configuration of an ltm service.
     *
     * @param dir a temp folder for its store
     * @param overrides more keys
     * @return the configuration
     */
    public static Config config(Path dir, Map<String, String> overrides) {
        Map<String, String> keys = new HashMap<>();
        keys.put("ltm.host", "127.0.0.1");
        keys.put("ltm.port", "0");
        keys.put("data.dir", dir.toString());
        keys.put("ltm.store.postgres.url", "");
        keys.put("ltm.embedding.provider", "local");
        keys.put("ltm.extraction.base-url", "");
        keys.put("ltm.extraction.api-key", "");
        keys.put("ltm.legacy.memory-updates.enabled", "false");
        keys.put("ltm.legacy.requests.enabled", "false");
        keys.put("ltm.legacy.bridge.enabled", "false");
        keys.putAll(overrides);
        return ServiceConfig.load(keys, "ltm.yaml");
    }

    /**
     * Starts an ltm service against the machine's Redis.
     *
     * @param dir a temp folder
     * @param overrides more keys
     * @return the running service and its link
     */
    public static Running start(Path dir, Map<String, String> overrides) {
        return start(dir, overrides, TestRedis.machine());
    }

    /**
     * Starts an ltm service against the given Redis.
     *
     * @param dir a temp folder
     * @param overrides more keys
     * @param redis where Redis is (it may be down)
     * @return the running service and its link
     */
    public static Running start(Path dir, Map<String, String> overrides, RedisSettings redis) {
        RedisLink link = RedisLink.open(redis);
        try {
            return new Running(Main.start(config(dir, overrides), link), link);
        } catch (RuntimeException e) {
            link.close();
            throw e;
        }
    }

    /**
     * A started service and the link it was given.
     *
     * @param service the service
     * @param redis the link
     */
    public record Running(Service service, RedisLink redis) implements AutoCloseable {
        @Override
        public void close() {
            service.close();
            redis.close();
        }
    }
}
