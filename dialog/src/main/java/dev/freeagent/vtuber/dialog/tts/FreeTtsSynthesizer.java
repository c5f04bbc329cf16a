package dev.freeagent.vtuber.dialog.tts;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory;
import dev.freeagent.vtuber.dialog.turn.Cancellation;
import dev.freeagent.vtuber.dialog.turn.Watchdog;

/**
 * Speaks English in process with FreeTTS's kevin16 voice: the fallback when espeak-ng is not installed. The voice
 * writes 16 kHz 16-bit mono as it synthesises; {@link FreeTtsAudioPlayer} turns it into little-endian chunks. A
 * FreeTTS voice speaks one sentence at a time, so the provider keeps up to {@code max-voices} of them (the first
 * loaded at start, so a broken install fails at once) and a sentence waits for a free one. Cancelling makes the
 * voice abandon the sentence at its next write. FreeTTS reads English only: text without Latin letters or digits
 * (Chinese) is not spoken, with a warning. Thread-safe; close it to unload the voices.
 */
public final class FreeTtsSynthesizer implements TtsProvider {
    private static final System.Logger LOG = System.getLogger(FreeTtsSynthesizer.class.getName());
    private static final String VOICE = "kevin16";
    private static final long WAIT_SLICE_MS = 20;

    private final FreeTtsSettings settings;
    private final int chunkBytes;
    private final Semaphore permits;
    private final ConcurrentLinkedQueue<Speaker> idle = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean warnedNotEnglish = new AtomicBoolean();

    /**
     * Loads the first voice.
     *
     * @param settings how many voices and the timeout
     * @param chunkBytes the largest chunk handed to a sink
     * @throws TtsException when the voice cannot be loaded
     */
    public FreeTtsSynthesizer(FreeTtsSettings settings, int chunkBytes) {
        this.settings = settings;
        this.chunkBytes = chunkBytes;
        this.permits = new Semaphore(settings.maxVoices());
        idle.add(Speaker.load());
    }

    @Override
    public String name() {
        return "freetts";
    }

    @Override
    public void speak(String sentence, String lang, Cancellation cancellation, PcmSink sink) {
        if (sentence.codePoints().noneMatch(c -> c < 0x250 && Character.isLetterOrDigit(c))) {
            if (warnedNotEnglish.compareAndSet(false, true)) {
                LOG.log(Level.WARNING, "FreeTTS speaks English only; sentences without Latin letters or digits "
                        + "(Chinese) are not spoken. Install espeak-ng for Chinese.");
            }
            return;
        }
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        if (!acquire(deadline, cancellation)) {
            return;
        }
        Speaker speaker = idle.poll();
        try {
            if (speaker == null) {
                speaker = Speaker.load();
            }
            speak(speaker, sentence, deadline, cancellation, sink);
        } finally {
            if (speaker != null) {
                idle.add(speaker);
            }
            permits.release();
        }
    }

    private void speak(Speaker speaker, String sentence, long deadline, Cancellation cancellation, PcmSink sink) {
        GuardedSink guarded = new GuardedSink(sink, cancellation);
        boolean spoken;
        try (Watchdog ignored = Watchdog.start(Duration.ofNanos(deadline - System.nanoTime()),
                guarded::stop)) {
            speaker.player().attach(guarded, chunkBytes, () -> { });
            spoken = speaker.voice().speak(sentence);
        } catch (RuntimeException e) {
            throw new TtsException("FreeTTS failed to speak a sentence.", e);
        } finally {
            speaker.player().detach();
        }
        if (guarded.stopped()) {
            throw timeout();
        }
        if (!spoken && !cancellation.isCancelled()) {
            throw new TtsException("FreeTTS could not speak a sentence.", null);
        }
    }

    /**
     * Waits for a free voice. The wait is sliced so a cancellation ends it within a slice; it is rare, since a
     * sentence takes FreeTTS only tens of milliseconds.
     */
    private boolean acquire(long deadline, Cancellation cancellation) {
        try {
            while (!cancellation.isCancelled()) {
                if (permits.tryAcquire(WAIT_SLICE_MS, TimeUnit.MILLISECONDS)) {
                    return true;
                }
                if (System.nanoTime() > deadline) {
                    throw timeout();
                }
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private TtsException timeout() {
        return new TtsException("FreeTTS took longer than " + settings.timeout().toMillis() / 1000.0
                + " s to speak a sentence and was stopped.", null);
    }

    @Override
    public void close() {
        Speaker speaker;
        while ((speaker = idle.poll()) != null) {
            speaker.voice().deallocate();
        }
    }

    /** A loaded voice and the player it writes to. */
    private record Speaker(Voice voice, FreeTtsAudioPlayer player) {
        static Speaker load() {
            try {
                for (Voice voice : new KevinVoiceDirectory().getVoices()) {
                    if (VOICE.equals(voice.getName())) {
                        FreeTtsAudioPlayer player = new FreeTtsAudioPlayer();
                        voice.allocate();
                        voice.setAudioPlayer(player);
                        return new Speaker(voice, player);
                    }
                }
            } catch (RuntimeException e) {
                throw new TtsException("FreeTTS could not load its " + VOICE + " voice.", e);
            }
            throw new TtsException("FreeTTS has no " + VOICE + " voice in this build.", null);
        }
    }
}
