package dev.freeagent.vtuber.output.delivery;

/**
 * The wire end of a client socket, implemented by the web layer. Calls are never concurrent
 * ({@link ClientSocket} serialises them).
 */
public interface FrameSink {
    /**
     * Sends one text message.
     *
     * @param text text
     */
    void text(String text);

    /**
     * Sends one binary message.
     *
     * @param bytes payload
     */
    void binary(byte[] bytes);

    /**
     * Starts the closing handshake.
     *
     * @param code close code
     * @param reason close reason
     */
    void close(int code, String reason);
}
