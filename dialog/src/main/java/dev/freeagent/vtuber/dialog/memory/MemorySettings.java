package dev.freeagent.vtuber.dialog.memory;

import java.nio.file.Path;

import io.helidon.config.Config;

/**
 * Short-term memory settings, from {@code dialog.memory.*} and {@code data.dir}.
 *
 * @param enabled {@code dialog.memory.enabled} (ENABLE_SHORT_TERM_MEMORY), default true
 * @param dbPath {@code dialog.memory.db-path} (STM_DB_PATH), default {@code ${data.dir}/dialog_memory.sqlite}
 * @param contextTurns {@code dialog.memory.context-turns} (STM_CONTEXT_TURNS): stored messages put in the prompt
 * @param maxRows {@code dialog.memory.max-rows-per-conversation}: rows kept per conversation
 */
public record MemorySettings(boolean enabled, Path dbPath, int contextTurns, int maxRows) {
    /**
     * Validates; every message names the key.
     */
    public MemorySettings {
        if (contextTurns < 0 || contextTurns > 1000) {
            throw new IllegalArgumentException("dialog.memory.context-turns must be 0..1000, got " + contextTurns);
        }
        if (maxRows < Math.max(1, contextTurns)) {
            throw new IllegalArgumentException("dialog.memory.max-rows-per-conversation must be at least "
                    + "context-turns (" + contextTurns + ") and 1, got " + maxRows);
        }
    }

    /**
     * Reads the settings.
     *
     * @param config the whole configuration
     * @return settings
     */
    public static MemorySettings from(Config config) {
        Config own = config.get("dialog.memory");
        String dbPath = own.get("db-path").asString().orElse("").trim();
        Path path = dbPath.isEmpty()
                ? Path.of(config.get("data.dir").asString().orElse("data")).resolve("dialog_memory.sqlite")
                : Path.of(dbPath);
        return new MemorySettings(own.get("enabled").asBoolean().orElse(true),
                path,
                own.get("context-turns").asInt().orElse(20),
                own.get("max-rows-per-conversation").asInt().orElse(200));
    }
}
