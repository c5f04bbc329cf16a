package dev.freeagent.vtuber.dialog.asr;

import dev.freeagent.vtuber.dialog.turn.RecognitionStats;

/**
 * Hears what a spoken turn's recording said, once, on the turn's thread, before the first delta of the reply. An
 * edge streams the partials from here; a listener that cannot deliver (the client went away) throws, and the turn
 * is cancelled.
 */
@FunctionalInterface
public interface HeardListener {
    /**
     * The recording was understood.
     *
     * @param transcript what was heard; its text is not blank and its last partial is final
     * @param stats how the decoding and the recognition went
     */
    void onHeard(Transcript transcript, RecognitionStats stats);
}
