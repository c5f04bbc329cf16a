package dev.freeagent.vtuber.dialog.chat;

import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.dialog.DialogException;
import dev.freeagent.vtuber.dialog.asr.AsrException;
import dev.freeagent.vtuber.dialog.audio.AudioException;
import dev.freeagent.vtuber.dialog.turn.ImageException;
import dev.freeagent.vtuber.dialog.turn.InvalidTurnException;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/**
 * The one place where dialog failures become HTTP answers of the voice and image routes (contract §5.4, §5.10):
 * a status and a JSON body {@code {"detail": "..."}}, with the contract's fixed details where it has them and our
 * sentence where it has none (an unavailable recogniser or decoder, an unsupported language).
 *
 * @param status the HTTP status
 * @param detail the {@code detail} text
 */
record HttpFailure(Status status, String detail) {
    /**
     * The answer to a failure.
     *
     * @param failure what failed
     * @param turnFailed the detail when the reply itself failed ({@code chat_failed}, {@code vision_failed})
     * @return the answer
     */
    static HttpFailure of(DialogException failure, String turnFailed) {
        return switch (failure) {
            case InvalidTurnException e -> new HttpFailure(Status.BAD_REQUEST_400, e.getMessage());
            case AudioException e -> audio(e);
            case AsrException e -> recognition(e);
            case ImageException e -> switch (e.kind()) {
                case IMAGE_REQUIRED -> new HttpFailure(Status.BAD_REQUEST_400, "image required");
                case PAYLOAD_TOO_LARGE -> new HttpFailure(Status.REQUEST_ENTITY_TOO_LARGE_413, "image payload too large");
            };
            default -> new HttpFailure(Status.BAD_GATEWAY_502, turnFailed);
        };
    }

    private static HttpFailure audio(AudioException failure) {
        return switch (failure.kind()) {
            case AUDIO_REQUIRED -> new HttpFailure(Status.BAD_REQUEST_400, "audio required");
            case UNSUPPORTED_AUDIO -> new HttpFailure(Status.BAD_REQUEST_400, "unsupported audio");
            case PAYLOAD_TOO_LARGE, AUDIO_TOO_LONG ->
                    new HttpFailure(Status.REQUEST_ENTITY_TOO_LARGE_413, "audio payload too large");
            case UNAVAILABLE, TIMED_OUT -> new HttpFailure(Status.SERVICE_UNAVAILABLE_503, failure.getMessage());
        };
    }

    private static HttpFailure recognition(AsrException failure) {
        return switch (failure.kind()) {
            case DISABLED -> new HttpFailure(Status.SERVICE_UNAVAILABLE_503, "audio input disabled");
            case UNSUPPORTED_LANGUAGE -> new HttpFailure(Status.BAD_REQUEST_400, failure.getMessage());
            case UNAVAILABLE, TIMED_OUT -> new HttpFailure(Status.SERVICE_UNAVAILABLE_503, failure.getMessage());
            case FAILED -> new HttpFailure(Status.BAD_GATEWAY_502, "asr_failed");
            case NOTHING_HEARD -> new HttpFailure(Status.BAD_GATEWAY_502, "empty transcript");
        };
    }

    /**
     * Sends the answer.
     *
     * @param response the response, not yet sent
     */
    void send(ServerResponse response) {
        response.status(status).header(HeaderNames.CONTENT_TYPE, "application/json")
                .send(Json.write(Json.object().put("detail", detail)));
    }
}
