package dev.freeagent.vtuber.dialog.turn;

import java.util.function.Consumer;

/**
 * Writes a reply as a stream of deltas: the language model, or the scripted stand-in when none is configured.
 * Implementations are thread-safe and serve many turns at once.
 */
public interface Responder {
    /**
     * Who writes the replies.
     *
     * @return {@code "llm"} or {@code "scripted"}
     */
    String source();

    /**
     * Streams one reply. Returns when the reply is complete; every delta reaches {@code deltas} once, in order.
     * An exception thrown by {@code deltas} stops the reply and propagates unchanged.
     *
     * @param request the prompt
     * @param deltas receives each non-empty delta
     * @param cancellation stops the reply promptly when cancelled
     * @throws ModelUnavailableException when the model failed after its retries
     * @throws ModelTimeoutException when the model stayed silent too long
     * @throws TurnCancelledException when cancelled
     */
    void respond(ReplyRequest request, Consumer<String> deltas, Cancellation cancellation);
}
