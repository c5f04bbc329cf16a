package dev.freeagent.vtuber.dialog.ltm;

import java.time.Duration;

import io.helidon.config.Config;

/**
 * Long-term recall settings, from {@code dialog.ltm.*}.
 *
 * @param enabled {@code enabled} (ENABLE_LTM_INLINE): ask ltm for memories on each turn
 * @param url {@code base-url} (LTM_BASE_URL): the ltm service (gRPC on its HTTP port); empty: no recall
 * @param deadline {@code retrieve-timeout-seconds} (LTM_RETRIEVE_TIMEOUT): the longest a turn waits for memories
 * @param maxSnippets {@code max-snippets} (LTM_MAX_SNIPPETS): memories put into the prompt; 0: no recall
 */
public record RecallSettings(boolean enabled, String url, Duration deadline, int maxSnippets) {
    /**
     * Reads the settings.
     *
     * @param own the {@code dialog.ltm} node
     * @return settings
     */
    public static RecallSettings from(Config own) {
        return new RecallSettings(own.get("enabled").asBoolean().orElse(true),
                own.get("base-url").asString().orElse("").trim(),
                Duration.ofNanos(Math.round(own.get("retrieve-timeout-seconds").asDouble().orElse(0.15) * 1e9)),
                own.get("max-snippets").asInt().orElse(5));
    }

    /**
     * Whether turns ask ltm at all.
     *
     * @return true when enabled, a URL is set and at least one snippet is wanted
     */
    public boolean active() {
        return enabled && !url.isEmpty() && maxSnippets > 0;
    }
}
