package dev.freeagent.vtuber.gateway.asr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one folder whose files {@code POST /api/asr} may read by {@code path} (contract §2.3 let any absolute path
 * be read). The path must be absolute and stay inside the folder after normalisation and after following links;
 * without a folder configured, {@code path} is refused.
 *
 * @param root the folder, absolute and normalised, or empty
 * @param maxBytes the largest file read
 */
record AudioFolder(Optional<Path> root, long maxBytes) {
    byte[] read(String path) {
        Path folder = root.orElseThrow(() -> new AsrFailedException(400, "path_not_allowed",
                "Reading audio from a server path is switched off (set GATEWAY_ASR_PATH_ROOT)."));
        Path requested = Path.of(path);
        if (!requested.isAbsolute()) {
            throw new AsrFailedException(400, "path_must_be_absolute", "");
        }
        Path file = requested.normalize();
        if (!file.startsWith(folder)) {
            throw new AsrFailedException(400, "path_not_allowed", "The path is outside the audio folder.");
        }
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(folder.toRealPath()) || !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
                throw new AsrFailedException(400, "path_not_allowed", "The path is outside the audio folder.");
            }
            if (Files.size(real) > maxBytes) {
                throw new AsrFailedException(413, "audio_too_large", "The file is larger than " + maxBytes + " bytes.");
            }
            return Files.readAllBytes(real);
        } catch (NoSuchFileException e) {
            throw new AsrFailedException(404, "file_not_found", "");
        } catch (IOException e) {
            throw new AsrFailedException(500, "read_failed", "The file could not be read.");
        }
    }
}
