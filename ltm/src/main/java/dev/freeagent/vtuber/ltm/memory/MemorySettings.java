package dev.freeagent.vtuber.ltm.memory;

import io.helidon.config.Config;

/**
 * Limits of the memory, from {@code ltm.memory.*}.
 *
 * @param defaultLimit {@code default-limit}: memories returned when the caller names no limit
 * @param maxLimit {@code max-limit}: the most a caller may ask for
 * @param minScore {@code min-score}: memories less similar to the query than this are not returned
 * @param duplicateThreshold {@code duplicate-threshold}: similarity from which a new fact counts as known
 * @param maxQueryChars {@code max-query-chars}: longest query
 * @param maxTextChars {@code max-text-chars}: longest user text, reply or given fact of a write
 * @param maxFacts {@code max-facts-per-write}: most facts one write may give
 * @param maxIdChars {@code max-id-chars}: longest user id, correlation id or session id
 */
public record MemorySettings(int defaultLimit, int maxLimit, double minScore, double duplicateThreshold,
                             int maxQueryChars, int maxTextChars, int maxFacts, int maxIdChars) {
    /**
     * Validates; every message names the key.
     */
    public MemorySettings {
        if (maxLimit < 1 || maxLimit > 1000) {
            throw new IllegalArgumentException("ltm.memory.max-limit must be 1..1000, got " + maxLimit);
        }
        if (defaultLimit < 1 || defaultLimit > maxLimit) {
            throw new IllegalArgumentException("ltm.memory.default-limit must be 1..max-limit (" + maxLimit
                    + "), got " + defaultLimit);
        }
        if (minScore < -1 || minScore > 1 || Double.isNaN(minScore)) {
            throw new IllegalArgumentException("ltm.memory.min-score must be -1..1, got " + minScore);
        }
        if (duplicateThreshold <= 0 || duplicateThreshold > 1 || Double.isNaN(duplicateThreshold)) {
            throw new IllegalArgumentException("ltm.memory.duplicate-threshold must be above 0 and at most 1, got "
                    + duplicateThreshold);
        }
        positive("ltm.memory.max-query-chars", maxQueryChars);
        positive("ltm.memory.max-text-chars", maxTextChars);
        positive("ltm.memory.max-facts-per-write", maxFacts);
        positive("ltm.memory.max-id-chars", maxIdChars);
    }

    /**
     * Reads the settings.
     *
     * @param memory the {@code ltm.memory} node
     * @return settings
     */
    public static MemorySettings from(Config memory) {
        return new MemorySettings(memory.get("default-limit").asInt().orElse(5),
                memory.get("max-limit").asInt().orElse(50),
                memory.get("min-score").asDouble().orElse(0.2),
                memory.get("duplicate-threshold").asDouble().orElse(0.9),
                memory.get("max-query-chars").asInt().orElse(2000),
                memory.get("max-text-chars").asInt().orElse(8000),
                memory.get("max-facts-per-write").asInt().orElse(20),
                memory.get("max-id-chars").asInt().orElse(256));
    }

    private static void positive(String key, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(key + " must be at least 1, got " + value);
        }
    }
}
