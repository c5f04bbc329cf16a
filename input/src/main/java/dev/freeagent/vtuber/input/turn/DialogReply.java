package dev.freeagent.vtuber.input.turn;

import java.util.List;
import java.util.OptionalDouble;

/**
 * What dialog answered for one turn.
 *
 * @param text the reply, joined from its deltas
 * @param transcript what the user said as dialog understood it (for images: the prompt used)
 * @param ttftMs milliseconds to the first delta, when there was one
 * @param tokens estimated reply tokens
 * @param partials ASR partial texts, oldest first (audio only)
 * @param spoken true when dialog is speaking the reply to the task's output socket
 */
public record DialogReply(String text, String transcript, OptionalDouble ttftMs, int tokens, List<String> partials,
                          boolean spoken) {

    /**
     * Copies the list.
     */
    public DialogReply {
        partials = List.copyOf(partials);
    }
}
