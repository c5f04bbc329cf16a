package dev.freeagent.vtuber.input.upload;

import java.io.ByteArrayOutputStream;
import java.util.TreeMap;

import dev.freeagent.vtuber.common.json.Json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The state of one upload on one input socket: the last {@code data_chunk} metadata and the binary chunks
 * by chunk id (contract §3.1). Frames may arrive fragmented; fragments are assembled here, within the
 * {@link UploadLimits}, so memory never grows past the limit.
 *
 * <p>Not thread-safe: one socket delivers its frames in order on one thread.
 */
public final class Upload {
    private final UploadLimits limits;
    private final StringBuilder textFrame = new StringBuilder();
    private final ByteArrayOutputStream binaryFrame = new ByteArrayOutputStream();
    private final TreeMap<Integer, byte[]> chunks = new TreeMap<>();
    private long heldBytes;
    private ObjectNode metadata;
    private int expectedChunkId;

    /**
     * Creates an empty upload.
     *
     * @param limits bounds on bytes and chunks
     */
    public Upload(UploadLimits limits) {
        this.limits = limits;
    }

    /**
     * A text frame, or a fragment of one.
     *
     * @param fragment the text
     * @param last whether the message ends with it
     * @return what to do
     */
    public Step text(String fragment, boolean last) {
        if ((long) textFrame.length() + fragment.length() > limits.maxBytes()) {
            return overflow(limits.maxBytes() + " bytes");
        }
        if (last && textFrame.isEmpty()) {
            return message(fragment);
        }
        textFrame.append(fragment);
        if (!last) {
            return Step.QUIET;
        }
        String whole = textFrame.toString();
        textFrame.setLength(0);
        return message(whole);
    }

    /**
     * A binary frame, or a fragment of one: the bytes of the chunk named by the current metadata.
     *
     * @param fragment the bytes (not retained by the caller)
     * @param last whether the message ends with it
     * @return what to do
     */
    public Step binary(byte[] fragment, boolean last) {
        if (metadata == null) {
            return last ? Step.reply("Error: No metadata received before binary data") : Step.QUIET;
        }
        // A chunk sent again replaces the one with its id, so that one no longer counts.
        if (heldBytes - replacedBytes() + fragment.length > limits.maxBytes()) {
            return overflow(limits.maxBytes() + " bytes");
        }
        heldBytes += fragment.length;
        if (!last) {
            binaryFrame.writeBytes(fragment);
            return Step.QUIET;
        }
        byte[] bytes = fragment;
        if (binaryFrame.size() > 0) {
            binaryFrame.writeBytes(fragment);
            bytes = binaryFrame.toByteArray();
            binaryFrame.reset();
        }
        return store(bytes);
    }

    /**
     * What the client uploaded, on {@code upload_complete}.
     *
     * @return the last metadata and the chunks joined in ascending chunk id order
     * @throws UploadException when no metadata was received
     */
    public Submission finish() {
        if (metadata == null) {
            throw new UploadException("no data_chunk metadata received before upload_complete");
        }
        byte[] joined = new byte[Math.toIntExact(heldBytes)];
        int at = 0;
        for (byte[] chunk : chunks.values()) {
            System.arraycopy(chunk, 0, joined, at, chunk.length);
            at += chunk.length;
        }
        return new Submission(metadata, joined);
    }

    /**
     * Drops everything held (client gone, upload processed, or over a limit).
     */
    public void discard() {
        textFrame.setLength(0);
        binaryFrame.reset();
        chunks.clear();
        heldBytes = 0;
        metadata = null;
    }

    private Step message(String text) {
        JsonNode node;
        try {
            node = Json.parse(text);
        } catch (Json.InvalidJsonException e) {
            return Step.reply("Invalid JSON format");
        }
        if (!(node instanceof ObjectNode object)) {
            return Step.reply("Error: expected a JSON object");
        }
        JsonNode action = object.path("action");
        if (!action.isTextual()) {
            return Step.QUIET;
        }
        return switch (action.asText()) {
            case "data_chunk" -> dataChunk(object);
            case "upload_complete" -> Step.COMPLETE;
            default -> Step.QUIET;
        };
    }

    // The metadata is replaced before the chunk id is checked: the original kept it even when the id was
    // wrong or missing (a mismatch is advisory, contract §14.9).
    private Step dataChunk(ObjectNode chunk) {
        metadata = chunk;
        JsonNode id = chunk.get("chunk_id");
        if (id == null) {
            return Step.reply("Error: data_chunk needs a chunk_id");
        }
        if (!id.isIntegralNumber() || !id.canConvertToInt()) {
            return Step.reply("Error: chunk_id must be an integer");
        }
        if (id.intValue() != expectedChunkId) {
            return Step.reply("Chunk ID mismatch: expected " + expectedChunkId + ", got " + id.intValue());
        }
        return Step.QUIET;
    }

    private long replacedBytes() {
        JsonNode id = metadata.get("chunk_id");
        byte[] previous = id != null && id.isIntegralNumber() ? chunks.get(id.intValue()) : null;
        return previous == null ? 0 : previous.length;
    }

    private Step store(byte[] bytes) {
        JsonNode id = metadata.get("chunk_id");
        if (id == null || !id.isIntegralNumber() || !id.canConvertToInt()) {
            heldBytes -= bytes.length;
            return Step.reply("Error: data_chunk needs a chunk_id");
        }
        byte[] previous = chunks.put(id.intValue(), bytes);
        if (previous != null) {
            heldBytes -= previous.length;
        } else if (chunks.size() > limits.maxChunks()) {
            return overflow(limits.maxChunks() + " chunks");
        }
        expectedChunkId++;
        return Step.reply("File chunk received");
    }

    private Step overflow(String limit) {
        discard();
        return new Step.Overflow("Error: upload exceeds the limit of " + limit);
    }
}
