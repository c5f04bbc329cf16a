package dev.freeagent.vtuber.ltm.memory;

import java.util.List;

/**
 * What one write did.
 *
 * @param stored the memories this write added (near-duplicates of existing ones are not among them)
 * @param duplicate true when the correlation id had been written before, so nothing was done
 */
public record WriteOutcome(List<Memory> stored, boolean duplicate) {
    /**
     * The answer to a repeated correlation id.
     *
     * @return an outcome that stored nothing
     */
    public static WriteOutcome repeated() {
        return new WriteOutcome(List.of(), true);
    }
}
