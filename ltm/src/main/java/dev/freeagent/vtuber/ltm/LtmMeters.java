package dev.freeagent.vtuber.ltm;

import java.time.Duration;

import dev.freeagent.vtuber.ltm.memory.MemoryObserver;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Timer;

/**
 * Memory metrics at {@code /observe/metrics}: memories written and retrieved, and a histogram of retrieval
 * latency (embedding the query included). The meters live in Helidon's global registry (the one the metrics
 * endpoint serves); {@code getOrCreate} lets a second service instance in the same JVM share them. Thread-safe.
 */
final class LtmMeters implements MemoryObserver {
    private final Counter written;
    private final Counter retrieved;
    private final Timer latency;

    LtmMeters() {
        MeterRegistry registry = Metrics.globalRegistry();
        this.written = registry.getOrCreate(Counter.builder("ltm.memories.written")
                .description("Memories stored (near-duplicates and repeated writes not counted)"));
        this.retrieved = registry.getOrCreate(Counter.builder("ltm.memories.retrieved")
                .description("Memories returned by searches"));
        this.latency = registry.getOrCreate(Timer.builder("ltm.retrieve.latency")
                .description("Time to answer a search, embedding the query included")
                .buckets(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
                        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
                        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(3)));
    }

    @Override
    public void written(int count) {
        written.increment(count);
    }

    @Override
    public void retrieved(int count, Duration took) {
        retrieved.increment(count);
        latency.record(took);
    }
}
