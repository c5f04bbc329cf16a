package dev.freeagent.vtuber.launcher;

import java.util.Collection;
import java.util.List;

/**
 * Measured durations in milliseconds, sorted, with nearest-rank percentiles (p99 of 100 values is the 99th
 * smallest). Immutable.
 *
 * @param sortedMs the values, smallest first
 */
record Latencies(List<Double> sortedMs) {
    /**
     * Sorts the values.
     *
     * @param ms durations in milliseconds, in any order
     * @return the latencies
     */
    static Latencies of(Collection<Double> ms) {
        return new Latencies(ms.stream().sorted().toList());
    }

    /**
     * The nearest-rank percentile.
     *
     * @param p 1..100
     * @return the value, NaN when nothing was measured
     */
    double percentile(int p) {
        if (sortedMs.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedMs.size()) - 1;
        return sortedMs.get(Math.max(0, Math.min(index, sortedMs.size() - 1)));
    }

    /**
     * How many values there are.
     *
     * @return the count
     */
    int count() {
        return sortedMs.size();
    }

    /**
     * p50, p95 and p99 as one line.
     *
     * @return e.g. {@code p50 1.20  p95 2.31  p99 3.02 ms (n=100)}
     */
    String summary() {
        return String.format("p50 %7.2f  p95 %7.2f  p99 %7.2f ms (n=%d)", percentile(50), percentile(95),
                percentile(99), count());
    }
}
