package dev.freeagent.vtuber.dialog.turn;

import java.util.List;

/**
 * What the character remembers about a user from earlier conversations (long-term memory). A recall is bounded by
 * a short deadline: when memory is slow or absent the turn goes on without it.
 */
@FunctionalInterface
public interface LongTermRecall {
    /** Remembers nothing (long-term memory switched off). */
    LongTermRecall NONE = request -> List.of();

    /**
     * The memories of the turn's user most related to what the user said, best first.
     *
     * @param request the turn
     * @return memory texts, possibly none; never throws
     */
    List<String> recall(TurnRequest request);
}
