package dev.freeagent.vtuber.workers.event;

import dev.freeagent.vtuber.workers.stream.Handled;

/**
 * What happens because of one kind of event. Events arrive at least once, possibly at several worker instances
 * at the same time: an effect happens once per {@link OutboxEvent#correlationId()} all the same.
 */
@FunctionalInterface
public interface EventEffect {
    /**
     * Makes the event's effect happen, unless it already has.
     *
     * @param event the event
     * @return {@link Handled#APPLIED} or {@link Handled#DUPLICATE}
     * @throws MalformedEventException when the envelope lacks what the effect needs
     * @throws dev.freeagent.vtuber.workers.stream.RetryLaterException when the effect cannot happen now
     */
    Handled apply(OutboxEvent event);
}
