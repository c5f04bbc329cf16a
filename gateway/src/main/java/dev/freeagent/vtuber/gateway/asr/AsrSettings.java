package dev.freeagent.vtuber.gateway.asr;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.helidon.config.Config;

/**
 * {@code POST /api/asr} settings, from {@code gateway.asr.*}.
 *
 * @param pathRoot {@code path-root} (GATEWAY_ASR_PATH_ROOT): the one folder whose files a request may name with
 *                 {@code path}; empty: {@code path} is refused (the default)
 * @param maxBodyBytes {@code max-body-bytes}: the largest request body
 * @param maxFileBytes {@code max-file-bytes}: the largest file read through {@code path}
 * @param timeout {@code timeout-seconds}: the longest wait for dialog (the original's 60 s)
 */
public record AsrSettings(Optional<Path> pathRoot, long maxBodyBytes, long maxFileBytes, Duration timeout) {
    /**
     * Reads the settings.
     *
     * @param own the {@code gateway.asr} node
     * @return settings
     */
    public static AsrSettings from(Config own) {
        String root = own.get("path-root").asString().orElse("").trim();
        return new AsrSettings(root.isEmpty() ? Optional.empty() : Optional.of(Path.of(root).toAbsolutePath().normalize()),
                own.get("max-body-bytes").asLong().orElse(8L * 1024 * 1024),
                own.get("max-file-bytes").asLong().orElse(5L * 1024 * 1024),
                Duration.ofMillis(Math.round(own.get("timeout-seconds").asDouble().orElse(60.0) * 1000)));
    }
}
