package dev.freeagent.vtuber.dialog.memory;

import java.util.List;

/**
 * The outbox events of a turn, built once its number in the conversation is known (inside the transaction that
 * stores it).
 */
@FunctionalInterface
public interface TurnEvents {
    /** No events (the outbox is switched off). */
    TurnEvents NONE = turn -> List.of();

    /**
     * The events of the turn.
     *
     * @param turn the turn's number in its conversation, from 1
     * @return the events, possibly none
     */
    List<OutboxEvent> of(int turn);
}
