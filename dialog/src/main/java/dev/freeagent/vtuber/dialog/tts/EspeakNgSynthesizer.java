package dev.freeagent.vtuber.dialog.tts;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.freeagent.vtuber.dialog.turn.Cancellation;
import dev.freeagent.vtuber.dialog.turn.Watchdog;

/**
 * Speaks with espeak-ng, one process per sentence: {@code espeak-ng --stdout -v VOICE -s SPEED --stdin}, the text
 * written to its standard input (never part of a command line). espeak-ng streams a WAV whose 44-byte header is
 * dropped; the s16le mono 22 050 Hz samples behind it reach the sink chunk by chunk as they are read, the first
 * within milliseconds. Chinese (a {@code zh} hint, or any hanzi in the sentence) is handed over as tone-numbered
 * pinyin to the Mandarin voice, see {@link PinyinTranscriber}; everything else goes to the English voice.
 * Cancelling kills the process at once; a sentence that outlives {@code timeout-seconds} is killed too and fails.
 * Thread-safe.
 */
public final class EspeakNgSynthesizer implements TtsProvider {
    /** What espeak-ng writes after its header. */
    public static final PcmFormat FORMAT = PcmFormat.mono(22_050);
    private static final System.Logger LOG = System.getLogger(EspeakNgSynthesizer.class.getName());
    private static final int WAV_HEADER_BYTES = 44;
    private static final int STDERR_KEPT_BYTES = 1024;

    private final EspeakSettings settings;
    private final int chunkBytes;
    private final PinyinTranscriber pinyin = new PinyinTranscriber();

    /**
     * Creates the provider; nothing starts until the first sentence.
     *
     * @param settings the program, voices, speed and timeout
     * @param chunkBytes the largest chunk handed to a sink
     */
    public EspeakNgSynthesizer(EspeakSettings settings, int chunkBytes) {
        this.settings = settings;
        this.chunkBytes = chunkBytes;
    }

    @Override
    public String name() {
        return "espeak-ng";
    }

    @Override
    public void speak(String sentence, String lang, Cancellation cancellation, PcmSink sink) {
        boolean mandarin = mandarin(lang, sentence);
        String voice = mandarin ? settings.mandarinVoice() : settings.voice();
        String text = mandarin ? pinyin.transcribe(sentence) : sentence;
        if (cancellation.isCancelled() || text.isBlank()) {
            return;
        }
        Process process = start(voice);
        GuardedSink guarded = new GuardedSink(sink, cancellation);
        FutureTask<String> errors = new FutureTask<>(() -> keepStart(process.getErrorStream()));
        Thread.ofVirtual().name("espeak-ng-stderr").start(errors);
        Watchdog timer = Watchdog.start(settings.timeout(), () -> {
            guarded.stop();
            process.destroyForcibly();
        });
        try (timer; Cancellation.Registration ignored = cancellation.onCancel(process::destroyForcibly)) {
            write(process, text);
            stream(process, guarded);
            finish(process, guarded, cancellation, voice, errors);
        } finally {
            process.destroyForcibly();
        }
    }

    /**
     * Whether a sentence is spoken as Mandarin: it has hanzi, or the hint is Chinese and it has no Latin letters
     * (an all-English sentence in a Chinese reply is read by the English voice, not as pinyin).
     */
    static boolean mandarin(String lang, String sentence) {
        String hint = lang == null ? "" : lang.strip().toLowerCase(Locale.ROOT);
        boolean chinese = hint.startsWith("zh") || hint.startsWith("cmn");
        boolean latin = false;
        for (int i = 0; i < sentence.length(); ) {
            int codePoint = sentence.codePointAt(i);
            Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
            if (script == Character.UnicodeScript.HAN) {
                return true;
            }
            latin |= script == Character.UnicodeScript.LATIN;
            i += Character.charCount(codePoint);
        }
        return chinese && !latin;
    }

    private Process start(String voice) {
        List<String> command = List.of(settings.binary(), "--stdout", "-v", voice, "-s",
                Integer.toString(settings.speed()), "--stdin");
        try {
            return new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new TtsException("espeak-ng could not be started from '" + settings.binary()
                    + "'; install it (Debian package espeak-ng) or set dialog.tts.espeak.binary.", e);
        }
    }

    /** espeak-ng with --stdin reads all of its input before it speaks, so writing first cannot dead-lock. */
    private static void write(Process process, String text) {
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the process died (bad voice, killed): its exit code tells why
            LOG.log(Level.DEBUG, "espeak-ng did not take its input", e);
        }
    }

    private void stream(Process process, GuardedSink guarded) {
        try (InputStream stdout = process.getInputStream()) {
            stdout.skipNBytes(WAV_HEADER_BYTES);
            new PcmChunker(FORMAT, chunkBytes, guarded).pump(stdout, () -> { });
        } catch (IOException e) {
            // a killed process ends its output early; finish() tells a kill from a failure
            LOG.log(Level.DEBUG, "espeak-ng output ended early", e);
        }
    }

    private void finish(Process process, GuardedSink guarded, Cancellation cancellation, String voice,
                        FutureTask<String> errors) {
        int exit;
        try {
            exit = process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (cancellation.isCancelled()) {
            return;
        }
        if (guarded.stopped()) {
            throw new TtsException("espeak-ng took longer than " + settings.timeout().toMillis() / 1000.0
                    + " s to speak a sentence and was stopped.", null);
        }
        if (exit != 0) {
            LOG.log(Level.WARNING, "espeak-ng (voice " + voice + ") exited with " + exit + ": " + errorText(errors));
            throw new TtsException("espeak-ng failed to speak a sentence with voice '" + voice + "' (exit code "
                    + exit + ").", null);
        }
    }

    private static String errorText(FutureTask<String> errors) {
        try {
            return errors.get(1, TimeUnit.SECONDS).strip();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        } catch (ExecutionException | TimeoutException e) {
            return "";
        }
    }

    /** Keeps the start of the error output for the log and drains the rest, so espeak-ng never blocks on it. */
    private static String keepStart(InputStream stderr) throws IOException {
        try (stderr) {
            byte[] kept = stderr.readNBytes(STDERR_KEPT_BYTES);
            stderr.transferTo(OutputStream.nullOutputStream());
            return new String(kept, StandardCharsets.UTF_8);
        }
    }
}
