package dev.freeagent.vtuber.input.turn;

/**
 * The dialog service as a turn sees it: one call per turn.
 */
public interface Dialog {
    /**
     * Runs one turn.
     *
     * @param task the task (identity, mode, MIME type, prompt, meta)
     * @param payload the uploaded bytes (UTF-8 text for text turns)
     * @return the reply
     * @throws TurnFailure with the sentence to publish when the turn cannot be answered
     */
    DialogReply answer(Task task, byte[] payload);
}
