package dev.freeagent.vtuber.dialog.audio;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes PCM as a canonical WAV file: the 44-byte RIFF header of 16-bit PCM, then the samples unchanged.
 */
public final class WavWriter {
    /** The size of the header. */
    public static final int HEADER_BYTES = 44;

    private WavWriter() {
    }

    /**
     * The header for some audio.
     *
     * @param audio the audio that follows the header
     * @return 44 bytes
     */
    public static byte[] header(PcmAudio audio) {
        int dataBytes = audio.bytes().length;
        int frameSize = PcmAudio.frameSize(audio.channels());
        return ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN)
                .put("RIFF".getBytes(StandardCharsets.US_ASCII))
                .putInt(HEADER_BYTES - 8 + dataBytes)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) audio.channels())
                .putInt(audio.sampleRate())
                .putInt(audio.sampleRate() * frameSize)
                .putShort((short) frameSize)
                .putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII))
                .putInt(dataBytes)
                .array();
    }

    /**
     * Writes the whole file.
     *
     * @param audio the audio
     * @param out where to write; not closed
     * @throws IOException when writing fails
     */
    public static void write(PcmAudio audio, OutputStream out) throws IOException {
        out.write(header(audio));
        out.write(audio.bytes());
    }
}
