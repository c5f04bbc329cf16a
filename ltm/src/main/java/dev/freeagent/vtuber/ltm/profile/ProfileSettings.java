package dev.freeagent.vtuber.ltm.profile;

import io.helidon.config.Config;

/**
 * Profile limits, from {@code ltm.profile.*}.
 *
 * @param maxMemories {@code max-memories}: newest memories a profile is built from
 * @param maxItems {@code max-items}: entries kept per list (preferences, traits, context)
 * @param maxUpdateChars {@code max-update-chars}: largest JSON of fields a client may set
 */
public record ProfileSettings(int maxMemories, int maxItems, int maxUpdateChars) {
    /**
     * Validates; every message names the key.
     */
    public ProfileSettings {
        if (maxMemories < 1) {
            throw new IllegalArgumentException("ltm.profile.max-memories must be at least 1, got " + maxMemories);
        }
        if (maxItems < 1) {
            throw new IllegalArgumentException("ltm.profile.max-items must be at least 1, got " + maxItems);
        }
        if (maxUpdateChars < 2) {
            throw new IllegalArgumentException("ltm.profile.max-update-chars must be at least 2, got " + maxUpdateChars);
        }
    }

    /**
     * Reads the settings.
     *
     * @param profile the {@code ltm.profile} node
     * @return settings
     */
    public static ProfileSettings from(Config profile) {
        return new ProfileSettings(profile.get("max-memories").asInt().orElse(200),
                profile.get("max-items").asInt().orElse(10),
                profile.get("max-update-chars").asInt().orElse(10_000));
    }
}
