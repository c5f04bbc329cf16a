package dev.freeagent.vtuber.workers.analytics;

import java.util.function.Consumer;

import dev.freeagent.vtuber.workers.event.EventEffect;
import dev.freeagent.vtuber.workers.event.OutboxEvent;
import dev.freeagent.vtuber.workers.stream.Handled;
import dev.freeagent.vtuber.workers.stream.RetryLaterException;

/**
 * {@code AnalyticsChatStats} and {@code AnalyticsAsrStats}: adds the event's measurements to the shared
 * aggregates, once per correlation id and type. Thread-safe.
 *
 * @param store the shared aggregates
 * @param applied told each observation this instance added (metrics); must not block
 */
public record AnalyticsEffect(AnalyticsStore store, Consumer<Observation> applied) implements EventEffect {
    @Override
    public Handled apply(OutboxEvent event) {
        Observation observation = Observation.from(event);
        boolean added;
        try {
            added = store.record(event.type(), event.correlationId(), observation);
        } catch (AnalyticsUnavailableException e) {
            throw new RetryLaterException(e.getMessage(), e);
        }
        if (!added) {
            return Handled.DUPLICATE;
        }
        applied.accept(observation);
        return Handled.APPLIED;
    }
}
