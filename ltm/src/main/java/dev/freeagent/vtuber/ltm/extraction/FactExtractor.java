package dev.freeagent.vtuber.ltm.extraction;

import java.util.List;

/**
 * Picks the facts about the user that a turn states. Implementations are thread-safe and never fail: when they
 * cannot decide they return what a simpler rule finds, or nothing.
 */
public interface FactExtractor {
    /**
     * The facts of a turn.
     *
     * @param turn the turn
     * @return short sentences about the user, possibly none
     */
    List<String> facts(TurnText turn);
}
