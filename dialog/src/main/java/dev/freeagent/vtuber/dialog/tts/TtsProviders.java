package dev.freeagent.vtuber.dialog.tts;

import java.io.File;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Builds the configured speech provider. {@code espeak-ng} (or {@code espeak}) is the default; when its program is
 * not found, FreeTTS speaks instead (English only), with a warning. {@code edge-tts} needs Microsoft's online
 * service, which this build does not call: it gets the local voice, with a warning.
 */
public final class TtsProviders {
    private static final System.Logger LOG = System.getLogger(TtsProviders.class.getName());

    private TtsProviders() {
    }

    /**
     * Builds the provider named by {@code dialog.tts.provider}.
     *
     * @param settings the {@code dialog.tts} settings
     * @return the provider; the caller closes it
     * @throws TtsException when a provider cannot be loaded (FreeTTS's voice)
     */
    public static TtsProvider create(TtsSettings settings) {
        return switch (settings.provider()) {
            case "espeak-ng", "espeak" -> local(settings);
            case "freetts" -> new FreeTtsSynthesizer(settings.freeTts(), settings.chunkBytes());
            case "openai" -> new OpenAiSpeechClient(settings.openAi(), settings.chunkBytes());
            case "mock" -> new MockSynthesizer(settings.mock());
            case "tone" -> new ToneSynthesizer(settings.tone());
            case "edge-tts" -> {
                LOG.log(Level.WARNING, "SYNC_TTS_PROVIDER=edge-tts needs Microsoft's online service, which this build "
                        + "does not call; speaking with the local voice instead.");
                yield local(settings);
            }
            default -> throw new IllegalStateException("TtsSettings admitted an unknown provider " + settings.provider());
        };
    }

    /**
     * espeak-ng when its program can be found, else FreeTTS.
     */
    private static TtsProvider local(TtsSettings settings) {
        String binary = settings.espeak().binary();
        if (executable(binary, System.getenv().getOrDefault("PATH", ""))) {
            return new EspeakNgSynthesizer(settings.espeak(), settings.chunkBytes());
        }
        LOG.log(Level.WARNING, "espeak-ng was not found at '" + binary + "' (dialog.tts.espeak.binary, looked up on "
                + "PATH); speaking with FreeTTS instead, which speaks English only. Install the Debian package "
                + "espeak-ng for Chinese.");
        return new FreeTtsSynthesizer(settings.freeTts(), settings.chunkBytes());
    }

    /**
     * Whether a program can be run: a path to an executable file, or a name found in one of the PATH folders.
     */
    static boolean executable(String binary, String path) {
        if (binary.contains(File.separator)) {
            return runnable(Path.of(binary));
        }
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(folder -> !folder.isBlank())
                .anyMatch(folder -> runnable(Path.of(folder, binary)));
    }

    private static boolean runnable(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }
}
