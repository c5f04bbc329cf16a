package dev.freeagent.vtuber.workers.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shared aggregates at one moment.
 *
 * @param window how many recent values per metric the percentiles are taken over, at most
 * @param subjects each subject's aggregates, ordered by subject
 */
public record AnalyticsSnapshot(int window, List<Subject> subjects) {
    /**
     * Copies the list.
     */
    public AnalyticsSnapshot {
        subjects = List.copyOf(subjects);
    }

    /**
     * One subject's aggregates.
     *
     * @param name {@code chat} or {@code asr:<provider>}
     * @param events how many events were applied
     * @param metrics metric name to its aggregate, in name order
     */
    public record Subject(String name, long events, Map<String, Metric> metrics) {
    }

    /**
     * One metric's aggregate over all events, and its percentiles over the recent window.
     *
     * @param count how many events carried it
     * @param sum their sum
     * @param max the largest value
     * @param recent percentiles of the most recent values; empty when none is kept
     */
    public record Metric(long count, double sum, double max, Optional<Recent> recent) {
        /**
         * The mean over all events.
         *
         * @return sum / count, 0 when there are none
         */
        public double mean() {
            return count == 0 ? 0 : sum / count;
        }
    }

    /**
     * Nearest-rank percentiles of the recent values.
     *
     * @param size how many values they are taken over
     * @param p50 the median
     * @param p90 the 90th percentile
     * @param p99 the 99th percentile
     */
    public record Recent(int size, double p50, double p90, double p99) {
        /**
         * Computes the percentiles.
         *
         * @param values the recent values, any order
         * @return the percentiles; empty when there are no values
         */
        public static Optional<Recent> of(List<Double> values) {
            if (values.isEmpty()) {
                return Optional.empty();
            }
            List<Double> sorted = new ArrayList<>(values);
            sorted.sort(null);
            return Optional.of(new Recent(sorted.size(), rank(sorted, 50), rank(sorted, 90), rank(sorted, 99)));
        }

        private static double rank(List<Double> sorted, int percentile) {
            int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, index));
        }
    }
}
