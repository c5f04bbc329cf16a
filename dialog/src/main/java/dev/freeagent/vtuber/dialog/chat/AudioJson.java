package dev.freeagent.vtuber.dialog.chat;

import java.util.OptionalDouble;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.dialog.asr.Transcript;
import dev.freeagent.vtuber.dialog.turn.RecognitionStats;
import dev.freeagent.vtuber.dialog.turn.TurnResult;
import dev.freeagent.vtuber.dialog.turn.TurnStats;

/**
 * The JSON shapes of the voice routes (contract §5.4), keys in the contract's order.
 */
final class AudioJson {
    private AudioJson() {
    }

    /**
     * The answer of {@code /chat/audio}, or (without partials) the {@code done} event of {@code /chat/audio/stream}.
     *
     * @param sessionId the session
     * @param transcript what was heard
     * @param recognition how it was heard
     * @param result the turn
     * @param withPartials whether to add {@code partials}
     * @return {@code {"sessionId","transcript","reply","stats"[,"partials"]}}
     */
    static ObjectNode reply(String sessionId, Transcript transcript, RecognitionStats recognition, TurnResult result,
                            boolean withPartials) {
        ObjectNode json = Json.object();
        json.put("sessionId", sessionId);
        json.put("transcript", transcript.text());
        json.put("reply", result.reply());
        json.set("stats", stats(recognition, result.stats()));
        if (withPartials) {
            ArrayNode partials = json.putArray("partials");
            transcript.partials().forEach(partial -> partials.add(partial.text()));
        }
        return json;
    }

    /**
     * One partial as {@code asr-partial}/{@code asr-final} data.
     *
     * @param partial the partial
     * @return {@code {"text"[,"confidence"]}}
     */
    static ObjectNode partial(Transcript.Partial partial) {
        ObjectNode json = Json.object().put("text", partial.text());
        partial.confidence().ifPresent(confidence -> json.put("confidence", confidence));
        return json;
    }

    private static ObjectNode stats(RecognitionStats recognition, TurnStats chat) {
        ObjectNode stats = Json.object();
        ObjectNode asr = stats.putObject("asr");
        asr.put("provider", recognition.provider());
        asr.put("latency_ms", recognition.latencyMs());
        number(asr, "duration_seconds", recognition.durationSeconds());
        ObjectNode chatJson = stats.putObject("chat");
        number(chatJson, "ttft_ms", chat.ttftMs());
        chatJson.put("tokens", chat.tokens());
        chatJson.put("latency_ms", chat.latencyMs());
        // from the start of recognition to the end of the reply; decoding excluded, as in the original
        stats.put("total_latency_ms", Math.round((recognition.latencyMs() + chat.latencyMs()) * 10) / 10.0);
        return stats;
    }

    private static void number(ObjectNode json, String key, OptionalDouble value) {
        if (value.isPresent()) {
            json.put(key, value.getAsDouble());
        } else {
            json.putNull(key);
        }
    }
}
