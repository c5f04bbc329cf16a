package dev.freeagent.vtuber.workers.analytics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.freeagent.vtuber.workers.event.MalformedEventException;
import dev.freeagent.vtuber.workers.event.OutboxEvent;

/**
 * The measurements one statistics event brings to one subject: {@code chat}, or {@code asr:<provider>}.
 * Measurements the event leaves null (vision turns have no time to first token, no ASR figures) are absent.
 *
 * @param subject what was measured
 * @param metrics metric name (as in the envelope, e.g. {@code ttft_ms}) to value, in envelope order
 */
public record Observation(String subject, Map<String, Double> metrics) {
    /** Event type of chat statistics. */
    public static final String CHAT_STATS = "AnalyticsChatStats";
    /** Event type of ASR statistics. */
    public static final String ASR_STATS = "AnalyticsAsrStats";
    // a provider name becomes part of Redis keys and metric tags: keep it sane
    private static final int LONGEST_PROVIDER = 64;

    /**
     * Copies the map, keeping its order.
     */
    public Observation {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /**
     * Reads the observation an event carries.
     *
     * @param event an {@link #CHAT_STATS} or {@link #ASR_STATS} event
     * @return the observation
     * @throws MalformedEventException when a measurement is not a number of zero or more
     */
    public static Observation from(OutboxEvent event) {
        return switch (event.type()) {
            case CHAT_STATS -> new Observation("chat", measures(event, "ttft_ms", "tokens"));
            case ASR_STATS -> new Observation("asr:" + provider(event), measures(event, "latency_ms", "duration_seconds"));
            default -> throw new IllegalArgumentException("not a statistics event: " + event.type());
        };
    }

    private static String provider(OutboxEvent event) {
        String provider = event.text("provider").filter(name -> !name.isBlank()).orElse("unknown");
        if (provider.length() > LONGEST_PROVIDER) {
            throw new MalformedEventException("in the " + event.type() + " event, provider is longer than "
                    + LONGEST_PROVIDER + " characters");
        }
        return provider;
    }

    private static Map<String, Double> measures(OutboxEvent event, String... names) {
        Map<String, Double> measures = new LinkedHashMap<>();
        for (String name : names) {
            event.measure(name).ifPresent(value -> measures.put(name, value));
        }
        return measures;
    }
}
