package dev.freeagent.vtuber.dialog.asr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import dev.freeagent.vtuber.dialog.asr.AsrException.Kind;
import dev.freeagent.vtuber.dialog.audio.BoundedProcess;
import dev.freeagent.vtuber.dialog.audio.PcmAudio;
import dev.freeagent.vtuber.dialog.audio.WavWriter;
import dev.freeagent.vtuber.dialog.turn.Cancellation;
import dev.freeagent.vtuber.dialog.turn.TurnCancelledException;

/**
 * Offline English recognition with pocketsphinx ({@code pocketsphinx_continuous}), one process per recording.
 * The recording is written as a WAV file into a private folder (owner-only) that is deleted afterwards whatever
 * happens. Each line the program prints is one utterance and becomes a non-final partial; the transcript joins
 * them. Thread-safe.
 */
public final class PocketsphinxAsr implements AsrProvider {
    private static final System.Logger LOG = System.getLogger(PocketsphinxAsr.class.getName());
    private static final int SAMPLE_RATE = 16_000;

    private final PocketsphinxSettings settings;
    private final Duration timeout;

    /**
     * Creates the provider.
     *
     * @param settings the program and its model
     * @param timeout the longest one recognition may take
     */
    public PocketsphinxAsr(PocketsphinxSettings settings, Duration timeout) {
        this.settings = settings;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "pocketsphinx";
    }

    @Override
    public Transcript transcribe(PcmAudio audio, String lang, Cancellation cancellation) {
        SpokenLanguage language = SpokenLanguage.of(lang);
        if (!language.isEmpty() && !language.code().equals("en")) {
            throw new AsrException(Kind.UNSUPPORTED_LANGUAGE, "Offline speech recognition understands English "
                    + "only, so speech in \"" + lang.strip() + "\" cannot be transcribed.", null);
        }
        if (audio.sampleRate() != SAMPLE_RATE || audio.channels() != 1) {
            throw new IllegalArgumentException("pocketsphinx needs 16 kHz mono audio, got " + audio.sampleRate()
                    + " Hz with " + audio.channels() + " channels");
        }
        requireModel();
        cancellation.throwIfCancelled();
        Path folder = privateFolder();
        try {
            Path wav = folder.resolve("speech.wav");
            write(audio, wav);
            List<String> utterances = recognise(wav, cancellation);
            List<Transcript.Partial> partials = utterances.stream().map(Transcript.Partial::interim).toList();
            return Transcript.of(String.join(" ", utterances), partials, Optional.of(name()),
                    OptionalDouble.of(audio.durationSeconds()));
        } finally {
            delete(folder);
        }
    }

    private List<String> recognise(Path wav, Cancellation cancellation) {
        List<String> command = List.of(settings.binary(), "-infile", wav.toString(),
                "-hmm", settings.hmm().toString(), "-lm", settings.lm().toString(),
                "-dict", settings.dict().toString(), "-logfn", "/dev/null");
        BoundedProcess process;
        try {
            process = BoundedProcess.start(command, new byte[0], timeout, cancellation);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot run " + settings.binary() + ": " + e.getMessage());
            throw new AsrException(Kind.UNAVAILABLE, "Offline speech recognition is unavailable because "
                    + "pocketsphinx is not installed on the server.", e);
        }
        try (process) {
            List<String> utterances = readUtterances(process);
            int exit = process.awaitExit();
            if (process.cancelled()) {
                throw new TurnCancelledException(null);
            }
            if (exit != 0) {
                throw failure(process, exit);
            }
            return utterances;
        }
    }

    private static List<String> readUtterances(BoundedProcess process) {
        List<String> utterances = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.stdout(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    utterances.add(line.strip());
                }
            }
        } catch (IOException e) {
            // Killed by the deadline or the cancellation (the stream was closed); the exit status tells.
            LOG.log(Level.DEBUG, "pocketsphinx output ended early", e);
        }
        return utterances;
    }

    private AsrException failure(BoundedProcess process, int exit) {
        if (process.timedOut()) {
            return AsrException.timedOut("Offline speech recognition", timeout);
        }
        LOG.log(Level.WARNING, "pocketsphinx exited with " + exit + ": " + process.diagnostics());
        return new AsrException(Kind.FAILED, "Offline speech recognition failed.", null);
    }

    private void requireModel() {
        for (Path file : List.of(settings.hmm(), settings.lm(), settings.dict())) {
            if (!Files.isReadable(file)) {
                LOG.log(Level.WARNING, "the pocketsphinx model file " + file + " is missing");
                throw new AsrException(Kind.UNAVAILABLE, "Offline speech recognition is unavailable because its "
                        + "English model is not installed on the server.", null);
            }
        }
    }

    private Path privateFolder() {
        try {
            // On POSIX systems createTempDirectory makes the folder readable by its owner only.
            return settings.workDir().isPresent()
                    ? Files.createTempDirectory(settings.workDir().get(), "asr-")
                    : Files.createTempDirectory("vtuber-asr-");
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot create a folder for pocketsphinx: " + e.getMessage());
            throw new AsrException(Kind.UNAVAILABLE, "Offline speech recognition is unavailable because the "
                    + "server cannot store the recording.", e);
        }
    }

    private static void write(PcmAudio audio, Path wav) {
        try (OutputStream out = Files.newOutputStream(wav)) {
            WavWriter.write(audio, out);
        } catch (IOException e) {
            throw new AsrException(Kind.UNAVAILABLE, "Offline speech recognition is unavailable because the "
                    + "server cannot store the recording.", e);
        }
    }

    private static void delete(Path folder) {
        try (var entries = Files.list(folder)) {
            for (Path entry : entries.toList()) {
                Files.deleteIfExists(entry);
            }
            Files.deleteIfExists(folder);
        } catch (IOException | UncheckedIOException e) {
            LOG.log(Level.WARNING, "cannot delete " + folder + ": " + e.getMessage());
        }
    }
}
