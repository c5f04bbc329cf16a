package dev.freeagent.vtuber.dialog.llm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freeagent.vtuber.common.json.Json;

/**
 * Reads an OpenAI chat-completions SSE stream: every {@code data:} line is one JSON chunk, {@code data: [DONE]}
 * ends it. Yields each non-empty {@code choices[0].delta.content}. Other lines (comments, {@code event:},
 * blank separators) only count as activity. Not thread-safe.
 */
final class SseDeltaReader {
    private final BufferedReader lines;
    private final Runnable activity;
    private String delta = "";
    private boolean finishReasonSeen;

    /**
     * Creates the reader.
     *
     * @param body the response body
     * @param activity called for every line received (the idle watchdog's touch)
     */
    SseDeltaReader(InputStream body, Runnable activity) {
        this.lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        this.activity = activity;
    }

    /**
     * Reads up to the next meaningful event.
     *
     * @return what came
     * @throws IOException when the connection fails
     */
    Event next() throws IOException {
        String line;
        while ((line = lines.readLine()) != null) {
            activity.run();
            if (!line.startsWith("data:")) {
                continue;
            }
            String data = line.substring(line.length() > 5 && line.charAt(5) == ' ' ? 6 : 5).trim();
            if (data.equals("[DONE]")) {
                return Event.DONE;
            }
            Event event = parse(data);
            if (event != null) {
                return event;
            }
        }
        return Event.END;
    }

    /**
     * The text of the last {@link Event#DELTA}.
     *
     * @return non-empty text
     */
    String delta() {
        return delta;
    }

    /**
     * Whether a chunk carried a {@code finish_reason}: a server that then closes without {@code [DONE]} still
     * finished its reply.
     *
     * @return true when seen
     */
    boolean finishReasonSeen() {
        return finishReasonSeen;
    }

    private Event parse(String data) {
        JsonNode chunk;
        try {
            chunk = Json.parse(data);
        } catch (RuntimeException e) {
            return null;
        }
        if (chunk.hasNonNull("error")) {
            return Event.ERROR;
        }
        JsonNode choice = chunk.path("choices").path(0);
        if (choice.hasNonNull("finish_reason")) {
            finishReasonSeen = true;
        }
        JsonNode content = choice.path("delta").path("content");
        if (content.isTextual() && !content.asText().isEmpty()) {
            delta = content.asText();
            return Event.DELTA;
        }
        return null;
    }

    /**
     * What {@link #next()} found.
     */
    enum Event {
        /** A piece of text, see {@link #delta()}. */
        DELTA,
        /** {@code [DONE]}: the reply is complete. */
        DONE,
        /** The stream ended without {@code [DONE]}. */
        END,
        /** The server reported an error inside the stream. */
        ERROR
    }
}
