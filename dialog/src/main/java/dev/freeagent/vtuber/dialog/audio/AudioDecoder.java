package dev.freeagent.vtuber.dialog.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import dev.freeagent.vtuber.dialog.audio.AudioException.Kind;
import dev.freeagent.vtuber.dialog.turn.Cancellation;
import dev.freeagent.vtuber.dialog.turn.TurnCancelledException;

/**
 * Decodes a recording in any format ffmpeg reads (WebM/Opus as MediaRecorder sends it, OGG/Opus, OGG/Vorbis, WAV,
 * MP3, FLAC, MP4/AAC...) into mono 16-bit PCM at the configured rate. The format is sniffed from the bytes; a
 * declared content type is not needed.
 *
 * <p>The bytes go to ffmpeg's standard input, never through a file or a name the client chose, and ffmpeg may open
 * nothing but that pipe, so a playlist or concat script in the upload cannot make it read files or URLs. Output
 * is read only up to the duration limit: one frame more and ffmpeg is killed at once. Thread-safe.
 */
public final class AudioDecoder {
    private static final System.Logger LOG = System.getLogger(AudioDecoder.class.getName());
    private static final int MIB = 1024 * 1024;

    private final DecoderSettings settings;
    private final List<String> command;

    /**
     * Creates the decoder.
     *
     * @param settings the program, limits and target format
     */
    public AudioDecoder(DecoderSettings settings) {
        this.settings = settings;
        this.command = List.of(settings.ffmpeg(), "-hide_banner", "-loglevel", "error",
                "-protocol_whitelist", "pipe", "-i", "pipe:0",
                "-f", "s16le", "-ac", Integer.toString(settings.channels()),
                "-ar", Integer.toString(settings.sampleRate()), "pipe:1");
    }

    /**
     * Decodes a recording on the calling thread.
     *
     * @param encoded the recording as received
     * @param cancellation kills the decoder when cancelled
     * @return the PCM, never empty
     * @throws AudioException when the recording is missing, too large, too long or unreadable, or the decoder is
     *                        missing, broke or ran out of time
     * @throws TurnCancelledException when cancelled
     */
    public PcmAudio decode(byte[] encoded, Cancellation cancellation) {
        if (encoded == null || encoded.length == 0) {
            throw new AudioException(Kind.AUDIO_REQUIRED, "Audio is required.", null);
        }
        if (encoded.length > settings.maxBytes()) {
            throw new AudioException(Kind.PAYLOAD_TOO_LARGE,
                    "The recording is larger than the limit of " + size(settings.maxBytes()) + ".", null);
        }
        try (BoundedProcess ffmpeg = start(encoded, cancellation)) {
            byte[] pcm = readWithinLimit(ffmpeg);
            int exit = ffmpeg.awaitExit();
            if (ffmpeg.cancelled()) {
                throw new TurnCancelledException(null);
            }
            if (exit != 0) {
                throw failure(ffmpeg, exit);
            }
            int whole = pcm.length - pcm.length % PcmAudio.frameSize(settings.channels());
            if (whole == 0) {
                throw new AudioException(Kind.AUDIO_REQUIRED, "The recording contains no audio.", null);
            }
            return new PcmAudio(whole == pcm.length ? pcm : Arrays.copyOf(pcm, whole), settings.sampleRate(),
                    settings.channels());
        }
    }

    private BoundedProcess start(byte[] encoded, Cancellation cancellation) {
        try {
            return BoundedProcess.start(command, encoded, settings.timeout(), cancellation);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot run the audio decoder " + settings.ffmpeg() + ": " + e.getMessage());
            throw new AudioException(Kind.UNAVAILABLE, "Voice input is unavailable because the audio decoder "
                    + "(ffmpeg) is not installed on the server.", e);
        }
    }

    private byte[] readWithinLimit(BoundedProcess ffmpeg) {
        long limit = settings.maxFrames() * PcmAudio.frameSize(settings.channels());
        ByteArrayOutputStream pcm = new ByteArrayOutputStream(64 * 1024);
        byte[] buffer = new byte[64 * 1024];
        try (InputStream out = ffmpeg.stdout()) {
            int read;
            while ((read = out.read(buffer)) != -1) {
                if (pcm.size() + (long) read > limit) {
                    ffmpeg.kill();
                    throw new AudioException(Kind.AUDIO_TOO_LONG, "The recording is longer than the limit of "
                            + seconds(settings.maxDurationSeconds()) + ".", null);
                }
                pcm.write(buffer, 0, read);
            }
        } catch (IOException e) {
            if (!ffmpeg.cancelled() && !ffmpeg.timedOut()) {
                throw new AudioException(Kind.UNAVAILABLE, "The audio decoder broke off.", e);
            }
        }
        return pcm.toByteArray();
    }

    private AudioException failure(BoundedProcess ffmpeg, int exit) {
        if (ffmpeg.timedOut()) {
            return new AudioException(Kind.TIMED_OUT, "Decoding the recording took longer than "
                    + seconds(settings.timeout().toMillis() / 1000.0) + ".", null);
        }
        LOG.log(Level.DEBUG, () -> "ffmpeg exited with " + exit + ": " + ffmpeg.diagnostics());
        return new AudioException(Kind.UNSUPPORTED_AUDIO,
                "The recording is not in an audio format the server can read.", null);
    }

    private static String size(long bytes) {
        return bytes % MIB == 0 ? bytes / MIB + " MiB" : bytes + " bytes";
    }

    private static String seconds(double seconds) {
        String number = BigDecimal.valueOf(seconds).stripTrailingZeros().toPlainString();
        return number + (seconds == 1 ? " second" : " seconds");
    }
}
