package dev.freeagent.vtuber.launcher;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import dev.freeagent.vtuber.common.redis.RedisLink;
import dev.freeagent.vtuber.common.redis.RedisSettings;
import dev.freeagent.vtuber.common.testing.TestRedis;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;

/**
 * Configuration overrides for a whole system under test: every service on a free port, the machine's
 * Redis, a data folder of the test's own, the given LLM endpoint, the deterministic test voice, and Redis streams
 * and keys of the test's own (named after its data folder), which {@link #forget} deletes afterwards.
 */
final class TestSystem {
    private static final String NAMESPACE = "test.namespace";

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
        overrides.put("dialog.tts.provider", "tone");
        String namespace = "test:" + dataDir.getFileName() + ":";
        overrides.put(NAMESPACE, namespace);
        overrides.put("dialog.outbox.ltm-stream", namespace + "events.ltm");
        overrides.put("dialog.outbox.analytics-stream", namespace + "events.analytics");
        overrides.put("dialog.outbox.flush-interval-ms", "50");
        overrides.put("workers.ltm.stream", namespace + "events.ltm");
        overrides.put("workers.analytics.stream", namespace + "events.analytics");
        overrides.put("workers.analytics.key-prefix", namespace + "analytics");
        overrides.put("dialog.memory.shared-prefix", namespace + "recent:");
        // results' durable copies (task_result:{task}) are named by task only; they expire a minute after a test
        overrides.put("input.result-ttl-seconds", "60");
        // the legacy Redis flows listen on fixed queue names; ltm's own tests cover them on keys of their own
        overrides.put("ltm.legacy.memory-updates.enabled", "false");
        overrides.put("ltm.legacy.requests.enabled", "false");
        overrides.put("ltm.legacy.bridge.enabled", "false");
        return overrides;
    }

    /**
     * Deletes every Redis key of the test's namespace (streams, aggregates).
     *
     * @param overrides what {@link #overrides} returned
     */
    static void forget(Map<String, String> overrides) {
        try (RedisLink redis = RedisLink.open(TestRedis.machine())) {
            ScanArgs match = ScanArgs.Builder.matches(overrides.get(NAMESPACE) + "*").limit(500);
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = redis.commands().scan(cursor, match);
                if (!page.getKeys().isEmpty()) {
                    redis.commands().del(page.getKeys().toArray(String[]::new));
                }
                cursor = page;
            } while (!cursor.isFinished());
        }
    }
}
