package dev.freeagent.vtuber.workers.event;

import java.util.Map;

import dev.freeagent.vtuber.workers.stream.EntryHandler;
import dev.freeagent.vtuber.workers.stream.Handled;
import dev.freeagent.vtuber.workers.stream.StreamEntry;

/**
 * Hands each entry to the effect registered for its event type. Types without an effect are skipped (the
 * analytics stream also receives event types nobody acts on yet, contract §7). Thread-safe if the effects are.
 *
 * @param effects event type (exact, as the outbox writes it) to its effect
 */
public record EventDispatcher(Map<String, EventEffect> effects) implements EntryHandler {
    /**
     * Copies the map.
     */
    public EventDispatcher {
        effects = Map.copyOf(effects);
    }

    @Override
    public Handled handle(StreamEntry entry) {
        String type = entry.fields().get(OutboxEvent.TYPE_FIELD);
        if (type == null || type.isBlank()) {
            throw new MalformedEventException("the entry has no type field");
        }
        EventEffect effect = effects.get(type);
        if (effect == null) {
            return Handled.SKIPPED;
        }
        return effect.apply(OutboxEvent.from(entry.fields()));
    }
}
