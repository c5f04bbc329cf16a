package dev.freeagent.vtuber.output.delivery;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Orders a socket's speech against its result. Frames that must follow the success frame (the WAV of a file-form
 * reply, or the error of a broken stream) wait here until the result is out; a result that announces audio keeps
 * the socket open until no speech stream plays any more. Thread-safe; it decides, the caller sends.
 */
final class SpeechGate {
    private static final Consumer<ClientSocket> NOTHING = socket -> { };

    private final ReentrantLock lock = new ReentrantLock();
    private int playing;
    private boolean spoken;
    private boolean resultOut;
    private boolean done;
    private Consumer<ClientSocket> afterResult = NOTHING;

    /** A speech stream for this socket opened. */
    void started() {
        lock.lock();
        try {
            playing++;
        } finally {
            lock.unlock();
        }
    }

    /**
     * A speech stream for this socket ended.
     *
     * @param frames what goes to the client after the result; replaces what an earlier stream left
     * @return what to send now and whether the socket is done
     */
    Decision ended(Consumer<ClientSocket> frames) {
        lock.lock();
        try {
            playing = Math.max(0, playing - 1);
            spoken = true;
            if (done) {
                return Decision.NONE;
            }
            if (!resultOut) {
                afterResult = frames;
                return Decision.NONE;
            }
            done = playing == 0;
            return new Decision(frames, done);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The success frame of a result that announces audio went out.
     *
     * @return what to send now and whether the socket is done (its speech already ended)
     */
    Decision resultSent() {
        lock.lock();
        try {
            resultOut = true;
            Consumer<ClientSocket> frames = afterResult;
            afterResult = NOTHING;
            done = spoken && playing == 0;
            return new Decision(frames, done);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The speech did not end in time.
     *
     * @return true when this call ends the socket (nothing ended it before)
     */
    boolean expire() {
        lock.lock();
        try {
            boolean first = !done;
            done = true;
            return first;
        } finally {
            lock.unlock();
        }
    }

    /**
     * What to do after a gate event.
     *
     * @param send frames to send now
     * @param close whether the socket is to close normally afterwards
     */
    record Decision(Consumer<ClientSocket> send, boolean close) {
        static final Decision NONE = new Decision(NOTHING, false);
    }
}
