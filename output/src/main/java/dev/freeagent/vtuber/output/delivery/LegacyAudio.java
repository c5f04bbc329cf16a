package dev.freeagent.vtuber.output.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

import dev.freeagent.vtuber.common.json.Json;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Whole-file audio named by a legacy {@code audio_file} field, sent as {@link SlicedAudio} (contract §4.2).
 * A path from a message is never trusted: only regular files that are inside the data folder after
 * normalising and after following symbolic links are read.
 */
final class LegacyAudio {
    private static final System.Logger LOG = System.getLogger(LegacyAudio.class.getName());

    private final Path dataDir;

    LegacyAudio(Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
    }

    /**
     * Resolves a path from a message; relative paths are taken from the data folder.
     *
     * @param audioFile the path as published
     * @return the file, when it exists inside the data folder
     */
    Optional<Path> resolve(String audioFile) {
        Path candidate;
        try {
            candidate = dataDir.resolve(audioFile).normalize();
        } catch (InvalidPathException e) {
            LOG.log(Level.WARNING, "audio_file is not a path; skipped");
            return Optional.empty();
        }
        if (!candidate.startsWith(dataDir)) {
            LOG.log(Level.WARNING, "audio_file " + audioFile + " is outside the data folder; skipped");
            return Optional.empty();
        }
        if (!Files.isRegularFile(candidate)) {
            LOG.log(Level.INFO, "audio_file " + audioFile + " does not exist; nothing sent");
            return Optional.empty();
        }
        try {
            Path real = candidate.toRealPath();
            if (!real.startsWith(dataDir.toRealPath())) {
                LOG.log(Level.WARNING, "audio_file " + audioFile + " links outside the data folder; skipped");
                return Optional.empty();
            }
            return Optional.of(real);
        } catch (IOException e) {
            LOG.log(Level.INFO, "audio_file " + audioFile + " cannot be resolved: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Sends the file as {@code audio_chunk} header + binary pairs, then {@code audio_complete}.
     *
     * @param taskId task id
     * @param file a file returned by {@link #resolve}
     * @param socket the client socket
     */
    void send(String taskId, Path file, ClientSocket socket) {
        try (InputStream in = Files.newInputStream(file)) {
            SlicedAudio.send(taskId, in, Files.size(file), socket);
        } catch (IOException e) {
            ObjectNode error = Json.object();
            error.put("type", "error");
            error.put("message", "Audio transmission failed: " + e.getMessage());
            socket.send(Json.write(error));
        }
    }
}
