package dev.freeagent.vtuber.input;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import dev.freeagent.vtuber.input.upload.UploadLimits;

import io.helidon.config.Config;

/**
 * The input service's settings, read once from the {@code input} node (and {@code data.dir}).
 *
 * @param host bind address
 * @param port HTTP/WebSocket port, 0 for any free port
 * @param dialogUrl base URL of the dialog service; its gRPC is served on the same port
 * @param limits bounds on one upload
 * @param dialogTimeout the gRPC deadline of one turn
 * @param resultTtl how long {@code task_result:{id}} lives, and how long a result waits for Redis
 * @param tempDir folder that holds one sub-folder per task while its turn runs
 */
public record InputSettings(String host,
                            int port,
                            String dialogUrl,
                            UploadLimits limits,
                            Duration dialogTimeout,
                            Duration resultTtl,
                            Path tempDir) {

    /**
     * Validates the settings; every message names the key.
     */
    public InputSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("input.port must be 0..65535, got " + port);
        }
        URI uri = URI.create(dialogUrl.trim());
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("input.dialog-url must be an absolute URL with a host, got " + dialogUrl);
        }
        requirePositive("input.dialog-timeout-seconds", dialogTimeout);
        requirePositive("input.result-ttl-seconds", resultTtl);
    }

    /**
     * Reads the settings.
     *
     * @param config the whole configuration: {@code input.*}, and {@code data.dir} as the default temp root
     * @return settings
     */
    public static InputSettings from(Config config) {
        Config own = config.get("input");
        Path dataDir = Path.of(config.get("data.dir").asString().orElse("data"));
        return new InputSettings(own.get("host").asString().orElse("0.0.0.0"),
                own.get("port").asInt().orElse(8001),
                own.get("dialog-url").asString().orElse("http://localhost:8100"),
                new UploadLimits(own.get("max-upload-bytes").asInt().orElse(16 * 1024 * 1024),
                        own.get("max-chunks").asInt().orElse(4096)),
                Duration.ofSeconds(own.get("dialog-timeout-seconds").asLong().orElse(60L)),
                Duration.ofSeconds(own.get("result-ttl-seconds").asLong().orElse(600L)),
                own.get("temp-dir").asString().map(Path::of).orElse(dataDir.resolve("tasks")));
    }

    private static void requirePositive(String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be at least 1, got " + value.toSeconds());
        }
    }
}
