package dev.freeagent.vtuber.dialog.speech;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

import dev.freeagent.vtuber.dialog.tts.TtsException;
import dev.freeagent.vtuber.dialog.tts.TtsProvider;
import dev.freeagent.vtuber.dialog.turn.Cancellation;

/**
 * One run of speech to one session: sentences are synthesised in order, one at a time, on the stream's own thread,
 * and every piece of audio goes to the session's {@link SpeechLine} as soon as the provider produces it; text
 * deltas pass straight through. The line is looked up in the background, so the caller (the LLM's thread) never
 * waits for it. A stop from the client's side cancels the synthesis and the turn together, then acknowledges.
 */
public final class SpeechStream {
    private static final System.Logger LOG = System.getLogger(SpeechStream.class.getName());

    private final Target target;
    private final TtsProvider tts;
    private final Cancellation turn;
    private final Cancellation synthesis = new Cancellation();
    private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final CompletableFuture<Optional<SpeechLine>> line = new CompletableFuture<>();
    private final ReentrantLock textLock = new ReentrantLock();
    private final List<String> pendingText = new ArrayList<>();
    private volatile boolean stopRequested;

    private SpeechStream(Target target, TtsProvider tts, Cancellation turn) {
        this.target = target;
        this.tts = tts;
        this.turn = turn;
    }

    /**
     * Starts a stream: looks up the session's line and then speaks what it is given.
     *
     * @param outlet opens the line
     * @param target whom to speak to
     * @param tts the voice
     * @param turn stopped when the client barges in (the LLM stops with the synthesis)
     * @param threads runs the stream's thread (carrying the task id into logs)
     * @return the running stream
     */
    public static SpeechStream start(SpeechOutlet outlet, Target target, TtsProvider tts, Cancellation turn,
                                     Executor threads) {
        SpeechStream stream = new SpeechStream(target, tts, turn);
        threads.execute(() -> stream.run(outlet));
        return stream;
    }

    /**
     * Passes a piece of the reply text to clients that stream text.
     *
     * @param delta the text
     */
    public void text(String delta) {
        textLock.lock();
        try {
            if (!line.isDone()) {
                pendingText.add(delta);
                return;
            }
            line.join().ifPresent(open -> open.text(delta));
        } finally {
            textLock.unlock();
        }
    }

    /**
     * Queues a sentence for synthesis.
     *
     * @param sentence non-blank text
     */
    public void say(String sentence) {
        queue.add(new Sentence(sentence));
    }

    /**
     * No more sentences: the stream ends (with END) after the queued ones are spoken.
     */
    public void finish() {
        queue.add(Finish.INSTANCE);
    }

    /**
     * The reply failed: synthesis stops at once and the stream ends without more audio.
     */
    public void abandon() {
        synthesis.cancel();
        queue.add(Finish.INSTANCE);
    }

    /**
     * Waits until the session's line is known.
     *
     * @param wait the longest wait
     * @return true when the reply is being spoken to the session, false when no line was found (yet)
     */
    public boolean awaitLine(Duration wait) {
        try {
            return line.get(wait.toNanos(), TimeUnit.NANOSECONDS).isPresent();
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void run(SpeechOutlet outlet) {
        Optional<SpeechLine> opened = open(outlet);
        textLock.lock();
        try {
            opened.ifPresent(open -> pendingText.forEach(open::text));
            pendingText.clear();
            line.complete(opened);
        } finally {
            textLock.unlock();
        }
        opened.ifPresent(this::speak);
    }

    private Optional<SpeechLine> open(SpeechOutlet outlet) {
        try {
            Optional<SpeechLine> opened = outlet.open(target.sessionId(), target.taskId(), target.kind(),
                    target.socketWait(), this::stop);
            if (opened.isEmpty()) {
                LOG.log(Level.DEBUG, "no output socket for session " + target.sessionId() + ": not spoken");
            }
            return opened;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the reply cannot be spoken: " + e.getMessage(), e);
            return Optional.empty();
        }
    }

    private void speak(SpeechLine open) {
        int sentence = 0;
        while (!stopRequested) {
            Item item = take();
            if (stopRequested) {
                break;
            }
            if (item instanceof Sentence(String text)) {
                synthesise(open, text, sentence++);
            } else if (item == Finish.INSTANCE) {
                open.end();
                return;
            }
        }
        open.stopAcknowledged();
    }

    private void synthesise(SpeechLine open, String text, int sentence) {
        if (synthesis.isCancelled()) {
            return;
        }
        try {
            tts.speak(text, target.lang(), synthesis, chunk -> {
                if (!stopRequested) {
                    open.audio(chunk, sentence);
                }
            });
        } catch (TtsException e) {
            // one sentence that cannot be spoken must not silence the rest of the reply
            LOG.log(Level.WARNING, "sentence " + sentence + " not spoken: " + e.getMessage(), e);
        }
    }

    private Item take() {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopRequested = true;
            return Finish.INSTANCE;
        }
    }

    private void stop() {
        stopRequested = true;
        synthesis.cancel();
        turn.stop();
        queue.add(Finish.INSTANCE);
    }

    /**
     * Whom a stream speaks to.
     *
     * @param sessionId the client's output socket id
     * @param taskId for logs
     * @param kind what the audio bytes are
     * @param socketWait how long to wait for the session's socket
     * @param lang language hint for the voice; may be empty
     */
    public record Target(String sessionId, String taskId, SpeechOutlet.Kind kind, Duration socketWait, String lang) {
    }

    private sealed interface Item permits Sentence, Finish {
    }

    private record Sentence(String text) implements Item {
    }

    private enum Finish implements Item {
        INSTANCE
    }
}
