package dev.freeagent.vtuber.input.upload;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import dev.freeagent.vtuber.input.turn.InputMode;
import dev.freeagent.vtuber.input.turn.Task;

/**
 * Turns a finished upload into a {@link Task} (contract §3.2): checks it, resolves who is speaking in which
 * conversation, and writes the payload to {@code <root>/<task id>/input.<suffix>}. The folder name comes
 * only from the server-generated task id, never from client input.
 *
 * <p>Thread-safe (stateless apart from the root folder).
 */
public final class TaskWriter {
    private static final Map<String, String> AUDIO_SUFFIXES = Map.of(
            "audio/webm", ".webm", "audio/ogg", ".ogg", "audio/opus", ".ogg",
            "audio/wav", ".wav", "audio/x-wav", ".wav", "audio/wave", ".wav",
            "audio/mpeg", ".mp3", "audio/mp3", ".mp3",
            "audio/mp4", ".m4a", "audio/x-m4a", ".m4a");
    private static final Map<String, String> IMAGE_SUFFIXES = Map.of(
            "image/png", ".png", "image/jpeg", ".jpg", "image/jpg", ".jpg",
            "image/webp", ".webp", "image/gif", ".gif");

    private final Path root;

    /**
     * Creates the writer.
     *
     * @param root the temp folder that holds one sub-folder per task
     */
    public TaskWriter(Path root) {
        this.root = root;
    }

    /**
     * Checks the upload and writes its payload.
     *
     * @param taskId the server-generated task id
     * @param visitor the gateway's visitor id, empty when none
     * @param upload the finished upload
     * @return the task, ready for its turn
     * @throws UploadException with the {@code upload_processed} error text
     */
    public Task write(String taskId, String visitor, Submission upload) {
        String type = upload.type();
        InputMode mode = switch (type) {
            case "text" -> InputMode.TEXT;
            case "audio" -> InputMode.AUDIO;
            case "image" -> InputMode.IMAGE;
            default -> throw new UploadException("unsupported upload type: " + type);
        };
        byte[] bytes = mode == InputMode.TEXT ? text(upload).getBytes(StandardCharsets.UTF_8) : upload.payload();
        String mime = upload.mimeType().orElse("");
        String suffix = switch (mode) {
            case TEXT -> ".txt";
            case AUDIO -> AUDIO_SUFFIXES.getOrDefault(baseType(mime), ".webm");
            case IMAGE -> IMAGE_SUFFIXES.getOrDefault(baseType(mime), ".png");
        };
        Path folder = root.resolve(taskId);
        Path file = folder.resolve("input" + suffix);
        try {
            Files.createDirectories(folder);
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UploadException("the upload could not be stored", e);
        }
        String userId = upload.identityField("userId").orElse(visitor.isEmpty() ? "anonymous" : "visitor:" + visitor);
        String conversationId = upload.identityField("sessionId")
                .orElse(visitor.isEmpty() ? taskId : "visitor:" + visitor);
        String passedMime = mode == InputMode.AUDIO && mime.isEmpty() ? "audio/webm" : mime;
        String prompt = mode == InputMode.IMAGE ? upload.firstText("prompt", "text", "content").orElse("") : "";
        return new Task(taskId, userId, conversationId, upload.turn(), mode, folder, file, passedMime, prompt,
                upload.meta());
    }

    // Bytes win over the inline text when there are any; they must be valid UTF-8 (kept as sent, not trimmed).
    private static String text(Submission upload) {
        if (upload.payload().length > 0) {
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(upload.payload()))
                        .toString();
            } catch (CharacterCodingException e) {
                throw new UploadException("text_payload_invalid_utf8", e);
            }
        }
        return upload.firstText("text", "content", "prompt")
                .orElseThrow(() -> new UploadException("text_payload_empty"));
    }

    private static String baseType(String mime) {
        int parameters = mime.indexOf(';');
        return (parameters < 0 ? mime : mime.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
    }
}
