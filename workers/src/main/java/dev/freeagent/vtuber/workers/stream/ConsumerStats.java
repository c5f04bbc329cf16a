package dev.freeagent.vtuber.workers.stream;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A consumer's live state and counters. Written by the consumer's thread, read by health requests; thread-safe.
 */
final class ConsumerStats implements EntryObserver {
    private final ConsumerSettings settings;
    private final Map<EntryOutcome, AtomicLong> counts = new EnumMap<>(EntryOutcome.class);
    private volatile ConsumerState state = ConsumerState.STARTING;
    private volatile String lastDeliveredId;
    private volatile String lastError;

    ConsumerStats(ConsumerSettings settings) {
        this.settings = settings;
        for (EntryOutcome outcome : EntryOutcome.values()) {
            counts.put(outcome, new AtomicLong());
        }
    }

    @Override
    public void observed(EntryOutcome outcome) {
        counts.get(outcome).incrementAndGet();
    }

    void state(ConsumerState state) {
        this.state = state;
    }

    void delivered(String id) {
        lastDeliveredId = id;
    }

    void error(String message) {
        lastError = message;
    }

    ConsumerStatus status() {
        return new ConsumerStatus(settings.name(), settings.stream(), settings.group(), settings.consumer(), state,
                Optional.ofNullable(lastDeliveredId), count(EntryOutcome.PROCESSED), count(EntryOutcome.DUPLICATE),
                count(EntryOutcome.SKIPPED), count(EntryOutcome.FAILED), count(EntryOutcome.DEAD_LETTERED),
                Optional.ofNullable(lastError));
    }

    private long count(EntryOutcome outcome) {
        return counts.get(outcome).get();
    }
}
