package dev.freeagent.vtuber.output.speech;

import java.lang.System.Logger.Level;
import java.util.concurrent.locks.ReentrantLock;

import dev.freeagent.vtuber.proto.speech.v1.SpeechChunk;
import dev.freeagent.vtuber.proto.speech.v1.SpeechDown;
import dev.freeagent.vtuber.proto.speech.v1.SpeechIngestGrpc;
import dev.freeagent.vtuber.proto.speech.v1.SpeechOpen;
import dev.freeagent.vtuber.proto.speech.v1.SpeechUp;
import dev.freeagent.vtuber.proto.speech.v1.Stop;

import io.grpc.Status;
import io.helidon.logging.common.HelidonMdc;
import io.grpc.stub.StreamObserver;

/**
 * gRPC {@code vtuber.speech.v1.SpeechIngest}: translates each {@code Speak} stream into a {@link SpeechStream}
 * and its downlink. Refusals map to FAILED_PRECONDITION (streaming off), NOT_FOUND (no client socket here) and
 * INVALID_ARGUMENT (protocol broken).
 */
public final class SpeechIngestGrpcService extends SpeechIngestGrpc.SpeechIngestImplBase {
    private static final System.Logger LOG = System.getLogger(SpeechIngestGrpcService.class.getName());
    private static final String MDC_KEY = "task_id";
    private static final SpeechDown STOP = SpeechDown.newBuilder().setStop(Stop.getDefaultInstance()).build();

    private final SpeechStreams streams;

    /**
     * Creates the service.
     *
     * @param streams the speech streams of this instance
     */
    public SpeechIngestGrpcService(SpeechStreams streams) {
        this.streams = streams;
    }

    @Override
    public StreamObserver<SpeechUp> speak(StreamObserver<SpeechDown> responses) {
        return new Upstream(new Downlink(responses));
    }

    private static Status status(SpeechRejectedException e) {
        Status status = switch (e.reason()) {
        case STREAMING_DISABLED -> Status.FAILED_PRECONDITION;
        case NO_CLIENT_SOCKET -> Status.NOT_FOUND;
        case INVALID -> Status.INVALID_ARGUMENT;
        };
        return status.withDescription(e.getMessage());
    }

    private static SpeechOpening opening(SpeechUp first) {
        if (!first.hasOpen()) {
            throw new SpeechRejectedException(SpeechRejectedException.Reason.INVALID,
                                              "The first message of a speech stream must be open.");
        }
        SpeechOpen open = first.getOpen();
        // an unset kind is a reply: the common case, and what an older dialog means
        SpeechKind kind = open.getKind() == dev.freeagent.vtuber.proto.speech.v1.SpeechKind.PASSTHROUGH
                ? SpeechKind.PASSTHROUGH : SpeechKind.REPLY;
        return new SpeechOpening(open.getSessionId().trim(), open.getTaskId(), kind);
    }

    private static PcmChunk chunk(SpeechChunk chunk) {
        return new PcmChunk(chunk.getSeq(), chunk.getPcm().toByteArray(), chunk.getFormat().getSampleRate(),
                            chunk.getFormat().getChannels());
    }

    /** The messages from dialog; gRPC calls it serially. */
    private final class Upstream implements StreamObserver<SpeechUp> {
        private final Downlink downlink;
        private volatile SpeechStream stream;
        private volatile boolean refused;

        Upstream(Downlink downlink) {
            this.downlink = downlink;
        }

        @Override
        public void onNext(SpeechUp up) {
            if (!refused) {
                inSession(() -> receive(up));
            }
        }

        @Override
        public void onError(Throwable t) {
            inSession(() -> {
                LOG.log(Level.DEBUG, "speech stream failed: " + Status.fromThrowable(t));
                if (stream != null) {
                    stream.rpcEnded();
                }
                downlink.fail(Status.CANCELLED.withDescription("The speech stream was cancelled by its sender."));
            });
        }

        @Override
        public void onCompleted() {
            inSession(() -> {
                if (stream != null) {
                    stream.rpcEnded();
                }
                downlink.complete();
            });
        }

        private void receive(SpeechUp up) {
            try {
                if (stream == null) {
                    stream = streams.open(opening(up), downlink);
                    LOG.log(Level.DEBUG, "speech stream opened for session " + stream.sessionId());
                    return;
                }
                switch (up.getEventCase()) {
                case CHUNK -> stream.chunk(chunk(up.getChunk()));
                case TEXT -> stream.text(up.getText().getContent());
                case END -> stream.end();
                case STOP_ACK -> stream.stopAcknowledged();
                case OPEN -> throw new SpeechRejectedException(SpeechRejectedException.Reason.INVALID,
                                                               "A speech stream is opened once; open came again.");
                case EVENT_NOT_SET -> LOG.log(Level.DEBUG, "ignored a speech message of an unknown kind");
                }
            } catch (SpeechRejectedException e) {
                refused = true;
                LOG.log(Level.INFO, "speech stream refused: " + e.getMessage());
                if (stream != null) {
                    stream.rpcEnded();
                }
                downlink.fail(status(e));
            }
        }

        /** Runs with the session id in the log context once the stream is open (its logs then carry it). */
        private void inSession(Runnable work) {
            SpeechStream current = stream;
            if (current == null) {
                work.run();
                return;
            }
            HelidonMdc.set(MDC_KEY, current.sessionId());
            try {
                work.run();
            } finally {
                HelidonMdc.remove(MDC_KEY);
            }
        }
    }

    /** Our side of one stream; every call is serialised and nothing is sent once the stream ended. */
    private static final class Downlink implements SpeechDownlink {
        private final StreamObserver<SpeechDown> responses;
        private final ReentrantLock lock = new ReentrantLock();
        private boolean ended;

        Downlink(StreamObserver<SpeechDown> responses) {
            this.responses = responses;
        }

        @Override
        public void stop() {
            lock.lock();
            try {
                if (!ended) {
                    responses.onNext(STOP);
                }
            } catch (RuntimeException e) {
                // the stream is going away; its end (or the ack timeout) finishes the speech
                LOG.log(Level.DEBUG, "cannot send stop: " + e.getMessage());
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void cancel(String reason) {
            fail(Status.CANCELLED.withDescription(reason));
        }

        void fail(Status status) {
            end(() -> responses.onError(status.asRuntimeException()));
        }

        void complete() {
            end(responses::onCompleted);
        }

        private void end(Runnable last) {
            lock.lock();
            try {
                if (!ended) {
                    ended = true;
                    last.run();
                }
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, "cannot end the speech stream: " + e.getMessage());
            } finally {
                lock.unlock();
            }
        }
    }
}
