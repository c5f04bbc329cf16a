package dev.freeagent.vtuber.output.delivery;

import java.util.Optional;

import dev.freeagent.vtuber.common.json.Json;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * Contract §4.2, one rule per test.
 */
class TaskResponseTranslatorTest {
    private static String frame(String message) {
        return Json.write(TaskResponseTranslator.translate("t1", Json.parse(message)).frame());
    }

    @Test
    void missingStatusIsSuccessWithEveryKeyNullWhenAbsent() {
        assertThat(frame("{}"), is("{\"status\":\"success\",\"task_id\":\"t1\",\"content\":\"\",\"audio_present\":false,"
                + "\"transcript\":null,\"stats\":null,\"source\":null,\"input_mode\":null,\"partials\":null}"));
    }

    @Test
    void contentIsTextWhenTextIsAString() {
        assertThat(Json.parse(frame("{\"text\": \"\", \"reply\": \"r\"}")).get("content").asText(), is(""));
        assertThat(Json.parse(frame("{\"text\": 5, \"reply\": \"r\"}")).get("content").asText(), is("r"));
        assertThat(Json.parse(frame("{\"status\": \"SUCCESS\", \"text\": \"t\"}")).get("content").asText(), is("t"));
    }

    @Test
    void imageMetaIsDroppedOnSuccessAndPartialsKept() {
        assertThat(frame("{\"text\": \"a\", \"meta\": {\"x\": 1}, \"partials\": [\"p\"], \"input_mode\": \"image\"}"),
                   is("{\"status\":\"success\",\"task_id\":\"t1\",\"content\":\"a\",\"audio_present\":false,"
                      + "\"transcript\":null,\"stats\":null,\"source\":null,\"input_mode\":\"image\",\"partials\":[\"p\"]}"));
    }

    @Test
    void audioPresentFollowsTruthyAudioFields() {
        assertThat(Json.parse(frame("{\"audio\": \"x\"}")).get("audio_present").asBoolean(), is(true));
        assertThat(Json.parse(frame("{\"audio_file\": \"\"}")).get("audio_present").asBoolean(), is(false));
        assertThat(TaskResponseTranslator.translate("t1", Json.parse("{\"audio_file\": \"a.wav\"}")).audioFile(),
                   is(Optional.of("a.wav")));
    }

    @Test
    void errorKeepsItsTextSourceAndMeta() {
        assertThat(frame("{\"status\": \"error\", \"task_id\": \"x\", \"error\": \"boom\", \"source\": \"input\", \"meta\": null}"),
                   is("{\"status\":\"error\",\"task_id\":\"t1\",\"error\":\"boom\",\"source\":\"input\",\"meta\":null}"));
    }

    @Test
    void errorDefaultsWhenErrorAndSourceAreFalsy() {
        assertThat(frame("{\"status\": \"nope\", \"error\": null, \"source\": \"\"}"),
                   is("{\"status\":\"error\",\"task_id\":\"t1\",\"error\":\"dialog_engine_failed\",\"source\":\"dialog-engine\"}"));
    }
}
