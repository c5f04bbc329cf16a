package dev.freeagent.vtuber.output.speech;

/**
 * The way back to dialog on one speech stream, implemented by the gRPC edge. Calls may come from any thread; the
 * implementation serialises them and ignores calls after the stream ended.
 */
public interface SpeechDownlink {
    /** Asks dialog to stop the LLM and the synthesis of this stream now. */
    void stop();

    /**
     * Ends the stream from our side because dialog did not answer.
     *
     * @param reason a sentence for dialog's logs
     */
    void cancel(String reason);
}
