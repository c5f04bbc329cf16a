package dev.freeagent.vtuber.dialog.chat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freeagent.vtuber.common.json.Json;

/**
 * Writes SSE events byte for byte as the contract frames them (§5.2): {@code event: <name>\n},
 * {@code data: <json>\n}, {@code \n}, UTF-8 with non-ASCII unescaped, flushed after every event. No ids, retries or
 * comments. Not thread-safe: one turn's thread writes.
 */
final class SseEventWriter {
    private final OutputStream out;

    SseEventWriter(OutputStream out) {
        this.out = out;
    }

    /**
     * Writes and flushes one event.
     *
     * @param name the event name
     * @param data the payload
     * @throws UncheckedIOException when the client is gone
     */
    void send(String name, JsonNode data) {
        byte[] frame = ("event: " + name + "\ndata: " + Json.write(data) + "\n\n").getBytes(StandardCharsets.UTF_8);
        try {
            out.write(frame);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the SSE client went away", e);
        }
    }
}
