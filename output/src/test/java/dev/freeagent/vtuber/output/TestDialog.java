package dev.freeagent.vtuber.output;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import dev.freeagent.vtuber.proto.speech.v1.PcmFormat;
import dev.freeagent.vtuber.proto.speech.v1.ReplyText;
import dev.freeagent.vtuber.proto.speech.v1.SpeechChunk;
import dev.freeagent.vtuber.proto.speech.v1.SpeechDown;
import dev.freeagent.vtuber.proto.speech.v1.SpeechEnd;
import dev.freeagent.vtuber.proto.speech.v1.SpeechIngestGrpc;
import dev.freeagent.vtuber.proto.speech.v1.SpeechKind;
import dev.freeagent.vtuber.proto.speech.v1.SpeechOpen;
import dev.freeagent.vtuber.proto.speech.v1.SpeechUp;
import dev.freeagent.vtuber.proto.speech.v1.StopAck;

import com.google.protobuf.ByteString;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.StreamObserver;

/**
 * The test's dialog: one real {@code SpeechIngest/Speak} stream through the generated stub. What output sends
 * back is queued in order (SpeechDown messages, then the call's final Status). Sends may come from several
 * threads (a chunk sender and the test thread answering a stop); they are serialised.
 */
final class TestDialog {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final ClientCallStreamObserver<SpeechUp> up;

    private TestDialog(Channel channel) {
        this.up = (ClientCallStreamObserver<SpeechUp>) SpeechIngestGrpc.newStub(channel).speak(new StreamObserver<>() {
            @Override
            public void onNext(SpeechDown down) {
                received.add(down);
            }

            @Override
            public void onError(Throwable t) {
                received.add(Status.fromThrowable(t));
            }

            @Override
            public void onCompleted() {
                received.add(Status.OK);
            }
        });
    }

    static TestDialog speak(Channel channel) {
        return new TestDialog(channel);
    }

    TestDialog open(String sessionId, SpeechKind kind) {
        return send(SpeechUp.newBuilder().setOpen(SpeechOpen.newBuilder().setSessionId(sessionId).setTaskId(sessionId)
                                                          .setKind(kind)).build());
    }

    TestDialog chunk(long seq, byte[] pcm, int sampleRate, int channels) {
        return send(SpeechUp.newBuilder().setChunk(SpeechChunk.newBuilder().setSeq(seq).setPcm(ByteString.copyFrom(pcm))
                .setFormat(PcmFormat.newBuilder().setSampleRate(sampleRate).setChannels(channels))).build());
    }

    TestDialog text(String content) {
        return send(SpeechUp.newBuilder().setText(ReplyText.newBuilder().setContent(content)).build());
    }

    TestDialog end() {
        return send(SpeechUp.newBuilder().setEnd(SpeechEnd.getDefaultInstance()).build());
    }

    TestDialog stopAck() {
        return send(SpeechUp.newBuilder().setStopAck(StopAck.getDefaultInstance()).build());
    }

    TestDialog complete() {
        lock.lock();
        try {
            up.onCompleted();
        } finally {
            lock.unlock();
        }
        return this;
    }

    /** Breaks the stream as a dialog that dies would. */
    void cancel() {
        lock.lock();
        try {
            up.cancel("dialog went away", null);
        } finally {
            lock.unlock();
        }
    }

    TestDialog send(SpeechUp message) {
        lock.lock();
        try {
            up.onNext(message);
        } finally {
            lock.unlock();
        }
        return this;
    }

    /** The next message from output, which must be a Stop. */
    SpeechDown nextStop() throws InterruptedException {
        Object item = next();
        if (!(item instanceof SpeechDown down) || !down.hasStop()) {
            throw new AssertionError("expected a Stop but got " + item);
        }
        return down;
    }

    /** How output ended the call (OK when it completed). */
    Status end(Duration timeout) throws InterruptedException {
        Object item = next(timeout);
        if (!(item instanceof Status status)) {
            throw new AssertionError("expected the end of the call but got " + item);
        }
        return status;
    }

    Status ended() throws InterruptedException {
        return end(WAIT);
    }

    /** Whether output sent anything yet (non-blocking). */
    boolean heardNothing() {
        return received.isEmpty();
    }

    private Object next() throws InterruptedException {
        return next(WAIT);
    }

    private Object next(Duration timeout) throws InterruptedException {
        Object item = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (item == null) {
            throw new AssertionError("nothing from output within " + timeout);
        }
        return item;
    }
}
