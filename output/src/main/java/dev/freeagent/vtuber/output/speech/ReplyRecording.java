package dev.freeagent.vtuber.output.speech;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The PCM of one reply collected for a file-form socket, turned into one WAV file at the end. Bounded: audio past
 * the configured length is dropped. Not thread-safe (its stream guards it).
 */
final class ReplyRecording {
    static final int HEADER_BYTES = 44;
    private static final int BYTES_PER_SAMPLE = 2;

    private final int sampleRate;
    private final int channels;
    private final long maxBytes;
    private final ByteArrayOutputStream pcm = new ByteArrayOutputStream();

    ReplyRecording(int sampleRate, int channels, Duration max) {
        this.sampleRate = sampleRate;
        this.channels = channels;
        long bytesPerSecond = (long) sampleRate * channels * BYTES_PER_SAMPLE;
        // a WAV's sizes are 32-bit; keep whole frames
        long bound = Math.min(max.toSeconds() * bytesPerSecond, Integer.MAX_VALUE - HEADER_BYTES);
        this.maxBytes = bound - bound % ((long) channels * BYTES_PER_SAMPLE);
    }

    boolean sameFormat(PcmChunk chunk) {
        return chunk.sampleRate() == sampleRate && chunk.channels() == channels;
    }

    /**
     * Adds PCM.
     *
     * @param bytes the chunk's PCM
     * @return false when (part of) it was dropped because the reply reached its length limit
     */
    boolean append(byte[] bytes) {
        long room = maxBytes - pcm.size();
        int taken = (int) Math.min(room, bytes.length);
        pcm.write(bytes, 0, taken);
        return taken == bytes.length;
    }

    /**
     * The reply as a WAV file: a 44-byte header (PCM, 16-bit, the stream's rate and channels), then the samples.
     *
     * @return the file's bytes
     */
    byte[] wav() {
        int dataBytes = pcm.size();
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(HEADER_BYTES - 8 + dataBytes)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1)
                .putShort((short) channels)
                .putInt(sampleRate)
                .putInt(sampleRate * channels * BYTES_PER_SAMPLE)
                .putShort((short) (channels * BYTES_PER_SAMPLE))
                .putShort((short) (BYTES_PER_SAMPLE * 8))
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes);
        byte[] file = new byte[HEADER_BYTES + dataBytes];
        System.arraycopy(header.array(), 0, file, 0, HEADER_BYTES);
        System.arraycopy(pcm.toByteArray(), 0, file, HEADER_BYTES, dataBytes);
        return file;
    }
}
