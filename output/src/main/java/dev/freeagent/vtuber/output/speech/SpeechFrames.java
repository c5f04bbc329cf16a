package dev.freeagent.vtuber.output.speech;

import java.util.List;

import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.output.delivery.Frame;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The client frames of streamed speech (contract §4.3 and §6, plus the PCM format for reply audio).
 */
final class SpeechFrames {
    static final String BROKEN_STREAM = "Audio transmission failed: the speech stream ended unexpectedly.";

    private SpeechFrames() {
    }

    /** A reply chunk: the contract's streamed header plus its PCM format, then the bytes. */
    static List<Frame> replyChunk(String sessionId, PcmChunk chunk) {
        ObjectNode header = chunkHeader(sessionId, chunk);
        header.put("format", "pcm_s16le");
        header.put("sample_rate", chunk.sampleRate());
        header.put("channels", chunk.channels());
        return List.of(new Frame.Text(Json.write(header)), new Frame.Binary(chunk.bytes()));
    }

    /** A passthrough chunk in exactly the contract's shape, then the bytes. */
    static List<Frame> passthroughChunk(String sessionId, PcmChunk chunk) {
        return List.of(new Frame.Text(Json.write(chunkHeader(sessionId, chunk))), new Frame.Binary(chunk.bytes()));
    }

    static String textDelta(String sessionId, String content) {
        ObjectNode frame = Json.object();
        frame.put("type", "text_delta");
        frame.put("task_id", sessionId);
        frame.put("content", content);
        return Json.write(frame);
    }

    /** {@code END} or {@code STOP_ACK}; {@code control} in lower case as the original sent it. */
    static String control(String sessionId, String action) {
        ObjectNode frame = Json.object();
        frame.put("type", "control");
        frame.put("action", action);
        frame.put("task_id", sessionId);
        return Json.write(frame);
    }

    /** The legacy audio error shape (contract §4.2) for a stream that broke. */
    static String brokenStream() {
        ObjectNode frame = Json.object();
        frame.put("type", "error");
        frame.put("message", BROKEN_STREAM);
        return Json.write(frame);
    }

    private static ObjectNode chunkHeader(String sessionId, PcmChunk chunk) {
        ObjectNode header = Json.object();
        header.put("type", "audio_chunk");
        header.put("task_id", sessionId);
        header.put("chunk_id", chunk.seq());
        header.putNull("total_chunks");
        return header;
    }
}
