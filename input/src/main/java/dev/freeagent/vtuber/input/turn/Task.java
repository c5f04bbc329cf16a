package dev.freeagent.vtuber.input.turn;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One accepted upload, waiting on disk for its turn.
 *
 * @param taskId the server-generated UUID of the upload
 * @param userId owner of the conversation
 * @param conversationId conversation whose memory the turn reads and extends
 * @param turn the client's turn number, 0 when unknown
 * @param mode text, audio or image
 * @param folder the task's own temp folder, deleted when the turn ends
 * @param payload the file holding the upload inside {@code folder}
 * @param mimeType the MIME type to pass on (audio and image), empty when none
 * @param prompt the image prompt, empty when none
 * @param meta the client's {@code meta} object, or a missing node
 */
public record Task(String taskId,
                   String userId,
                   String conversationId,
                   int turn,
                   InputMode mode,
                   Path folder,
                   Path payload,
                   String mimeType,
                   String prompt,
                   JsonNode meta) {

    /**
     * Whether the upload carried a {@code meta} object.
     *
     * @return true if it did
     */
    public boolean hasMeta() {
        return meta.isObject();
    }
}
