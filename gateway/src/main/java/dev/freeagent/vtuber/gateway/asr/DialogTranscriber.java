package dev.freeagent.vtuber.gateway.asr;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Iterator;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.proto.dialog.v1.AsrStats;
import dev.freeagent.vtuber.proto.dialog.v1.AudioInput;
import dev.freeagent.vtuber.proto.dialog.v1.ChatDone;
import dev.freeagent.vtuber.proto.dialog.v1.ChatEvent;
import dev.freeagent.vtuber.proto.dialog.v1.ChatRequest;
import dev.freeagent.vtuber.proto.dialog.v1.ChatStats;
import dev.freeagent.vtuber.proto.dialog.v1.DialogServiceGrpc;

import com.google.protobuf.ByteString;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * Sends an {@link AsrRequest} to dialog as an audio turn ({@code DialogService/Chat}) and answers the JSON of
 * dialog's {@code /chat/audio} (contract §5.4: transcript, reply, stats, partials), keys sorted as the original's
 * Flask {@code jsonify} did. Does not own the channel.
 */
final class DialogTranscriber {
    private final DialogServiceGrpc.DialogServiceBlockingStub stub;
    private final Duration timeout;

    DialogTranscriber(Channel dialog, Duration timeout) {
        this.stub = DialogServiceGrpc.newBlockingStub(dialog);
        this.timeout = timeout;
    }

    ObjectNode transcribe(AsrRequest request) {
        ChatDone done = null;
        try {
            Iterator<ChatEvent> events = stub.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .chat(chatRequest(request));
            while (events.hasNext()) {
                ChatEvent event = events.next();
                if (event.hasDone()) {
                    done = event.getDone();
                }
            }
        } catch (StatusRuntimeException e) {
            throw failure(e.getStatus());
        }
        if (done == null) {
            throw new AsrFailedException(502, "dialog_engine_error", "The dialog service ended without a reply.");
        }
        return response(request.sessionId(), done);
    }

    private static ChatRequest chatRequest(AsrRequest request) {
        Struct.Builder meta = Struct.newBuilder();
        request.meta().properties().forEach(field -> {
            if (field.getValue().isTextual()) {
                meta.putFields(field.getKey(), Value.newBuilder().setStringValue(field.getValue().asText()).build());
            }
        });
        return ChatRequest.newBuilder()
                .setTaskId(UUID.randomUUID().toString())
                .setConversationId(request.sessionId())
                .setUserId(request.userId())
                .setMeta(meta)
                .setAudio(AudioInput.newBuilder()
                        .setData(ByteString.copyFrom(request.audio()))
                        .setContentType(request.contentType())
                        .setLang(request.lang()))
                .build();
    }

    private static ObjectNode response(String sessionId, ChatDone done) {
        ObjectNode json = Json.object();
        done.getPartialsList().forEach(json.putArray("partials")::add);
        json.put("reply", done.getReply());
        json.put("sessionId", sessionId);
        json.set("stats", stats(done.getAsr(), done.getStats()));
        json.put("transcript", done.getTranscript());
        return json;
    }

    private static ObjectNode stats(AsrStats asr, ChatStats chat) {
        ObjectNode stats = Json.object();
        ObjectNode asrJson = stats.putObject("asr");
        if (asr.hasDurationSeconds()) {
            asrJson.put("duration_seconds", asr.getDurationSeconds());
        } else {
            asrJson.putNull("duration_seconds");
        }
        asrJson.put("latency_ms", asr.getLatencyMs());
        asrJson.put("provider", asr.getProvider());
        ObjectNode chatJson = stats.putObject("chat");
        chatJson.put("latency_ms", chat.getLatencyMs());
        chatJson.put("tokens", chat.getTokens());
        if (chat.hasTtftMs()) {
            chatJson.put("ttft_ms", chat.getTtftMs());
        } else {
            chatJson.putNull("ttft_ms");
        }
        stats.put("total_latency_ms", Math.round((asr.getLatencyMs() + chat.getLatencyMs()) * 10) / 10.0);
        return stats;
    }

    private static AsrFailedException failure(Status status) {
        String description = status.getDescription() == null ? "" : status.getDescription();
        if (status.getCode() == Status.Code.UNAVAILABLE && status.getCause() instanceof ConnectException
                || status.getCode() == Status.Code.DEADLINE_EXCEEDED) {
            return new AsrFailedException(502, "dialog_engine_unavailable", "The dialog service is not reachable.");
        }
        int http = switch (status.getCode()) {
            case INVALID_ARGUMENT -> 400;
            case RESOURCE_EXHAUSTED -> 413;
            case FAILED_PRECONDITION, UNAVAILABLE, UNIMPLEMENTED -> 503;
            default -> 502;
        };
        return new AsrFailedException(http, "dialog_engine_error", description);
    }
}
