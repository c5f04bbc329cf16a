package dev.freeagent.vtuber.dialog.asr;

import java.util.HashMap;
import java.util.Map;

import dev.freeagent.vtuber.dialog.turn.RecognitionStats;
import dev.freeagent.vtuber.dialog.turn.TurnInput;
import dev.freeagent.vtuber.dialog.turn.TurnRequest;

/**
 * One spoken turn as the edges hand it to the core: a recording instead of a text. The array is not copied; nobody
 * changes it after construction.
 *
 * @param taskId the upload or request this turn answers
 * @param conversationId whose short-term memory the turn reads and extends; blank means the task id
 * @param userId owner of the conversation; blank means anonymous
 * @param turn the client's turn number, 0 when unknown
 * @param meta the client's meta values that are strings; the recording's language becomes {@code lang} when the
 *             meta names none (contract §5.4), so the reply follows the language spoken
 * @param audio the recording as uploaded, in any format the decoder reads
 * @param lang the spoken language ({@code "en"}, {@code "zh-CN"}...), trimmed; empty: the configured default
 */
public record SpokenTurnRequest(String taskId, String conversationId, String userId, int turn,
                                Map<String, String> meta, byte[] audio, String lang) {
    /**
     * Normalises the language and the meta.
     */
    public SpokenTurnRequest {
        lang = lang == null ? "" : lang.strip();
        Map<String, String> values = new HashMap<>(meta == null ? Map.of() : meta);
        String metaLang = values.get("lang");
        if (!lang.isEmpty() && (metaLang == null || metaLang.isBlank())) {
            values.put("lang", lang);
        }
        meta = Map.copyOf(values);
    }

    /**
     * The language the reply should be in ({@code meta.lang}), for the voice.
     *
     * @return a language code, or empty
     */
    public String replyLang() {
        return meta.getOrDefault("lang", "").strip();
    }

    /**
     * The text turn the recording turned into.
     *
     * @param transcript what was heard, not blank
     * @param stats how the recognition went
     * @return the turn
     */
    TurnRequest heard(String transcript, RecognitionStats stats) {
        return new TurnRequest(taskId, conversationId, userId, turn, transcript, meta, new TurnInput.Spoken(stats));
    }
}
