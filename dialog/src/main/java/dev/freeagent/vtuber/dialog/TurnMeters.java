package dev.freeagent.vtuber.dialog;

import java.util.List;

import dev.freeagent.vtuber.dialog.turn.TurnCancelledException;
import dev.freeagent.vtuber.dialog.turn.TurnObserver;
import dev.freeagent.vtuber.dialog.turn.TurnStats;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.DistributionSummary;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;

/**
 * Turn metrics at {@code /observe/metrics}: turns by outcome and source, and time to first delta. The meters live
 * in Helidon's global registry (the one the metrics endpoint serves); {@code getOrCreate} makes a second service
 * instance in the same JVM share them instead of failing. Thread-safe.
 */
final class TurnMeters implements TurnObserver {
    private final Counter completed;
    private final Counter failed;
    private final Counter cancelled;
    private final DistributionSummary ttft;

    TurnMeters(String source) {
        MeterRegistry registry = Metrics.globalRegistry();
        this.completed = registry.getOrCreate(counter("completed", source));
        this.failed = registry.getOrCreate(counter("failed", source));
        this.cancelled = registry.getOrCreate(counter("cancelled", source));
        this.ttft = registry.getOrCreate(DistributionSummary.builder("dialog.turn.ttft")
                .baseUnit("milliseconds")
                .description("Time from the start of a turn to its first reply delta")
                .tags(List.of(Tag.create("source", source))));
    }

    private static Counter.Builder counter(String outcome, String source) {
        return Counter.builder("dialog.turns")
                .description("Text turns by outcome")
                .tags(List.of(Tag.create("outcome", outcome), Tag.create("source", source)));
    }

    @Override
    public void completed(TurnStats stats) {
        completed.increment();
        stats.ttftMs().ifPresent(ttft::record);
    }

    @Override
    public void failed(RuntimeException failure) {
        (failure instanceof TurnCancelledException ? cancelled : failed).increment();
    }
}
