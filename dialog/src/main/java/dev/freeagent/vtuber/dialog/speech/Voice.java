package dev.freeagent.vtuber.dialog.speech;

import java.time.Duration;
import java.util.concurrent.Executor;

import dev.freeagent.vtuber.dialog.tts.MockSynthesizer;
import dev.freeagent.vtuber.dialog.tts.TtsProvider;
import dev.freeagent.vtuber.dialog.turn.Cancellation;
import dev.freeagent.vtuber.dialog.turn.TurnListener;

/**
 * The character's voice: speaks replies (and the contract's mock utterances) to the output socket of a session,
 * through the configured TTS provider. Switched off ({@code SYNC_TTS_STREAMING=false}), nothing is spoken.
 * Thread-safe.
 */
public final class Voice {
    private final boolean enabled;
    private final SpeechOutlet outlet;
    private final TtsProvider tts;
    private final MockSynthesizer mock;
    private final SplitterSettings splitter;
    private final Duration socketWait;

    /**
     * Creates the voice.
     *
     * @param enabled whether anything is spoken
     * @param outlet reaches the sessions' output sockets
     * @param tts speaks replies
     * @param mock the contract's mock provider, for {@code /tts/mock}
     * @param splitter how replies are cut into sentences
     * @param socketWait how long a turn waits for its session's output socket to appear
     */
    public Voice(boolean enabled, SpeechOutlet outlet, TtsProvider tts, MockSynthesizer mock, SplitterSettings splitter,
                 Duration socketWait) {
        this.enabled = enabled;
        this.outlet = outlet;
        this.tts = tts;
        this.mock = mock;
        this.splitter = splitter;
        this.socketWait = socketWait;
    }

    /**
     * Whether replies are spoken at all.
     *
     * @return the {@code SYNC_TTS_STREAMING} switch
     */
    public boolean enabled() {
        return enabled;
    }

    /**
     * The provider that speaks replies.
     *
     * @return e.g. {@code espeak-ng}
     */
    public String provider() {
        return tts.name();
    }

    /**
     * Wraps a turn's listener so that its reply is spoken to a session's output socket.
     *
     * @param sessionId the output socket's id
     * @param taskId for logs
     * @param lang the voice's language hint, may be empty
     * @param reply the edge's listener
     * @param turn the turn's cancellation (a barge-in stops it)
     * @param waitForSocket true: wait up to the configured time for the socket; false: only an open one
     * @param threads runs the stream's thread
     * @return the speaking listener
     */
    public ReplySpeaker speak(String sessionId, String taskId, String lang, TurnListener reply, Cancellation turn,
                              boolean waitForSocket, Executor threads) {
        Duration wait = waitForSocket ? socketWait : Duration.ZERO;
        SpeechStream stream = SpeechStream.start(enabled ? outlet : SpeechOutlet.NONE,
                new SpeechStream.Target(sessionId, taskId, SpeechOutlet.Kind.REPLY, wait, lang), tts, turn, threads);
        return new ReplySpeaker(reply, stream, new SentenceSplitter(splitter), wait);
    }

    /**
     * {@code POST /tts/mock}: streams the contract's mock chunks of a text to a session, in the background.
     *
     * @param sessionId the output socket's id
     * @param text the text (may be empty)
     * @param chunkCount chunks, or ≤ 0 for the configured count
     * @param chunkDelayMs milliseconds before each chunk, or ≤ 0 for the configured delay
     * @param threads runs the stream's thread
     */
    public void speakMock(String sessionId, String text, int chunkCount, long chunkDelayMs, Executor threads) {
        SpeechStream stream = SpeechStream.start(outlet,
                new SpeechStream.Target(sessionId, sessionId, SpeechOutlet.Kind.PASSTHROUGH, socketWait, ""),
                mock.withOverrides(chunkCount, chunkDelayMs), new Cancellation(), threads);
        stream.say(text);
        stream.finish();
    }
}
