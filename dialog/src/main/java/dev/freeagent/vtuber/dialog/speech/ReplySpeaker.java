package dev.freeagent.vtuber.dialog.speech;

import java.time.Duration;

import dev.freeagent.vtuber.dialog.turn.TurnListener;
import dev.freeagent.vtuber.dialog.turn.TurnResult;

/**
 * Speaks a reply as it is written: wraps the edge's listener, passes every delta on unchanged, and feeds the
 * {@link SpeechStream} the text and each sentence as soon as the {@link SentenceSplitter} completes it, so the first
 * sentence is synthesised while the LLM is still writing. The result tells the edge whether the reply is spoken.
 * Used by the turn's thread only.
 */
public final class ReplySpeaker implements TurnListener {
    private final TurnListener reply;
    private final SpeechStream speech;
    private final SentenceSplitter sentences;
    private final Duration socketWait;

    ReplySpeaker(TurnListener reply, SpeechStream speech, SentenceSplitter sentences, Duration socketWait) {
        this.reply = reply;
        this.speech = speech;
        this.sentences = sentences;
        this.socketWait = socketWait;
    }

    @Override
    public void onDelta(String delta) {
        reply.onDelta(delta);
        speech.text(delta);
        sentences.feed(delta).forEach(speech::say);
    }

    @Override
    public void onDone(TurnResult result) {
        if (!result.stopped()) {
            sentences.flush().ifPresent(speech::say);
            speech.finish();
        }
        // the socket is normally there long before the reply is done; a client that never opens one is waited
        // for at most socketWait before its result is published without audio
        reply.onDone(result.spoken(speech.awaitLine(socketWait)));
    }

    /**
     * The turn failed: synthesis stops and the stream ends without more audio.
     */
    public void abandon() {
        speech.abandon();
    }
}
