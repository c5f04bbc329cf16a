package dev.freeagent.vtuber.workers;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.freeagent.vtuber.workers.stream.ConsumerSettings;
import dev.freeagent.vtuber.workers.stream.EntryObserver;
import dev.freeagent.vtuber.workers.stream.EntryOutcome;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;

/**
 * {@code workers_entries_total} by stream, group and outcome ({@code processed}, {@code duplicate},
 * {@code skipped}, {@code failed}, {@code dead_lettered}) at {@code /observe/metrics}. Thread-safe.
 */
final class ConsumerMeters implements EntryObserver {
    private final Map<EntryOutcome, Counter> counters = new EnumMap<>(EntryOutcome.class);

    ConsumerMeters(ConsumerSettings settings) {
        MeterRegistry registry = Metrics.globalRegistry();
        for (EntryOutcome outcome : EntryOutcome.values()) {
            counters.put(outcome, registry.getOrCreate(Counter.builder("workers.entries")
                    .description("Stream entry deliveries by outcome")
                    .tags(List.of(Tag.create("stream", settings.stream()), Tag.create("group", settings.group()),
                            Tag.create("outcome", outcome.name().toLowerCase(Locale.ROOT))))));
        }
    }

    @Override
    public void observed(EntryOutcome outcome) {
        counters.get(outcome).increment();
    }
}
