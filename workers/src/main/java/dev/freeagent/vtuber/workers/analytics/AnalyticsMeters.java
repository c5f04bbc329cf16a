package dev.freeagent.vtuber.workers.analytics;

import java.util.List;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.DistributionSummary;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;

/**
 * The observations this instance added, at {@code /observe/metrics}: {@code workers_analytics_events_total}
 * by subject, and {@code workers_analytics_observed} (count, sum, max) by subject and metric. Each event is
 * added by exactly one instance, so summing over instances gives the system's totals; {@code GET /analytics}
 * serves those totals directly. Meters live in Helidon's global registry ({@code getOrCreate}, so instances in one
 * JVM share them). Thread-safe.
 */
public final class AnalyticsMeters {
    private final MeterRegistry registry = Metrics.globalRegistry();

    /**
     * Counts one added observation.
     *
     * @param observation what was added
     */
    public void record(Observation observation) {
        Tag subject = Tag.create("subject", observation.subject());
        registry.getOrCreate(Counter.builder("workers.analytics.events")
                .description("Statistics events this instance added to the shared aggregates")
                .tags(List.of(subject))).increment();
        observation.metrics().forEach((metric, value) -> registry.getOrCreate(
                DistributionSummary.builder("workers.analytics.observed")
                        .description("Values of the statistics events this instance added")
                        .tags(List.of(subject, Tag.create("metric", metric)))).record(value));
    }
}
