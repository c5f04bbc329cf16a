package dev.freeagent.vtuber.ltm.legacy;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the legacy flows on keys of one test run, so parallel runs and leftovers never meet.
 */
final class LegacyTesting {
    private LegacyTesting() {
    }

    static BridgeSettings bridge(String prefix, Path inputRoot, int userListLimit) {
        return new BridgeSettings(true, prefix + "user_input_queue", prefix + "ai_responses",
                prefix + "memory:user_sessions:", prefix + "memory:global_context", true, userListLimit,
                Duration.ofSeconds(86_400), 1000, Duration.ofMinutes(360), Duration.ofHours(48), inputRoot, 1024);
    }

    static LegacySettings flows(String prefix, Path inputRoot) {
        return new LegacySettings(true, prefix + "memory_updates", true, prefix + "ltm_requests",
                prefix + "ltm_responses", Duration.ofSeconds(1), Duration.ofMillis(100), 4, 100, 20,
                bridge(prefix, inputRoot, 100));
    }
}
