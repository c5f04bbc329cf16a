package dev.freeagent.vtuber.dialog.tts;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts PCM as it arrives into chunks of at most {@code chunkBytes} that hold whole frames, and hands each to the
 * sink at once; the bytes of a frame split between two arrivals wait for the rest. Not thread-safe: one per
 * synthesis.
 */
final class PcmChunker {
    private final PcmFormat format;
    private final int chunkBytes;
    private final int frameBytes;
    private final GuardedSink sink;
    private byte[] carry = new byte[0];

    /**
     * Creates a chunker.
     *
     * @param format the 16-bit PCM layout
     * @param chunkBytes the largest chunk; rounded down to whole frames
     * @param sink where chunks go
     */
    PcmChunker(PcmFormat format, int chunkBytes, GuardedSink sink) {
        this.format = format;
        this.frameBytes = 2 * format.channels();
        this.chunkBytes = Math.max(frameBytes, chunkBytes - chunkBytes % frameBytes);
        this.sink = sink;
    }

    /**
     * Copies a stream to the sink until it ends or the sink closes.
     *
     * @param in PCM, positioned after any header
     * @param onRead called after every read, e.g. to feed an idle timer
     * @throws IOException when reading fails
     */
    void pump(InputStream in, Runnable onRead) throws IOException {
        byte[] buffer = new byte[chunkBytes];
        int read;
        while ((read = in.read(buffer)) != -1) {
            onRead.run();
            if (!push(buffer, 0, read)) {
                return;
            }
        }
    }

    /**
     * Hands new bytes on in whole frames.
     *
     * @param bytes the source
     * @param offset where the new bytes start
     * @param length how many
     * @return false once the sink refused a chunk: the synthesis should end
     */
    boolean push(byte[] bytes, int offset, int length) {
        byte[] joined = new byte[carry.length + length];
        System.arraycopy(carry, 0, joined, 0, carry.length);
        System.arraycopy(bytes, offset, joined, carry.length, length);
        int whole = joined.length - joined.length % frameBytes;
        for (int from = 0; from < whole; from += chunkBytes) {
            if (!sink.accept(new PcmChunk(format, Arrays.copyOfRange(joined, from, Math.min(whole, from + chunkBytes))))) {
                return false;
            }
        }
        carry = Arrays.copyOfRange(joined, whole, joined.length);
        return sink.open();
    }
}
