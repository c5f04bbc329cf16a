package dev.freeagent.vtuber.ltm.legacy;

import java.time.Duration;

import io.helidon.config.Config;

/**
 * The legacy Redis flows, from {@code ltm.legacy.*}.
 *
 * @param updates {@code memory-updates.enabled}: ingest the {@code memory_updates} channel
 * @param updatesChannel {@code memory-updates.channel}: also where the bridge publishes
 * @param requests {@code requests.enabled}: answer the {@code ltm_requests} list
 * @param requestsQueue {@code requests.queue}
 * @param responsesChannel {@code requests.responses-channel}
 * @param block {@code block-seconds}: BRPOP timeout; must stay below the Redis command timeout
 * @param retry {@code retry-ms}: wait before a flow tries Redis again after a failure
 * @param maxInFlight {@code max-in-flight}: list items of one flow handled at once
 * @param inboxCapacity {@code inbox-capacity}: Pub/Sub messages waiting per channel; more are dropped with a warning
 * @param writeAttempts {@code write-attempts}: tries of a response publish or a bridge store, {@code retry-ms} apart,
 *                      before the item is given up
 * @param bridge the memory-python bridge
 */
public record LegacySettings(boolean updates, String updatesChannel, boolean requests, String requestsQueue,
                             String responsesChannel, Duration block, Duration retry, int maxInFlight,
                             int inboxCapacity, int writeAttempts, BridgeSettings bridge) {
    /**
     * Validates; every message names the key.
     */
    public LegacySettings {
        requireName("ltm.legacy.memory-updates.channel", updatesChannel);
        requireName("ltm.legacy.requests.queue", requestsQueue);
        requireName("ltm.legacy.requests.responses-channel", responsesChannel);
        if (block.toSeconds() < 1 || block.toSeconds() > 60) {
            throw new IllegalArgumentException("ltm.legacy.block-seconds must be 1..60, got " + block.toSeconds());
        }
        if (retry.toMillis() < 10) {
            throw new IllegalArgumentException("ltm.legacy.retry-ms must be at least 10, got " + retry.toMillis());
        }
        if (maxInFlight < 1 || maxInFlight > 256) {
            throw new IllegalArgumentException("ltm.legacy.max-in-flight must be 1..256, got " + maxInFlight);
        }
        if (writeAttempts < 1 || writeAttempts > 100) {
            throw new IllegalArgumentException("ltm.legacy.write-attempts must be 1..100, got " + writeAttempts);
        }
        if (inboxCapacity < 1) {
            throw new IllegalArgumentException("ltm.legacy.inbox-capacity must be at least 1, got " + inboxCapacity);
        }
    }

    /**
     * Reads the settings.
     *
     * @param legacy the {@code ltm.legacy} node
     * @return settings
     */
    public static LegacySettings from(Config legacy) {
        return new LegacySettings(legacy.get("memory-updates.enabled").asBoolean().orElse(true),
                legacy.get("memory-updates.channel").asString().orElse("memory_updates"),
                legacy.get("requests.enabled").asBoolean().orElse(true),
                legacy.get("requests.queue").asString().orElse("ltm_requests"),
                legacy.get("requests.responses-channel").asString().orElse("ltm_responses"),
                Duration.ofSeconds(legacy.get("block-seconds").asLong().orElse(1L)),
                Duration.ofMillis(legacy.get("retry-ms").asLong().orElse(1000L)),
                legacy.get("max-in-flight").asInt().orElse(4),
                legacy.get("inbox-capacity").asInt().orElse(1000),
                legacy.get("write-attempts").asInt().orElse(5),
                BridgeSettings.from(legacy.get("bridge")));
    }

    /**
     * Whether any flow needs Redis.
     *
     * @return true when at least one flow is on
     */
    public boolean anyEnabled() {
        return updates || requests || bridge.enabled();
    }

    static void requireName(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " must not be empty");
        }
    }
}
