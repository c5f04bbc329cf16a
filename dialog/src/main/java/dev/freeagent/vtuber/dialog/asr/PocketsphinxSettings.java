package dev.freeagent.vtuber.dialog.asr;

import java.nio.file.Path;
import java.util.Optional;

import io.helidon.config.Config;

/**
 * Offline recognition settings, from {@code dialog.asr.pocketsphinx}. The defaults are where Debian's
 * {@code pocketsphinx} and {@code pocketsphinx-en-us} packages install the program and the model.
 *
 * @param binary {@code binary}: the program, a name looked up on PATH or a path
 * @param hmm {@code hmm}: the acoustic model folder
 * @param lm {@code lm}: the language model
 * @param dict {@code dict}: the pronunciation dictionary
 * @param workDir {@code work-dir}: where each recording's private folder is made; empty: the system's temp folder
 */
public record PocketsphinxSettings(String binary, Path hmm, Path lm, Path dict, Optional<Path> workDir) {
    private static final String MODEL = "/usr/share/pocketsphinx/model/en-us/";

    /**
     * Validates; every message names the key.
     */
    public PocketsphinxSettings {
        if (binary == null || binary.isBlank()) {
            throw new IllegalArgumentException("dialog.asr.pocketsphinx.binary must name the program");
        }
    }

    /**
     * Reads the settings.
     *
     * @param pocketsphinx the {@code dialog.asr.pocketsphinx} node
     * @return settings
     */
    public static PocketsphinxSettings from(Config pocketsphinx) {
        return new PocketsphinxSettings(
                pocketsphinx.get("binary").asString().orElse("pocketsphinx_continuous").trim(),
                path(pocketsphinx, "hmm", MODEL + "en-us"),
                path(pocketsphinx, "lm", MODEL + "en-us.lm.bin"),
                path(pocketsphinx, "dict", MODEL + "cmudict-en-us.dict"),
                pocketsphinx.get("work-dir").asString().map(String::trim).filter(s -> !s.isEmpty()).map(Path::of));
    }

    private static Path path(Config node, String key, String fallback) {
        String value = node.get(key).asString().orElse("").trim();
        return Path.of(value.isEmpty() ? fallback : value);
    }
}
