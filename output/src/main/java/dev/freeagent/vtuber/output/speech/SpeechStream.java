package dev.freeagent.vtuber.output.speech;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import dev.freeagent.vtuber.output.delivery.AudioForm;
import dev.freeagent.vtuber.output.delivery.ClientSocket;
import dev.freeagent.vtuber.output.delivery.Frame;
import dev.freeagent.vtuber.output.delivery.SlicedAudio;
import dev.freeagent.vtuber.output.delivery.TaskWait;

/**
 * One speech stream from dialog, relayed to the client socket that held its session when it opened.
 *
 * <p>States: playing, then either finished (END, or the stream ended) or stopping (barge-in) and then finished
 * (stop_ack, the stream ended, or the ack timeout). Chunks and text are relayed only while playing, under the
 * stream's lock, and {@link #stop()} leaves playing under the same lock: once it returns, not one more frame of
 * this stream reaches the client, even one already in flight. Thread-safe.
 */
public final class SpeechStream {
    private static final System.Logger LOG = System.getLogger(SpeechStream.class.getName());
    private static final Consumer<ClientSocket> NOTHING = socket -> { };

    private enum State { PLAYING, STOPPING, FINISHED }

    private final SpeechOpening opening;
    private final TaskWait wait;
    private final SpeechDownlink downlink;
    private final SpeechStreams streams;
    private final ReentrantLock lock = new ReentrantLock();
    private State state = State.PLAYING;
    private int sampleRate;
    private int channels;
    private ReplyRecording recording;
    private boolean truncationLogged;
    private volatile ScheduledFuture<?> ackTimer;

    SpeechStream(SpeechOpening opening, TaskWait wait, SpeechDownlink downlink, SpeechStreams streams) {
        this.opening = opening;
        this.wait = wait;
        this.downlink = downlink;
        this.streams = streams;
    }

    /**
     * The session this stream speaks to.
     *
     * @return session id
     */
    public String sessionId() {
        return opening.sessionId();
    }

