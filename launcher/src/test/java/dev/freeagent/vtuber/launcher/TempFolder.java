package dev.freeagent.vtuber.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary folder that a benchmark owns: closing it deletes it with everything inside, so a run leaves nothing
 * behind in the temp folder. Not thread-safe; close it once everything writing into it has stopped.
 */
final class TempFolder implements AutoCloseable {
    private final Path path;

    private TempFolder(Path path) {
        this.path = path;
    }

    /**
     * Creates a new folder under the system's temp folder.
     *
     * @param prefix the start of its name
     * @return the folder
     */
    static TempFolder create(String prefix) throws IOException {
        return new TempFolder(Files.createTempDirectory(prefix));
    }

    /**
     * Where it is.
     *
     * @return the absolute path
     */
    Path path() {
        return path;
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(path)) {
            // deepest first, so every folder is empty when its turn comes
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the benchmark's temp folder " + path, e);
        }
    }
}
