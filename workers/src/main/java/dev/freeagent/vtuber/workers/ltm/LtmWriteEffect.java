package dev.freeagent.vtuber.workers.ltm;

import dev.freeagent.vtuber.workers.event.EventEffect;
import dev.freeagent.vtuber.workers.event.OutboxEvent;
import dev.freeagent.vtuber.workers.stream.Handled;

/**
 * {@code LtmWriteRequested}: remembers the turn in the ltm service. Exactly once per correlation id because the
 * service's Write is idempotent by it. Thread-safe.
 *
 * @param ltm the ltm service
 */
public record LtmWriteEffect(LtmClient ltm) implements EventEffect {
    @Override
    public Handled apply(OutboxEvent event) {
        return ltm.write(MemoryWrite.from(event)) ? Handled.DUPLICATE : Handled.APPLIED;
    }
}
