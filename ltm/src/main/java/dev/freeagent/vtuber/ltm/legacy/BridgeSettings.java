package dev.freeagent.vtuber.ltm.legacy;

import java.nio.file.Path;
import java.time.Duration;

import io.helidon.config.Config;

/**
 * The memory-python bridge, from {@code ltm.legacy.bridge.*}.
 *
 * @param enabled {@code enabled}
 * @param inputQueue {@code input-queue}: the list of user inputs (BRPOP)
 * @param aiResponsesChannel {@code ai-responses-channel}: the Pub/Sub channel of character replies
 * @param sessionsPrefix {@code sessions-prefix}: per-user message lists are this plus the user id
 * @param globalKey {@code global-key}: the list of every user's messages
 * @param globalContext {@code global-context}: whether messages also go to the global list
 * @param userListLimit {@code user-list-limit}: messages kept per user list
 * @param userListTtl {@code user-list-ttl-seconds}: a user list expires this long after its last message
 * @param globalListLimit {@code global-list-limit}: messages kept in the global list
 * @param cleanupInterval {@code cleanup-interval-minutes}: how often old messages are dropped
 * @param maxAge {@code cleanup-max-age-hours}: messages older than this are dropped
 * @param inputFileRoot {@code input-file-root}: text inputs may name a file only under this folder
 * @param maxInputFileBytes {@code max-input-file-bytes}: largest input file read
 */
public record BridgeSettings(boolean enabled, String inputQueue, String aiResponsesChannel, String sessionsPrefix,
                             String globalKey, boolean globalContext, int userListLimit, Duration userListTtl,
                             int globalListLimit, Duration cleanupInterval, Duration maxAge, Path inputFileRoot,
                             long maxInputFileBytes) {
    /**
     * Validates; every message names the key.
     */
    public BridgeSettings {
        LegacySettings.requireName("ltm.legacy.bridge.input-queue", inputQueue);
        LegacySettings.requireName("ltm.legacy.bridge.ai-responses-channel", aiResponsesChannel);
        LegacySettings.requireName("ltm.legacy.bridge.sessions-prefix", sessionsPrefix);
        LegacySettings.requireName("ltm.legacy.bridge.global-key", globalKey);
        if (userListLimit < 1 || globalListLimit < 1) {
            throw new IllegalArgumentException("ltm.legacy.bridge.user-list-limit and global-list-limit must be at "
                    + "least 1, got " + userListLimit + " and " + globalListLimit);
        }
        if (userListTtl.toSeconds() < 1 || cleanupInterval.toMinutes() < 1 || maxAge.toHours() < 1) {
            throw new IllegalArgumentException("ltm.legacy.bridge.user-list-ttl-seconds, cleanup-interval-minutes "
                    + "and cleanup-max-age-hours must be at least 1");
        }
        if (maxInputFileBytes < 1) {
            throw new IllegalArgumentException("ltm.legacy.bridge.max-input-file-bytes must be at least 1, got "
                    + maxInputFileBytes);
        }
    }

    /**
     * Reads the settings.
     *
     * @param bridge the {@code ltm.legacy.bridge} node
     * @return settings
     */
    public static BridgeSettings from(Config bridge) {
        return new BridgeSettings(bridge.get("enabled").asBoolean().orElse(true),
                bridge.get("input-queue").asString().orElse("user_input_queue"),
                bridge.get("ai-responses-channel").asString().orElse("ai_responses"),
                bridge.get("sessions-prefix").asString().orElse("memory:user_sessions:"),
                bridge.get("global-key").asString().orElse("memory:global_context"),
                bridge.get("global-context").asBoolean().orElse(true),
                bridge.get("user-list-limit").asInt().orElse(100),
                Duration.ofSeconds(bridge.get("user-list-ttl-seconds").asLong().orElse(86_400L)),
                bridge.get("global-list-limit").asInt().orElse(1000),
                Duration.ofMinutes(bridge.get("cleanup-interval-minutes").asLong().orElse(360L)),
                Duration.ofHours(bridge.get("cleanup-max-age-hours").asLong().orElse(48L)),
                Path.of(bridge.get("input-file-root").asString().orElse("/tmp/aivtuber_tasks")),
                bridge.get("max-input-file-bytes").asLong().orElse(1_048_576L));
    }
}
