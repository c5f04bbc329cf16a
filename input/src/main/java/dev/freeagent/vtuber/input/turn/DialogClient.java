package dev.freeagent.vtuber.input.turn;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.freeagent.vtuber.proto.dialog.v1.AudioInput;
import dev.freeagent.vtuber.proto.dialog.v1.ChatDone;
import dev.freeagent.vtuber.proto.dialog.v1.ChatEvent;
import dev.freeagent.vtuber.proto.dialog.v1.ChatRequest;
import dev.freeagent.vtuber.proto.dialog.v1.DialogServiceGrpc;
import dev.freeagent.vtuber.proto.dialog.v1.ImageInput;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.grpc.Channel;
import io.grpc.Deadline;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * The call into dialog ({@code DialogService.Chat}): maps a task to a {@link ChatRequest}, collects the
 * deltas and the {@code done} event, and turns a failed call into the sentence to publish: dialog's own
 * status description, or ours when dialog could not be reached or missed the deadline (contract §14.13:
 * never a library message).
 *
 * <p>Thread-safe; the channel is shared and owned by the caller.
 */
public final class DialogClient implements Dialog {
    // The codes dialog documents for its own failures; their descriptions are sentences for the user.
    private static final Set<Status.Code> DIALOG_CODES = Set.of(Status.Code.INVALID_ARGUMENT,
            Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED, Status.Code.UNIMPLEMENTED,
            Status.Code.RESOURCE_EXHAUSTED, Status.Code.FAILED_PRECONDITION);

    private final DialogServiceGrpc.DialogServiceBlockingStub stub;
    private final Duration timeout;

    /**
     * Creates the client.
     *
     * @param channel a channel to dialog (shared, not closed here)
     * @param timeout the deadline of one turn
     */
    public DialogClient(Channel channel, Duration timeout) {
        this.stub = DialogServiceGrpc.newBlockingStub(channel);
        this.timeout = timeout;
    }

    @Override
    public DialogReply answer(Task task, byte[] payload) {
        Deadline deadline = Deadline.after(timeout.toMillis(), TimeUnit.MILLISECONDS);
        StringBuilder text = new StringBuilder();
        ChatDone done = null;
        try {
            Iterator<ChatEvent> events = stub.withDeadline(deadline).chat(request(task, payload));
            while (events.hasNext()) {
                ChatEvent event = events.next();
                switch (event.getEventCase()) {
                case TEXT_DELTA -> text.append(event.getTextDelta().getContent());
                case DONE -> done = event.getDone();
                default -> {
                }
                }
            }
        } catch (StatusRuntimeException e) {
            throw new TurnFailure(sentence(e.getStatus(), deadline), e);
        }
        if (done == null) {
            throw new TurnFailure("The dialog service ended the turn without a reply.");
        }
        return reply(task, text.toString(), done);
    }

    private String sentence(Status status, Deadline deadline) {
        String description = status.getDescription();
        if (status.getCode() == Status.Code.DEADLINE_EXCEEDED && deadline.isExpired()) {
            return "The dialog service did not answer within " + timeout.toSeconds() + " s.";
        }
        // A status that came over the wire carries no cause; one made by the client library does.
        boolean fromDialog = status.getCause() == null && description != null && !description.isBlank();
        if (fromDialog && DIALOG_CODES.contains(status.getCode())) {
            return description;
        }
        if (status.getCode() == Status.Code.UNAVAILABLE) {
            return "The dialog service is not reachable.";
        }
        return "The dialog service failed to answer.";
    }

    private static DialogReply reply(Task task, String text, ChatDone done) {
        String transcript = task.mode() == InputMode.IMAGE && !done.getPrompt().isEmpty()
                ? done.getPrompt()
                : done.getTranscript();
        OptionalDouble ttft = done.getStats().hasTtftMs()
                ? OptionalDouble.of(done.getStats().getTtftMs())
                : OptionalDouble.empty();
        return new DialogReply(text, transcript, ttft, done.getStats().getTokens(), done.getPartialsList(),
                done.getSpoken());
    }

    private static ChatRequest request(Task task, byte[] payload) {
        ChatRequest.Builder request = ChatRequest.newBuilder()
                .setTaskId(task.taskId())
                .setConversationId(task.conversationId())
                .setUserId(task.userId())
                .setTurn(task.turn());
        if (task.hasMeta()) {
            request.setMeta(struct(task.meta()));
        }
        switch (task.mode()) {
        case TEXT -> request.setText(new String(payload, StandardCharsets.UTF_8));
        case AUDIO -> request.setAudio(AudioInput.newBuilder()
                .setData(ByteString.copyFrom(payload))
                .setContentType(task.mimeType())
                .setLang(task.meta().path("lang").isTextual() ? task.meta().path("lang").asText() : ""));
        case IMAGE -> request.setImage(ImageInput.newBuilder()
                .setData(ByteString.copyFrom(payload))
                .setMimeType(task.mimeType())
                .setPrompt(task.prompt()));
        default -> throw new IllegalStateException("unknown input mode " + task.mode());
        }
        return request.build();
    }

    private static Struct struct(JsonNode object) {
        Struct.Builder struct = Struct.newBuilder();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            struct.putFields(field.getKey(), value(field.getValue()));
        }
        return struct.build();
    }

    private static Value value(JsonNode node) {
        if (node.isObject()) {
            return Value.newBuilder().setStructValue(struct(node)).build();
        }
        if (node.isArray()) {
            ListValue.Builder list = ListValue.newBuilder();
            node.forEach(item -> list.addValues(value(item)));
            return Value.newBuilder().setListValue(list).build();
        }
        if (node.isNumber()) {
            return Value.newBuilder().setNumberValue(node.doubleValue()).build();
        }
        if (node.isBoolean()) {
            return Value.newBuilder().setBoolValue(node.booleanValue()).build();
        }
        if (node.isNull()) {
            return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
        }
        return Value.newBuilder().setStringValue(node.asText()).build();
    }
}
