package dev.freeagent.vtuber.dialog.tts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.freeagent.vtuber.common.config.ServiceConfig;
import dev.freeagent.vtuber.dialog.speech.SplitterSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.helidon.config.Config;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TtsProvidersTest {
    private static TtsProvider create(TtsSettings settings) {
        return TtsProviders.create(settings);
    }

    private static TtsSettings withEspeakBinary(String binary) {
        TtsSettings defaults = TtsSettings.defaults("espeak-ng");
        return new TtsSettings("espeak-ng", 4096, new EspeakSettings(binary, "en-us", "cmn-latn-pinyin", 175,
                Duration.ofSeconds(5)), defaults.freeTts(), defaults.openAi(), defaults.mock(), defaults.tone());
    }

    @Test
    void buildsTheNamedProvider() {
        try (TtsProvider mock = create(TtsSettings.defaults(" MOCK "));
             TtsProvider tone = create(TtsSettings.defaults("tone"));
             TtsProvider openAi = create(TtsSettings.defaults("openai"));
             TtsProvider espeakNg = create(TtsSettings.defaults("espeak-ng"));
             TtsProvider espeak = create(TtsSettings.defaults("espeak"));
             TtsProvider freeTts = create(TtsSettings.defaults("freetts"))) {
            assertThat(mock, instanceOf(MockSynthesizer.class));
            assertThat(tone, instanceOf(ToneSynthesizer.class));
            assertThat(openAi, instanceOf(OpenAiSpeechClient.class));
            assertThat(espeakNg, instanceOf(EspeakNgSynthesizer.class));
            assertThat(espeak.name(), is("espeak-ng"));
            assertThat(freeTts, instanceOf(FreeTtsSynthesizer.class));
        }
    }

    @Test
    void defaultsToEspeakNgAndReplacesEdgeTtsByTheLocalVoice() {
        try (TtsProvider unset = create(TtsSettings.defaults(""));
             TtsProvider edge = create(TtsSettings.defaults("edge-tts"))) {
            assertThat(unset.name(), is("espeak-ng"));
            assertThat(edge.name(), is("espeak-ng"));
        }
    }

    @Test
    void fallsBackToFreeTtsWhenEspeakNgIsMissing() {
        try (TtsProvider local = create(withEspeakBinary("/nonexistent/espeak-ng"))) {
            assertThat(local, instanceOf(FreeTtsSynthesizer.class));
        }
    }

    @Test
    void rejectsAnUnknownProviderAtStart() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> TtsSettings.defaults("bark"));
        assertThat(failure.getMessage(), is("dialog.tts.provider (SYNC_TTS_PROVIDER) must be one of espeak-ng, "
                + "espeak, freetts, openai, mock, tone, edge-tts; got 'bark'"));
    }

    @Test
    void findsProgramsOnThePathOnlyWhenExecutable(@TempDir Path dir) throws IOException {
        Path program = Files.writeString(dir.resolve("speaker"), "#!/bin/sh\n");
        assertThat(TtsProviders.executable("speaker", dir.toString()), is(false));
        program.toFile().setExecutable(true);
        assertThat(TtsProviders.executable("speaker", "/nonexistent:" + dir), is(true));
        assertThat(TtsProviders.executable(program.toString(), ""), is(true));
        assertThat(TtsProviders.executable(dir.toString(), ""), is(false));
        assertThat(TtsProviders.executable("espeak-ng", System.getenv("PATH")), is(true));
    }

    @Test
    void readsTheDefaultsOfDialogYaml() {
        Config config = ServiceConfig.load(Map.of(), "dialog.yaml");
        TtsSettings settings = TtsSettings.from(config.get("dialog.tts"));
        assertThat(settings.provider(), is("espeak-ng"));
        assertThat(settings.chunkBytes(), is(4096));
        assertThat(settings.espeak(), is(EspeakSettings.DEFAULTS));
        assertThat(settings.freeTts(), is(FreeTtsSettings.DEFAULTS));
        assertThat(settings.openAi(), is(OpenAiSpeechSettings.DEFAULTS));
        assertThat(settings.mock(), is(MockSettings.DEFAULTS));
        assertThat(settings.tone(), is(ToneSettings.DEFAULTS));
        assertThat(SplitterSettings.from(config.get("dialog.tts.splitter")), is(SplitterSettings.DEFAULTS));
    }

    @Test
    void usesEspeakNgWhenNoProviderIsConfigured() {
        assertThat(TtsSettings.from(Config.empty()).provider(), is("espeak-ng"));
    }

    @Test
    void readsOverridesFromConfiguration() {
        Config config = ServiceConfig.load(Map.of("dialog.tts.provider", "Tone", "dialog.tts.mock-chunk-count", "7",
                "dialog.tts.mock-chunk-delay-ms", "0", "dialog.tts.espeak.timeout-seconds", "2.5",
                "dialog.tts.openai.base-url", "http://127.0.0.1:9/v1/"), "dialog.yaml");
        TtsSettings settings = TtsSettings.from(config.get("dialog.tts"));
        assertThat(settings.provider(), is("tone"));
        assertThat(settings.mock(), is(new MockSettings(7, Duration.ZERO)));
        assertThat(settings.espeak().timeout(), is(Duration.ofMillis(2500)));
        assertThat(settings.openAi().endpoint().toString(), is("http://127.0.0.1:9/v1/audio/speech"));
    }
}
