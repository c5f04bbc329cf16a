package dev.freeagent.vtuber.output;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import io.helidon.config.Config;

/**
 * The output service's settings (the {@code output} node, plus the shared {@code data.dir}).
 *
 * @param host bind address
 * @param port HTTP/WS/gRPC port, 0 for any free port
 * @param streaming whether streamed TTS is accepted ({@code SYNC_TTS_STREAMING})
 * @param bargeIn whether Stop may silence a session ({@code SYNC_TTS_BARGE_IN})
 * @param waitTimeout how long a client socket waits for its result
 * @param dataDir the only folder legacy {@code audio_file} paths may point into
 */
public record OutputSettings(String host, int port, boolean streaming, boolean bargeIn, Duration waitTimeout,
                             Path dataDir) {
    private static final Set<String> TRUTHY = Set.of("1", "true", "yes", "on");

    /**
     * Validates the settings.
     */
    public OutputSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("output.port must be 0..65535, got " + port);
        }
        if (waitTimeout.isNegative() || waitTimeout.isZero()) {
            throw new IllegalArgumentException("output.wait-timeout-seconds must be positive, got " + waitTimeout);
        }
    }

    /**
     * Reads the settings from the whole configuration.
     *
     * @param root the root node
     * @return settings
     */
    public static OutputSettings from(Config root) {
        Config own = root.get("output");
        double seconds = own.get("wait-timeout-seconds").asDouble().orElse(300.0);
        return new OutputSettings(own.get("host").asString().orElse("0.0.0.0"),
                own.get("port").asInt().orElse(8002),
                truthy(own.get("streaming")),
                truthy(own.get("barge-in")),
                Duration.ofMillis(Math.round(seconds * 1000)),
                Path.of(root.get("data.dir").asString().orElse("data")));
    }

    // upstream's boolean env vars are "truthy" strings (contract conventions), not only true/false
    private static boolean truthy(Config flag) {
        return flag.asString().map(v -> TRUTHY.contains(v.trim().toLowerCase(Locale.ROOT))).orElse(false);
    }
}
