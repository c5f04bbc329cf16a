package dev.freeagent.vtuber.common.server;

import java.util.Locale;
import java.util.Optional;

/**
 * Task ids as the original accepted them: Python's {@code uuid.UUID(text)} rules (contract §4.1).
 */
public final class Uuids {
    private Uuids() {
    }

    /**
     * Parses a task id: after removing {@code urn:}/{@code uuid:}, surrounding braces and all hyphens,
     * exactly 32 hex digits must remain (no version check).
     *
     * @param text the candidate
     * @return the 32 hex digits in lower case, when valid
     */
    public static Optional<String> parse(String text) {
        String hex = text.replace("urn:", "").replace("uuid:", "");
        hex = strip(hex, '{', '}').replace("-", "");
        if (hex.length() != 32) {
            return Optional.empty();
        }
        for (int i = 0; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(hex.toLowerCase(Locale.ROOT));
    }

    private static String strip(String text, char open, char close) {
        String trimmed = text;
        while (!trimmed.isEmpty() && trimmed.charAt(0) == open) {
            trimmed = trimmed.substring(1);
        }
        while (!trimmed.isEmpty() && trimmed.charAt(trimmed.length() - 1) == close) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
