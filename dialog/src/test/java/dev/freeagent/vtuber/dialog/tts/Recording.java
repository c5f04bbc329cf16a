package dev.freeagent.vtuber.dialog.tts;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A sink that keeps every chunk, and measures what it got as 16-bit little-endian PCM. Thread-safe.
 */
final class Recording implements PcmSink {
    private final List<PcmChunk> chunks = new CopyOnWriteArrayList<>();

    @Override
    public void accept(PcmChunk chunk) {
        chunks.add(chunk);
    }

    List<PcmChunk> chunks() {
        return List.copyOf(chunks);
    }

    int count() {
        return chunks.size();
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        chunks.forEach(chunk -> out.writeBytes(chunk.bytes()));
        return out.toByteArray();
    }

    /** The audio's length, from the first chunk's format. */
    double seconds() {
        PcmFormat format = chunks.getFirst().format();
        return bytes().length / (2.0 * format.channels() * format.sampleRate());
    }

    /** Root mean square level, 0..1 of full scale. */
    double rms() {
        short[] samples = samples(bytes(), false);
        double sum = 0;
        for (short sample : samples) {
            sum += (double) sample * sample;
        }
        return Math.sqrt(sum / Math.max(1, samples.length)) / Short.MAX_VALUE;
    }

    /**
     * How rough the signal is: the mean step between neighbouring samples over the mean level. Speech read with
     * the right byte order is smooth (well under 1); read with the wrong one it is noise (about 1 or more).
     */
    double roughness(boolean bigEndian) {
        short[] samples = samples(bytes(), bigEndian);
        double steps = 0;
        double level = 0;
        for (int i = 1; i < samples.length; i++) {
            steps += Math.abs(samples[i] - samples[i - 1]);
            level += Math.abs(samples[i]);
        }
        return steps / Math.max(1, level);
    }

    static short[] samples(byte[] bytes, boolean bigEndian) {
        short[] samples = new short[bytes.length / 2];
        for (int i = 0; i < samples.length; i++) {
            int low = bytes[2 * i + (bigEndian ? 1 : 0)] & 0xff;
            int high = bytes[2 * i + (bigEndian ? 0 : 1)];
            samples[i] = (short) (high << 8 | low);
        }
        return samples;
    }
}