    /**
     * Relays (or, for a file-form reply, records) one chunk.
     *
     * @param chunk the chunk
     * @throws SpeechRejectedException when a reply chunk has no PCM format or changes it
     */
    public void chunk(PcmChunk chunk) {
        lock.lock();
        try {
            if (state != State.PLAYING) {
                return;
            }
            if (opening.kind() == SpeechKind.PASSTHROUGH) {
                relay(SpeechFrames.passthroughChunk(sessionId(), chunk));
                return;
            }
            checkFormat(chunk);
            if (wait.form() == AudioForm.STREAM) {
                relay(SpeechFrames.replyChunk(sessionId(), chunk));
            } else {
                record(chunk);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Relays a piece of the reply text to a stream-form socket (file-form sockets get the text in the result).
     *
     * @param content the text
     */
    public void text(String content) {
        lock.lock();
        try {
            if (state == State.PLAYING && wait.form() == AudioForm.STREAM) {
                wait.socket().send(SpeechFrames.textDelta(sessionId(), content));
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * The utterance is complete: control END (streamed forms) or the WAV after the result (file form).
     */
    public void end() {
        Consumer<ClientSocket> afterResult;
        lock.lock();
        try {
            if (state != State.PLAYING) {
                return;
            }
            state = State.FINISHED;
            if (streamed()) {
                wait.socket().send(SpeechFrames.control(sessionId(), "END"));
                afterResult = NOTHING;
            } else {
                // no chunk, no format: there is nothing to put in a WAV
                afterResult = recording == null ? NOTHING : wavSender(recording);
            }
        } finally {
            lock.unlock();
        }
        streams.ended(this, wait, afterResult);
    }

    /**
     * Dialog stopped after a STOP (or on its own): relays STOP_ACK.
     */
    public void stopAcknowledged() {
        State was;
        lock.lock();
        try {
            was = state;
            state = State.FINISHED;
        } finally {
            lock.unlock();
        }
        if (was != State.FINISHED) {
            acknowledge(was == State.STOPPING);
        }
    }

    /**
     * The gRPC stream is over (dialog completed it, or it broke). A stream still playing ended unexpectedly: the
     * client gets the audio error; a stream being stopped counts as acknowledged.
     */
    public void rpcEnded() {
        State was;
        lock.lock();
        try {
            was = state;
            state = State.FINISHED;
        } finally {
            lock.unlock();
        }
        switch (was) {
        case PLAYING -> broke();
        case STOPPING -> acknowledge(true);
        case FINISHED -> { }
        }
        streams.closed(this);
    }

    /**
     * Barge-in: leaves playing, acknowledges to the client, sends Stop to dialog and waits (bounded) for its
     * stop_ack.
     *
     * @return true if the stream was playing
     */
    boolean stop() {
        lock.lock();
        try {
            if (state != State.PLAYING) {
                return false;
            }
            state = State.STOPPING;
        } finally {
            lock.unlock();
        }
        LOG.log(Level.DEBUG, "stopping the speech of session " + sessionId());
        // nothing of this stream reaches the client from here on, so the client hears the acknowledgement at once;
        // dialog's own stop_ack (or its timeout) then only ends the stream
        wait.socket().send(SpeechFrames.control(sessionId(), "STOP_ACK"));
        downlink.stop();
        ackTimer = streams.schedule(this::ackTimedOut, streams.settings().stopAckTimeout());
        return true;
    }

    /** The client socket is gone: whatever still plays is stopped (its frames would go nowhere). */
    void abandon() {
        stop();
    }

    private void ackTimedOut() {
        lock.lock();
        try {
            if (state != State.STOPPING) {
                return;
            }
            state = State.FINISHED;
        } finally {
            lock.unlock();
        }
        LOG.log(Level.INFO, "dialog did not acknowledge the stop of session " + sessionId() + " within "
                + streams.settings().stopAckTimeout().toMillis() + " ms; ending its stream");
        streams.stopped(false);
        downlink.cancel("Output stopped waiting for the stop_ack of session " + sessionId() + " after "
                        + streams.settings().stopAckTimeout().toMillis() + " ms.");
        streams.ended(this, wait, NOTHING);
        streams.closed(this);
    }

    private void acknowledge(boolean asked) {
        ScheduledFuture<?> timer = ackTimer;
        if (timer != null) {
            timer.cancel(false);
        }
        if (asked) {
            streams.stopped(true);
        } else {
            // dialog stopped on its own: the client hears it now
            wait.socket().send(SpeechFrames.control(sessionId(), "STOP_ACK"));
        }
        streams.ended(this, wait, NOTHING);
    }

    private void broke() {
        LOG.log(Level.WARNING, "the speech stream of session " + sessionId() + " ended without END");
        if (streamed()) {
            wait.socket().send(SpeechFrames.brokenStream());
            streams.ended(this, wait, NOTHING);
        } else {
            streams.ended(this, wait, socket -> socket.send(SpeechFrames.brokenStream()));
        }
    }

    private boolean streamed() {
        return opening.kind() == SpeechKind.PASSTHROUGH || wait.form() == AudioForm.STREAM;
    }

    private void relay(List<Frame> frames) {
        if (wait.socket().send(frames)) {
            streams.chunkRelayed();
        }
    }

    private void checkFormat(PcmChunk chunk) {
        if (!chunk.hasFormat()) {
            throw new SpeechRejectedException(SpeechRejectedException.Reason.INVALID, "Reply chunk " + chunk.seq()
                    + " carries no usable PCM format (sample_rate 1..384000, channels 1..8).");
        }
        if (sampleRate == 0) {
            sampleRate = chunk.sampleRate();
            channels = chunk.channels();
        } else if (chunk.sampleRate() != sampleRate || chunk.channels() != channels) {
            throw new SpeechRejectedException(SpeechRejectedException.Reason.INVALID, "Reply chunk " + chunk.seq()
                    + " changes the PCM format from " + sampleRate + " Hz x " + channels + " to " + chunk.sampleRate()
                    + " Hz x " + chunk.channels() + "; a stream keeps one format.");
        }
    }

    private void record(PcmChunk chunk) {
        if (recording == null) {
            recording = new ReplyRecording(sampleRate, channels, streams.settings().maxSpeech());
        }
        if (!recording.append(chunk.bytes()) && !truncationLogged) {
            truncationLogged = true;
            LOG.log(Level.WARNING, "the reply of session " + sessionId() + " is longer than "
                    + streams.settings().maxSpeech().toSeconds() + " s; the rest is left out of its WAV");
        }
    }

    private Consumer<ClientSocket> wavSender(ReplyRecording reply) {
        byte[] wav = reply.wav();
        return socket -> {
            try {
                SlicedAudio.send(sessionId(), new ByteArrayInputStream(wav), wav.length, socket);
            } catch (IOException e) {
                throw new UncheckedIOException("a byte array cannot fail to read", e);
            }
        };
    }
}
