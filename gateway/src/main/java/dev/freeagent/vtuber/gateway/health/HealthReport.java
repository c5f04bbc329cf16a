package dev.freeagent.vtuber.gateway.health;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.SequencedMap;

/**
 * Which services are up, in the order they are reported.
 *
 * @param up each service's name and whether it is up
 */
public record HealthReport(SequencedMap<String, Boolean> up) {
    /**
     * Copies the map, keeping its order.
     */
    public HealthReport {
        up = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(up));
    }

    /**
     * Whether every service is up.
     *
     * @return true when none is down
     */
    public boolean allUp() {
        return !up.containsValue(false);
    }
}
