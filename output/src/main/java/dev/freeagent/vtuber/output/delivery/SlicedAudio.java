package dev.freeagent.vtuber.output.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import dev.freeagent.vtuber.common.json.Json;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Whole-file audio in the original's framing (contract §4.2): for each 64 KiB slice an {@code audio_chunk} header
 * that carries {@code total_chunks}, followed by one binary frame, then {@code audio_complete}. Serves both legacy
 * {@code audio_file} paths and the WAV of a reply spoken to a file-form socket.
 */
public final class SlicedAudio {
    /** Bytes per slice. */
    public static final int SLICE = 65_536;

    private SlicedAudio() {
    }

    /**
     * Sends a whole file. Each header and its slice go out together.
     *
     * @param taskId the socket's task id
     * @param in the file's bytes; not closed here
     * @param size how many bytes {@code in} holds
     * @param socket the client socket
     * @throws IOException when reading fails (slices already sent stay sent)
     */
    public static void send(String taskId, InputStream in, long size, ClientSocket socket) throws IOException {
        long total = (size + SLICE - 1) / SLICE;
        for (long k = 0; k < total; k++) {
            byte[] slice = in.readNBytes(SLICE);
            ObjectNode header = Json.object();
            header.put("type", "audio_chunk");
            header.put("task_id", taskId);
            header.put("chunk_id", k);
            header.put("total_chunks", total);
            if (!socket.send(List.of(new Frame.Text(Json.write(header)), new Frame.Binary(slice)))) {
                return;
            }
        }
        ObjectNode complete = Json.object();
        complete.put("type", "audio_complete");
        complete.put("task_id", taskId);
        socket.send(Json.write(complete));
    }
}
