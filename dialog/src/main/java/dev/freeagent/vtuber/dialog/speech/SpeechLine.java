package dev.freeagent.vtuber.dialog.speech;

import dev.freeagent.vtuber.dialog.tts.PcmChunk;

/**
 * An open line to the output socket of one session: what is sent here reaches that client, in order. Used by one
 * {@link SpeechStream} at a time; implementations are thread-safe.
 */
public interface SpeechLine {
    /**
     * A piece of the reply text, for clients that stream text.
     *
     * @param delta the text
     */
    void text(String delta);

    /**
     * A piece of speech.
     *
     * @param chunk the audio
     * @param sentence index of the sentence it speaks
     */
    void audio(PcmChunk chunk, int sentence);

    /**
     * The utterance is complete; closes the line.
     */
    void end();

    /**
     * The stop asked for by the output side is done: nothing more will be sent. Closes the line.
     */
    void stopAcknowledged();
}
