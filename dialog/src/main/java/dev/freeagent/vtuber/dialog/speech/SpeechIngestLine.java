package dev.freeagent.vtuber.dialog.speech;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import dev.freeagent.vtuber.dialog.tts.PcmChunk;
import dev.freeagent.vtuber.proto.speech.v1.PcmFormat;
import dev.freeagent.vtuber.proto.speech.v1.ReplyText;
import dev.freeagent.vtuber.proto.speech.v1.SpeechChunk;
import dev.freeagent.vtuber.proto.speech.v1.SpeechDown;
import dev.freeagent.vtuber.proto.speech.v1.SpeechEnd;
import dev.freeagent.vtuber.proto.speech.v1.SpeechUp;
import dev.freeagent.vtuber.proto.speech.v1.StopAck;

import com.google.protobuf.UnsafeByteOperations;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.StreamObserver;

/**
 * One {@code Speak} stream seen as a {@link SpeechLine}: numbers the chunks, serialises the senders (text comes
 * from the LLM's thread, audio from the speech thread), and turns a STOP from output into the stop callback.
 * Once the stream has ended or failed, everything sent is dropped.
 */
final class SpeechIngestLine implements SpeechLine {
    private static final System.Logger LOG = System.getLogger(SpeechIngestLine.class.getName());

    private final String sessionId;
    private final Runnable onStop;
    private final AtomicBoolean stopSeen = new AtomicBoolean();
    private final ReentrantLock lock = new ReentrantLock();
    private ClientCallStreamObserver<SpeechUp> up;
    private long seq;
    private boolean closed;

    SpeechIngestLine(String sessionId, Runnable onStop) {
        this.sessionId = sessionId;
        this.onStop = onStop;
    }

    void attach(ClientCallStreamObserver<SpeechUp> up) {
        this.up = up;
    }

    StreamObserver<SpeechDown> downstream() {
        return new StreamObserver<>() {
            @Override
            public void onNext(SpeechDown down) {
                if (down.hasStop() && stopSeen.compareAndSet(false, true)) {
                    LOG.log(Level.DEBUG, "STOP for session " + sessionId);
                    onStop.run();
                }
            }

            @Override
            public void onError(Throwable failure) {
                LOG.log(Level.DEBUG, "speech stream of session " + sessionId + " ended: " + failure.getMessage());
                // the reply itself goes on: its text still reaches the client through the task result
                markClosed();
            }

            @Override
            public void onCompleted() {
                markClosed();
            }
        };
    }

    @Override
    public void text(String delta) {
        send(SpeechUp.newBuilder().setText(ReplyText.newBuilder().setContent(delta)).build());
    }

    @Override
    public void audio(PcmChunk chunk, int sentence) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            up.onNext(SpeechUp.newBuilder().setChunk(SpeechChunk.newBuilder()
                    .setSeq(seq++)
                    .setPcm(UnsafeByteOperations.unsafeWrap(chunk.bytes()))
                    .setFormat(PcmFormat.newBuilder()
                            .setSampleRate(chunk.format().sampleRate())
                            .setChannels(chunk.format().channels()))
                    .setSentence(sentence)).build());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void end() {
        finish(SpeechUp.newBuilder().setEnd(SpeechEnd.getDefaultInstance()).build());
    }

    @Override
    public void stopAcknowledged() {
        finish(SpeechUp.newBuilder().setStopAck(StopAck.getDefaultInstance()).build());
    }

    void send(SpeechUp message) {
        lock.lock();
        try {
            if (!closed) {
                up.onNext(message);
            }
        } finally {
            lock.unlock();
        }
    }

    private void finish(SpeechUp last) {
        lock.lock();
        try {
            if (!closed) {
                up.onNext(last);
                up.onCompleted();
                closed = true;
            }
        } finally {
            lock.unlock();
        }
    }

    private void markClosed() {
        lock.lock();
        try {
            closed = true;
        } finally {
            lock.unlock();
        }
    }
}
