package dev.freeagent.vtuber.dialog.asr;

import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.OptionalDouble;

import dev.freeagent.vtuber.dialog.asr.AsrException.Kind;
import dev.freeagent.vtuber.dialog.audio.AudioDecoder;
import dev.freeagent.vtuber.dialog.audio.AudioException;
import dev.freeagent.vtuber.dialog.audio.PcmAudio;
import dev.freeagent.vtuber.dialog.turn.Cancellation;
import dev.freeagent.vtuber.dialog.turn.ModelTimeoutException;
import dev.freeagent.vtuber.dialog.turn.ModelUnavailableException;
import dev.freeagent.vtuber.dialog.turn.RecognitionStats;
import dev.freeagent.vtuber.dialog.turn.TurnCancelledException;
import dev.freeagent.vtuber.dialog.turn.TurnListener;
import dev.freeagent.vtuber.dialog.turn.TurnResult;
import dev.freeagent.vtuber.dialog.turn.TurnRunner;
import dev.freeagent.vtuber.dialog.turn.TurnStats;

/**
 * Runs spoken turns (contract §5.4): decodes the recording, recognises it in the requested language (or the
 * configured default), tells the edge what was heard, then runs a normal turn whose text is the transcript, so it
 * is remembered, answered, spoken and recorded in the outbox like a typed one, plus its {@code AnalyticsAsrStats}.
 * Nothing is stored when decoding or recognition fails or nothing was heard. Both the HTTP and the gRPC edges call
 * this one class. Thread-safe.
 */
public final class SpokenTurns {
    private static final System.Logger LOG = System.getLogger(SpokenTurns.class.getName());

    private final boolean enabled;
    private final String defaultLang;
    private final AudioDecoder decoder;
    private final AsrProvider asr;
    private final TurnRunner runner;

    /**
     * Creates the runner of spoken turns.
     *
     * @param settings whether voice input is on, and the default language
     * @param decoder turns recordings into PCM
     * @param asr the recogniser (owned by the caller)
     * @param runner runs the turn once the recording is understood
     */
    public SpokenTurns(AsrSettings settings, AudioDecoder decoder, AsrProvider asr, TurnRunner runner) {
        this.enabled = settings.enabled();
        this.defaultLang = settings.defaultLang();
        this.decoder = decoder;
        this.asr = asr;
        this.runner = runner;
    }

    /**
     * The recogniser, for {@code /health}.
     *
     * @return its name, or empty when voice input is switched off
     */
    public Optional<String> provider() {
        return enabled ? Optional.of(asr.name()) : Optional.empty();
    }

    /**
     * Refuses at once when voice input is switched off, so an edge can answer before it reads the request.
     *
     * @throws AsrException of kind {@link Kind#DISABLED} when it is off
     */
    public void requireEnabled() {
        if (!enabled) {
            throw new AsrException(Kind.DISABLED, "Voice input is switched off on this server.", null);
        }
    }

    /**
     * Runs one spoken turn on the calling thread.
     *
     * @param request the turn
     * @param heard hears the transcript before the reply starts
     * @param reply receives the reply's deltas and the result
     * @param cancellation cancelled by the edge when its client goes away
     * @return the result, after the listener's {@code onDone} and the memory write
     * @throws AsrException when voice input is off, or recognition is unavailable, late, failed or heard nothing
     * @throws AudioException when the recording is missing, too large, too long or unreadable
     * @throws ModelUnavailableException when the model failed ({@link ModelTimeoutException} when it was silent)
     * @throws TurnCancelledException when the turn is cancelled
     */
    public TurnResult run(SpokenTurnRequest request, HeardListener heard, TurnListener reply,
                          Cancellation cancellation) {
        requireEnabled();
        long start = System.nanoTime();
        PcmAudio audio = decoder.decode(request.audio(), cancellation);
        long decoded = System.nanoTime();
        Transcript transcript = asr.transcribe(audio, request.lang().isEmpty() ? defaultLang : request.lang(),
                cancellation);
        long recognised = System.nanoTime();
        if (transcript.text().isBlank()) {
            throw new AsrException(Kind.NOTHING_HEARD, "No words were recognised in the recording.", null);
        }
        // the decoded length is known even when the recogniser reports none (the original left it null, §14.38)
        OptionalDouble duration = transcript.durationSeconds().isPresent() ? transcript.durationSeconds()
                : OptionalDouble.of(audio.durationSeconds());
        RecognitionStats stats = new RecognitionStats(transcript.provider().orElse(asr.name()),
                TurnStats.millis(recognised - decoded), duration, TurnStats.millis(decoded - start));
        LOG.log(Level.DEBUG, () -> "heard " + transcript.text().length() + " characters in " + stats.latencyMs()
                + " ms (" + stats.provider() + ")");
        try {
            heard.onHeard(transcript, stats);
        } catch (RuntimeException e) {
            cancellation.cancel();
            throw new TurnCancelledException(e);
        }
        return runner.run(request.heard(transcript.text(), stats), reply, cancellation);
    }
}
