package dev.freeagent.vtuber.launcher;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import dev.freeagent.vtuber.common.redis.RedisSettings;
import dev.freeagent.vtuber.common.testing.TestRedis;

/**
 * Configuration overrides for a whole system under test: every service on a free port, the machine's
 * Redis, a data folder of the test's own, and the given LLM endpoint.
 */
final class TestSystem {
    private TestSystem() {
    }

    static Map<String, String> overrides(Path dataDir, String llmBaseUrl) {
        RedisSettings redis = TestRedis.machine();
        Map<String, String> overrides = new HashMap<>();
        for (String service : new String[] {"gateway", "input", "dialog", "output", "workers", "ltm"}) {
            overrides.put(service + ".port", "0");
        }
        overrides.put("gateway.host", "127.0.0.1");
        overrides.put("data.dir", dataDir.toString());
        overrides.put("redis.host", redis.host());
        overrides.put("redis.port", String.valueOf(redis.port()));
        overrides.put("launcher.embedded-redis", "never");
        overrides.put("dialog.llm.base-url", llmBaseUrl);
        overrides.put("dialog.llm.request-timeout-seconds", "5");
        overrides.put("dialog.llm.retry-limit", "0");
        return overrides;
    }
}
