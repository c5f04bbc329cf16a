package dev.freeagent.vtuber.workers.stream;

import java.time.Duration;

/**
 * Waits that double after each failure, from an initial wait up to a bound, and start over after a success.
 * Not thread-safe: one per consumer loop.
 */
final class Backoff {
    private final Duration initial;
    private final Duration max;
    private Duration next;

    Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    /**
     * The wait before the next attempt; each call doubles the following one, up to the bound.
     *
     * @return the wait
     */
    Duration next() {
        Duration current = next;
        Duration doubled = current.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return current;
    }

    void reset() {
        next = initial;
    }
}
