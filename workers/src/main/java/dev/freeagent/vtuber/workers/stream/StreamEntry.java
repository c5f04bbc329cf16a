package dev.freeagent.vtuber.workers.stream;

import java.util.Map;

/**
 * One stream entry as delivered to this consumer.
 *
 * @param id the entry id, e.g. {@code 1700000000000-0}
 * @param fields the entry's fields, in stream order
 * @param deliveries how often the group has delivered the entry, this delivery included
 */
public record StreamEntry(String id, Map<String, String> fields, long deliveries) {
    /**
     * Copies the fields.
     */
    public StreamEntry {
        fields = Map.copyOf(fields);
    }
}
