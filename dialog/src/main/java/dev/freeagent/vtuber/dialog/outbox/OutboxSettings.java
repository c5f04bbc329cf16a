package dev.freeagent.vtuber.dialog.outbox;

import java.time.Duration;

import io.helidon.config.Config;

/**
 * Outbox settings, from {@code dialog.outbox.*}.
 *
 * @param enabled {@code enabled} (ENABLE_ASYNC_EXT): turns record their events and the relay runs
 * @param flushInterval {@code flush-interval-ms} (OUTBOX_FLUSH_INTERVAL_MS, at least 50): the relay's pause when
 *                      nothing is waiting
 * @param streamMaxLength {@code stream-maxlen} (EVENT_STREAM_MAXLEN): approximate MAXLEN of each stream
 * @param batchSize {@code batch-size}: rows moved per round
 * @param retention {@code retention-hours}: delivered rows are deleted after this long
 * @param maxBackoff {@code max-backoff-ms}: the longest pause between attempts while Redis is down
 * @param ltmStream {@code ltm-stream}: where {@code Ltm*} events go
 * @param analyticsStream {@code analytics-stream}: where every other event goes
 */
public record OutboxSettings(boolean enabled, Duration flushInterval, long streamMaxLength, int batchSize,
                             Duration retention, Duration maxBackoff, String ltmStream, String analyticsStream) {
    /**
     * Validates; every message names the key.
     */
    public OutboxSettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("dialog.outbox.batch-size must be at least 1, got " + batchSize);
        }
        if (streamMaxLength < 1) {
            throw new IllegalArgumentException("dialog.outbox.stream-maxlen must be at least 1, got " + streamMaxLength);
        }
        flushInterval = flushInterval.compareTo(Duration.ofMillis(50)) < 0 ? Duration.ofMillis(50) : flushInterval;
        maxBackoff = maxBackoff.compareTo(flushInterval) < 0 ? flushInterval : maxBackoff;
    }

    /**
     * Reads the settings.
     *
     * @param own the {@code dialog.outbox} node
     * @return settings
     */
    public static OutboxSettings from(Config own) {
        return new OutboxSettings(own.get("enabled").asBoolean().orElse(true),
                Duration.ofMillis(own.get("flush-interval-ms").asLong().orElse(500L)),
                own.get("stream-maxlen").asLong().orElse(100_000L),
                own.get("batch-size").asInt().orElse(200),
                Duration.ofMinutes(Math.round(own.get("retention-hours").asDouble().orElse(24.0) * 60)),
                Duration.ofMillis(own.get("max-backoff-ms").asLong().orElse(30_000L)),
                own.get("ltm-stream").asString().orElse("events.ltm"),
                own.get("analytics-stream").asString().orElse("events.analytics"));
    }

    /**
     * The stream an event type goes to (contract §5.7: {@code ltm*} to the ltm stream, everything else to
     * analytics; case-insensitive).
     *
     * @param type the event type
     * @return the stream key
     */
    public String streamOf(String type) {
        return type.regionMatches(true, 0, "ltm", 0, 3) ? ltmStream : analyticsStream;
    }
}
