package dev.freeagent.vtuber.dialog.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * Real test audio made by real programs: flite's {@code slt} voice (which pocketsphinx reads exactly) and ffmpeg
 * conversions into the formats recorders send. Also small stand-in programs (shell scripts) for the cases the real
 * decoder cannot be made to show on demand: one that never ends and one that writes audio forever.
 */
public final class SpeechSamples {
    private SpeechSamples() {
    }

    /**
     * The decoder settings of the service's defaults, with another program or limit where a test needs it.
     *
     * @param ffmpeg the program
     * @param maxBytes the size limit
     * @param maxDurationSeconds the duration limit
     * @param timeout the decoding deadline
     * @return settings
     */
    public static DecoderSettings decoderSettings(String ffmpeg, long maxBytes, double maxDurationSeconds,
                                                  Duration timeout) {
        return new DecoderSettings(ffmpeg, maxBytes, maxDurationSeconds, 16_000, 1, timeout);
    }

    /**
     * The service's default decoder settings.
     *
     * @return settings
     */
    public static DecoderSettings defaultDecoderSettings() {
        return decoderSettings("ffmpeg", 5_242_880, 300, Duration.ofSeconds(30));
    }

    /**
     * Speaks sentences with flite's {@code slt} voice, one and a half seconds of silence between them.
     *
     * @param dir where to write
     * @param name the file name, without extension
     * @param sentences what to say
     * @return a 16 kHz mono 16-bit WAV file
     */
    public static Path speak(Path dir, String name, String... sentences) {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y"));
        for (int i = 0; i < sentences.length; i++) {
            Path part = dir.resolve(name + "-" + i + ".wav");
            run(List.of("flite", "-voice", "slt", "-t", sentences[i], "-o", part.toString()));
            command.addAll(List.of("-i", part.toString()));
        }
        Path wav = dir.resolve(name + ".wav");
        command.addAll(List.of("-filter_complex", joined(sentences.length), "-map", "[out]",
                "-ar", "16000", "-ac", "1", "-c:a", "pcm_s16le", wav.toString()));
        run(command);
        return wav;
    }

    private static String joined(int count) {
        StringBuilder filter = new StringBuilder();
        for (int i = 0; i < count - 1; i++) {
            filter.append('[').append(i).append(":a]apad=pad_dur=1.5[p").append(i).append("];");
        }
        for (int i = 0; i < count - 1; i++) {
            filter.append("[p").append(i).append(']');
        }
        return filter.append('[').append(count - 1).append(":a]concat=n=").append(count)
                .append(":v=0:a=1[out]").toString();
    }

    /**
     * Converts audio with ffmpeg.
     *
     * @param source the input file
     * @param target the output file; its extension picks the container unless the arguments name one
     * @param arguments output options, e.g. {@code -c:a libopus}
     * @return {@code target}
     */
    public static Path convert(Path source, Path target, String... arguments) {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
                "-i", source.toString()));
        command.addAll(List.of(arguments));
        command.add(target.toString());
        run(command);
        return target;
    }

    /**
     * Generates silence with ffmpeg.
     *
     * @param target the output file (its extension picks the format)
     * @param seconds how long
     * @param sampleRate its rate
     * @return {@code target}
     */
    public static Path silence(Path target, int seconds, int sampleRate) {
        run(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi",
                "-i", "anullsrc=r=" + sampleRate + ":cl=mono", "-t", Integer.toString(seconds), target.toString()));
        return target;
    }

    /**
     * Writes an executable shell script.
     *
     * @param dir where to write
     * @param name its file name
     * @param body the commands after the {@code #!/bin/sh} line
     * @return the script's path as a string, ready to configure as a program
     */
    public static String script(Path dir, String name, String body) {
        try {
            Path script = dir.resolve(name);
            Files.writeString(script, "#!/bin/sh\n" + body + "\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
            return script.toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The duration of a 16-bit PCM WAV file from its header (flite and ffmpeg write canonical headers).
     *
     * @param wav the file
     * @return seconds
     */
    public static double wavSeconds(Path wav) {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            return in.getFrameLength() / (double) in.getFormat().getFrameRate();
        } catch (IOException | UnsupportedAudioFileException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(String.join(" ", command) + " ends in time", process.waitFor(60, TimeUnit.SECONDS), is(true));
            assertThat(String.join(" ", command) + " succeeds", process.exitValue(), is(0));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
