package dev.freeagent.vtuber.input;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.freeagent.vtuber.common.config.ServiceConfig;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InputSettingsTest {

    @Test
    void defaultsComeFromInputYamlAndTheTempDirFollowsDataDir() {
        InputSettings settings = InputSettings.from(ServiceConfig.load(
                Map.of("data.dir", "/srv/vtuber", "input.dialog-url", "http://dialog:8100"), "input.yaml"));
        assertThat(settings.port(), is(8001));
        assertThat(settings.dialogUrl(), is("http://dialog:8100"));
        assertThat(settings.limits().maxBytes(), is(16_777_216));
        assertThat(settings.limits().maxChunks(), is(4096));
        assertThat(settings.dialogTimeout(), is(Duration.ofSeconds(60)));
        assertThat(settings.resultTtl(), is(Duration.ofSeconds(600)));
        assertThat(settings.tempDir(), is(Path.of("/srv/vtuber/tasks")));
    }

    @Test
    void rejectsAZeroDeadlineNamingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InputSettings.from(
                ServiceConfig.load(Map.of("input.dialog-timeout-seconds", "0"), "input.yaml")));
        assertThat(e.getMessage(), containsString("input.dialog-timeout-seconds"));
    }

    @Test
    void rejectsANonPositiveUploadLimitNamingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InputSettings.from(
                ServiceConfig.load(Map.of("input.max-upload-bytes", "-1"), "input.yaml")));
        assertThat(e.getMessage(), containsString("input.max-upload-bytes"));
    }
}
