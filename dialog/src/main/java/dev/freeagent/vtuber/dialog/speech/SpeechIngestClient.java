package dev.freeagent.vtuber.dialog.speech;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.freeagent.vtuber.common.grpc.GrpcChannels;
import dev.freeagent.vtuber.proto.speech.v1.SpeechIngestGrpc;
import dev.freeagent.vtuber.proto.speech.v1.SpeechKind;
import dev.freeagent.vtuber.proto.speech.v1.SpeechOpen;
import dev.freeagent.vtuber.proto.speech.v1.SpeechUp;

import io.grpc.ManagedChannel;
import io.grpc.stub.ClientCallStreamObserver;

/**
 * {@link SpeechOutlet} over {@code vtuber.speech.v1.SpeechIngest/Speak}: finds the output instance holding the
 * session's socket and opens one bidirectional stream to it per utterance. One channel per output instance,
 * shared by all streams to it.
 */
public final class SpeechIngestClient implements SpeechOutlet, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SpeechIngestClient.class.getName());

    private final SessionLocator locator;
    private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();

    /**
     * Creates the client.
     *
     * @param locator finds the instance that holds a session
     */
    public SpeechIngestClient(SessionLocator locator) {
        this.locator = locator;
    }

    @Override
    public Optional<SpeechLine> open(String sessionId, String taskId, Kind kind, Duration wait, Runnable onStop) {
        Optional<String> address = locator.await(sessionId, wait);
        if (address.isEmpty()) {
            return Optional.empty();
        }
        ManagedChannel channel = channels.computeIfAbsent(address.get(), a -> GrpcChannels.open("http://" + a));
        SpeechIngestLine line = new SpeechIngestLine(sessionId, onStop);
        ClientCallStreamObserver<SpeechUp> up =
                (ClientCallStreamObserver<SpeechUp>) SpeechIngestGrpc.newStub(channel).speak(line.downstream());
        line.attach(up);
        line.send(SpeechUp.newBuilder().setOpen(SpeechOpen.newBuilder()
                .setSessionId(sessionId)
                .setTaskId(taskId)
                .setKind(kind == Kind.PASSTHROUGH ? SpeechKind.PASSTHROUGH : SpeechKind.REPLY)).build());
        LOG.log(Level.DEBUG, "speaking to session " + sessionId + " at " + address.get());
        return Optional.of(line);
    }

    @Override
    public void close() {
        channels.values().forEach(ManagedChannel::shutdownNow);
        channels.clear();
    }
}
