package dev.freeagent.vtuber.dialog.chat;

import java.util.List;

import dev.freeagent.vtuber.dialog.DialogException;
import dev.freeagent.vtuber.dialog.asr.AsrException;
import dev.freeagent.vtuber.dialog.audio.AudioException;
import dev.freeagent.vtuber.dialog.turn.ImageException;
import dev.freeagent.vtuber.dialog.turn.InvalidTurnException;
import dev.freeagent.vtuber.dialog.turn.ModelTimeoutException;
import dev.freeagent.vtuber.dialog.turn.ModelUnavailableException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * Every failure of a voice or image turn, mapped once to gRPC ({@link GrpcStatuses}) and once to HTTP
 * ({@link HttpFailure}): the contract's fixed details where it has them, our sentence where it has none.
 */
class FailureMappingTest {
    private static final String SENTENCE = "A sentence of ours.";

    /**
     * One row: a failure, its gRPC status and description, its HTTP status and detail.
     */
    private record Row(DialogException failure, Status.Code grpc, String description, int http, String detail) {
    }

    private static AudioException audio(AudioException.Kind kind) {
        return new AudioException(kind, SENTENCE, null);
    }

    private static AsrException asr(AsrException.Kind kind) {
        return new AsrException(kind, SENTENCE, null);
    }

    private static final List<Row> TABLE = List.of(
            new Row(audio(AudioException.Kind.AUDIO_REQUIRED), Status.Code.INVALID_ARGUMENT, "audio required",
                    400, "audio required"),
            new Row(audio(AudioException.Kind.UNSUPPORTED_AUDIO), Status.Code.INVALID_ARGUMENT, "unsupported audio",
                    400, "unsupported audio"),
            new Row(audio(AudioException.Kind.PAYLOAD_TOO_LARGE), Status.Code.RESOURCE_EXHAUSTED,
                    "audio payload too large", 413, "audio payload too large"),
            new Row(audio(AudioException.Kind.AUDIO_TOO_LONG), Status.Code.RESOURCE_EXHAUSTED,
                    "audio payload too large", 413, "audio payload too large"),
            new Row(audio(AudioException.Kind.UNAVAILABLE), Status.Code.UNAVAILABLE, SENTENCE, 503, SENTENCE),
            new Row(audio(AudioException.Kind.TIMED_OUT), Status.Code.DEADLINE_EXCEEDED, SENTENCE, 503, SENTENCE),
            new Row(asr(AsrException.Kind.DISABLED), Status.Code.FAILED_PRECONDITION, "audio input disabled",
                    503, "audio input disabled"),
            new Row(asr(AsrException.Kind.UNSUPPORTED_LANGUAGE), Status.Code.INVALID_ARGUMENT, SENTENCE, 400, SENTENCE),
            new Row(asr(AsrException.Kind.UNAVAILABLE), Status.Code.UNAVAILABLE, SENTENCE, 503, SENTENCE),
            new Row(asr(AsrException.Kind.TIMED_OUT), Status.Code.DEADLINE_EXCEEDED, SENTENCE, 503, SENTENCE),
            new Row(asr(AsrException.Kind.FAILED), Status.Code.INTERNAL, "asr_failed", 502, "asr_failed"),
            new Row(asr(AsrException.Kind.NOTHING_HEARD), Status.Code.INTERNAL, "empty transcript",
                    502, "empty transcript"),
            new Row(new ImageException(ImageException.Kind.IMAGE_REQUIRED, SENTENCE), Status.Code.INVALID_ARGUMENT,
                    "image required", 400, "image required"),
            new Row(new ImageException(ImageException.Kind.PAYLOAD_TOO_LARGE, SENTENCE),
                    Status.Code.RESOURCE_EXHAUSTED, "image payload too large", 413, "image payload too large"),
            new Row(new InvalidTurnException("invalid audio encoding"), Status.Code.INVALID_ARGUMENT,
                    "invalid audio encoding", 400, "invalid audio encoding"),
            new Row(new ModelUnavailableException(SENTENCE, null), Status.Code.UNAVAILABLE, SENTENCE,
                    502, "chat_failed"),
            new Row(new ModelTimeoutException(SENTENCE), Status.Code.DEADLINE_EXCEEDED, SENTENCE, 502, "chat_failed"));

    @Test
    void everyFailureHasItsStatusAndWords() {
        assertThat(TABLE.size(), is(AudioException.Kind.values().length + AsrException.Kind.values().length
                + ImageException.Kind.values().length + 3));
        for (Row row : TABLE) {
            StatusRuntimeException grpc = GrpcStatuses.of(row.failure());
            String name = "row " + TABLE.indexOf(row) + " " + row.failure().getClass().getSimpleName();
            assertThat(name, grpc.getStatus().getCode(), is(row.grpc()));
            assertThat(name, grpc.getStatus().getDescription(), is(row.description()));
            HttpFailure http = HttpFailure.of(row.failure(), "chat_failed");
            assertThat(name, http.status().code(), is(row.http()));
            assertThat(name, http.detail(), is(row.detail()));
        }
    }
}
