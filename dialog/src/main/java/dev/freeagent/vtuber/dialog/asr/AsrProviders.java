package dev.freeagent.vtuber.dialog.asr;

import java.lang.System.Logger.Level;

/**
 * Builds the recogniser {@code dialog.asr.provider} names. A provider that is named but cannot work is built as an
 * {@link UnavailableAsr} that says why; it never turns into the mock.
 */
public final class AsrProviders {
    private static final System.Logger LOG = System.getLogger(AsrProviders.class.getName());

    private AsrProviders() {
    }

    /**
     * Builds the configured provider.
     *
     * @param settings the {@code dialog.asr} settings
     * @return the provider; close it when the service stops
     */
    public static AsrProvider create(AsrSettings settings) {
        AsrProvider provider = switch (settings.provider()) {
            case "mock", "fake" -> new MockAsr();
            case "pocketsphinx" -> new PocketsphinxAsr(settings.pocketsphinx(), settings.timeout());
            case "openai" -> openAi(settings);
            case "whisper", "faster-whisper" -> whisper(settings);
            default -> throw new IllegalArgumentException("unknown dialog.asr.provider " + settings.provider());
        };
        if (provider instanceof UnavailableAsr unavailable) {
            LOG.log(Level.WARNING, unavailable.reason());
        } else {
            LOG.log(Level.INFO, "speech recognition: " + provider.name());
        }
        return provider;
    }

    private static AsrProvider openAi(AsrSettings settings) {
        OpenAiAsrSettings openai = settings.openai();
        if (openai.apiKey().isEmpty() && openai.baseUrl().isEmpty()) {
            return new UnavailableAsr("openai", "Speech recognition is unavailable because the openai provider "
                    + "has neither ASR_OPENAI_API_KEY nor ASR_OPENAI_BASE_URL.");
        }
        return new OpenAiAsr("openai", openai, settings.timeout());
    }

    private static AsrProvider whisper(AsrSettings settings) {
        if (settings.openai().baseUrl().isEmpty()) {
            return new UnavailableAsr(settings.provider(), "Speech recognition is unavailable because the "
                    + settings.provider() + " provider needs the address of a Whisper server in "
                    + "ASR_OPENAI_BASE_URL.");
        }
        return new OpenAiAsr("whisper", settings.openai(), settings.timeout());
    }
}
