package dev.freeagent.vtuber.dialog.tts;

import dev.freeagent.vtuber.dialog.turn.Cancellation;

/**
 * The sink of one synthesis, closed by cancellation or by the provider's own stop (a timeout): once closed it
 * refuses every chunk, so nothing reaches the caller's sink after either. Thread-safe.
 */
final class GuardedSink {
    private final PcmSink sink;
    private final Cancellation cancellation;
    private volatile boolean stopped;

    GuardedSink(PcmSink sink, Cancellation cancellation) {
        this.sink = sink;
        this.cancellation = cancellation;
    }

    /**
     * Passes a chunk on unless closed.
     *
     * @param chunk the audio
     * @return false when the chunk was refused: the synthesis should end
     */
    boolean accept(PcmChunk chunk) {
        if (!open()) {
            return false;
        }
        sink.accept(chunk);
        return true;
    }

    /**
     * Whether chunks are still passed on.
     *
     * @return false once cancelled or stopped
     */
    boolean open() {
        return !stopped && !cancellation.isCancelled();
    }

    /**
     * Closes the sink for a reason of the provider's own (a timeout).
     */
    void stop() {
        stopped = true;
    }

    /**
     * Whether the provider stopped it.
     *
     * @return true after {@link #stop()}
     */
    boolean stopped() {
        return stopped;
    }
}
