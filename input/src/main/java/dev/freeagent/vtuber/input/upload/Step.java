package dev.freeagent.vtuber.input.upload;

/**
 * What the input socket does after a client frame (contract §3.1).
 */
public sealed interface Step {

    /** Nothing to answer; keep reading. */
    Step QUIET = new Quiet();

    /** The client sent {@code upload_complete}: process the upload and close. */
    Step COMPLETE = new Complete();

    /**
     * Plain text reply, keep reading.
     *
     * @param text the reply
     * @return the step
     */
    static Step reply(String text) {
        return new Reply(text);
    }

    /** No reply. */
    record Quiet() implements Step {
    }

    /**
     * A plain (non-JSON) text reply; the socket keeps reading.
     *
     * @param text the reply
     */
    record Reply(String text) implements Step {
    }

    /**
     * The upload went over a limit: it is discarded; reply the text, then close with 1009.
     *
     * @param text the reply
     */
    record Overflow(String text) implements Step {
    }

    /** Process the upload. */
    record Complete() implements Step {
    }
}
