package dev.freeagent.vtuber.dialog.asr;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import dev.freeagent.vtuber.common.config.ServiceConfig;
import dev.freeagent.vtuber.dialog.asr.AsrException.Kind;
import dev.freeagent.vtuber.dialog.audio.PcmAudio;
import dev.freeagent.vtuber.dialog.turn.Cancellation;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AsrProvidersTest {
    private static final PcmAudio SECOND = new PcmAudio(new byte[32_000], 16_000, 1);

    private static AsrSettings settings(String... keyValues) {
        Map<String, String> overrides = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            overrides.put("dialog.asr." + keyValues[i], keyValues[i + 1]);
        }
        return AsrSettings.from(ServiceConfig.load(overrides, "dialog.yaml").get("dialog.asr"));
    }

    @Test
    void theServiceDefaultsAreOfflineEnglishWithTheContractLimits() {
        AsrSettings settings = settings();
        assertThat(settings.enabled(), is(true));
        assertThat(settings.provider(), is("pocketsphinx"));
        assertThat(settings.defaultLang(), is(""));
        assertThat(settings.timeout(), is(Duration.ofSeconds(120)));
        assertThat(settings.decoder().maxBytes(), is(5_242_880L));
        assertThat(settings.decoder().maxDurationSeconds(), is(300.0));
        assertThat(settings.decoder().maxFrames(), is(4_800_000L));
        assertThat(settings.decoder().sampleRate(), is(16_000));
        assertThat(settings.decoder().channels(), is(1));
        assertThat(settings.decoder().ffmpeg(), is("ffmpeg"));
        assertThat(settings.decoder().timeout(), is(Duration.ofSeconds(30)));
        assertThat(settings.pocketsphinx().binary(), is("pocketsphinx_continuous"));
        assertThat(settings.openai().model(), is("whisper-1"));
        assertThat(settings.openai().endpoint().toString(), is("https://api.openai.com/v1/audio/transcriptions"));
        try (AsrProvider provider = AsrProviders.create(settings)) {
            assertThat(provider, instanceOf(PocketsphinxAsr.class));
        }
    }

    @Test
    void mockAndFakeAreTheContractMock() {
        for (String name : new String[] {"mock", "fake", " MOCK "}) {
            try (AsrProvider provider = AsrProviders.create(settings("provider", name))) {
                assertThat(provider, instanceOf(MockAsr.class));
            }
        }
    }

    @Test
    void openAiNeedsAKeyOrAServerAndOtherwiseSaysSo() {
        try (AsrProvider provider = AsrProviders.create(settings("provider", "openai",
                "openai.api-key", "sk-x"))) {
            assertThat(provider, instanceOf(OpenAiAsr.class));
            assertThat(provider.name(), is("openai"));
        }
        try (AsrProvider provider = AsrProviders.create(settings("provider", "openai"))) {
            assertThat(provider, instanceOf(UnavailableAsr.class));
            AsrException e = assertThrows(AsrException.class,
                    () -> provider.transcribe(SECOND, "en", new Cancellation()));
            assertThat(e.kind(), is(Kind.UNAVAILABLE));
            assertThat(e.getMessage(), containsString("ASR_OPENAI_API_KEY"));
        }
    }

    @Test
    void whisperWithoutAServerIsUnavailableAndNeverTheMock() {
        for (String name : new String[] {"whisper", "faster-whisper"}) {
            try (AsrProvider provider = AsrProviders.create(settings("provider", name))) {
                assertThat(provider, instanceOf(UnavailableAsr.class));
                assertThat(provider.name(), is(name));
                AsrException e = assertThrows(AsrException.class,
                        () -> provider.transcribe(SECOND, "en", new Cancellation()));
                assertThat(e.kind(), is(Kind.UNAVAILABLE));
                assertThat(e.getMessage(), containsString("ASR_OPENAI_BASE_URL"));
            }
        }
        try (AsrProvider provider = AsrProviders.create(settings("provider", "whisper",
                "openai.base-url", "http://127.0.0.1:9/v1"))) {
            assertThat(provider, instanceOf(OpenAiAsr.class));
            assertThat(provider.name(), is("whisper"));
        }
    }

    @Test
    void misconfigurationStopsTheServiceAtStartup() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> settings("provider", "vosk"));
        assertThat(unknown.getMessage(), containsString("dialog.asr.provider"));
        IllegalArgumentException rate = assertThrows(IllegalArgumentException.class,
                () -> settings("target-sample-rate", "8000"));
        assertThat(rate.getMessage(), containsString("16000 for pocketsphinx"));
        IllegalArgumentException stereo = assertThrows(IllegalArgumentException.class,
                () -> settings("target-channels", "2"));
        assertThat(stereo.getMessage(), containsString("dialog.asr.target-channels"));
        assertThat(settings("provider", "mock", "target-sample-rate", "8000").decoder().sampleRate(), is(8000));
    }
}
