package dev.freeagent.vtuber.gateway;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import dev.freeagent.vtuber.common.server.ServiceServer;
import dev.freeagent.vtuber.proto.output.v1.OutputControlGrpc;
import dev.freeagent.vtuber.proto.output.v1.OutputProto;
import dev.freeagent.vtuber.proto.output.v1.StopOutcome;
import dev.freeagent.vtuber.proto.output.v1.StopReply;
import dev.freeagent.vtuber.proto.output.v1.StopRequest;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.helidon.common.buffers.BufferData;
import io.helidon.http.DirectHandler;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.http.RequestException;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.grpc.GrpcRouting;
import io.helidon.webserver.websocket.WsConfig;
import io.helidon.webserver.websocket.WsRouting;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;

/**
 * Stand-ins for input and output on one loopback Helidon server: {@code /ws/input} and {@code /ws/output/{id}}
 * echo every frame as it came (type and fragmentation kept), {@code /ws/output/{id}} first says its path,
 * {@code close-me} makes the backend close, {@code /ws/output/forbidden} is rejected at the handshake, and a
 * scripted {@code OutputControl.Stop} answers by session id prefix.
 */
final class BackendPeers implements AutoCloseable {
    /** The {@code X-Vtuber-Visitor} header of each input handshake (empty when absent). */
    final BlockingQueue<Optional<String>> visitors = new LinkedBlockingQueue<>();
    /** The path of each backend socket the gateway closed or lost. */
    final BlockingQueue<String> closedPaths = new LinkedBlockingQueue<>();
    /** The session id of each STOP received. */
    final BlockingQueue<String> stops = new LinkedBlockingQueue<>();
    private final WebServer server;

    private BackendPeers() {
        WsRouting.Builder sockets = WsRouting.builder()
                .endpoint("/ws/input", () -> new Echo(true))
                .endpoint("/ws/output/{id}", () -> new Echo(false));
        GrpcRouting.Builder grpc = GrpcRouting.builder().service(OutputProto.getDescriptor(), new ScriptedStop());
        this.server = ServiceServer.builder("127.0.0.1", 0, List.of())
                .addProtocol(WsConfig.builder().maxFrameLength(32 * 1024 * 1024).build())
                .addRouting(sockets)
                .addRouting(grpc)
                .build()
                .start();
    }

    static BackendPeers start() {
        return new BackendPeers();
    }

    /**
     * Waits until the backend socket at a path was closed, skipping closes of other sockets.
     *
     * @param path the socket's path
     * @return whether it was closed within 5 s
     */
    boolean awaitClosed(String path) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            String closed = closedPaths.poll(deadline - System.nanoTime(), java.util.concurrent.TimeUnit.NANOSECONDS);
            if (path.equals(closed)) {
                return true;
            }
        }
        return false;
    }

    String url() {
        return "ws://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class Echo implements WsListener {
        private final boolean input;
        private String path;

        Echo(boolean input) {
            this.input = input;
        }

        @Override
        public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers) {
            path = prologue.uriPath().path();
            if (path.endsWith("/forbidden")) {
                // a WsUpgradeException would answer 400; output rejects an invalid task id with 403
                throw RequestException.builder()
                        .type(DirectHandler.EventType.FORBIDDEN)
                        .status(io.helidon.http.Status.FORBIDDEN_403)
                        .message("not a task id")
                        .build();
            }
            if (input) {
                visitors.add(headers.first(io.helidon.http.HeaderNames.create("X-Vtuber-Visitor")));
            }
            return Optional.empty();
        }

        @Override
        public void onOpen(WsSession session) {
            if (!input) {
                session.send("path:" + path, true);
            }
        }

        @Override
        public void onMessage(WsSession session, String text, boolean last) {
            if (last && text.equals("close-me")) {
                session.close(4000, "backend code the client must not see");
            } else {
                session.send(text, last);
            }
        }

        @Override
        public void onMessage(WsSession session, BufferData buffer, boolean last) {
            session.send(BufferData.create(buffer.readBytes()), last);
        }

        @Override
        public void onClose(WsSession session, int status, String reason) {
            closedPaths.add(path);
        }
    }

    private final class ScriptedStop extends OutputControlGrpc.OutputControlImplBase {
        @Override
        public void stop(StopRequest request, StreamObserver<StopReply> replies) {
            String session = request.getSessionId();
            stops.add(session);
            if (session.startsWith("invalid")) {
                replies.onError(Status.INVALID_ARGUMENT.withDescription("session_id is not a task id").asRuntimeException());
                return;
            }
            StopReply.Builder reply = StopReply.newBuilder();
            if (session.startsWith("playing")) {
                reply.setOutcome(StopOutcome.STOPPED).setDetail("stopped");
            } else if (session.startsWith("disabled")) {
                reply.setOutcome(StopOutcome.BARGE_IN_DISABLED).setDetail("barge-in is switched off");
            } else {
                reply.setOutcome(StopOutcome.NOTHING_PLAYING).setDetail("no active stream for session " + session);
            }
            replies.onNext(reply.build());
            replies.onCompleted();
        }
    }
}
