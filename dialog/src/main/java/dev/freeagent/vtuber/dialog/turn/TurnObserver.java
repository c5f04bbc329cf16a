package dev.freeagent.vtuber.dialog.turn;

/**
 * Hears how turns end (metrics). Implementations must be cheap and thread-safe.
 */
public interface TurnObserver {
    /** Hears nothing. */
    TurnObserver NONE = new TurnObserver() {
        @Override
        public void completed(TurnStats stats) {
        }

        @Override
        public void failed(RuntimeException failure) {
        }
    };

    /**
     * A turn succeeded.
     *
     * @param stats its measurements
     */
    void completed(TurnStats stats);

    /**
     * A turn failed or was cancelled.
     *
     * @param failure why
     */
    void failed(RuntimeException failure);
}
