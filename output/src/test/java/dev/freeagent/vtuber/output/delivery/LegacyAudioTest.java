package dev.freeagent.vtuber.output.delivery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * Paths from messages are confined to the data folder.
 */
class LegacyAudioTest {
    @TempDir
    Path root;

    @Test
    void resolvesAFileInsideTheDataFolderByAbsoluteOrRelativePath() throws Exception {
        Path data = Files.createDirectories(root.resolve("data"));
        Path file = Files.write(data.resolve("a.wav"), new byte[] {1});
        LegacyAudio audio = new LegacyAudio(data);

        assertThat(audio.resolve(file.toString()), is(Optional.of(file.toRealPath())));
        assertThat(audio.resolve("a.wav"), is(Optional.of(file.toRealPath())));
    }

    @Test
    void refusesPathsThatLeaveTheDataFolder() throws Exception {
        Path data = Files.createDirectories(root.resolve("data"));
        Path secret = Files.write(root.resolve("secret.wav"), new byte[] {1});
        LegacyAudio audio = new LegacyAudio(data);

        assertThat(audio.resolve(secret.toString()), is(Optional.empty()));
        assertThat(audio.resolve("../secret.wav"), is(Optional.empty()));
        assertThat(audio.resolve(data.resolve("sub/../../secret.wav").toString()), is(Optional.empty()));
    }

    @Test
    void refusesASymbolicLinkThatPointsOutside() throws Exception {
        Path data = Files.createDirectories(root.resolve("data"));
        Path secret = Files.write(root.resolve("secret.wav"), new byte[] {1});
        Files.createSymbolicLink(data.resolve("link.wav"), secret);

        assertThat(new LegacyAudio(data).resolve("link.wav"), is(Optional.empty()));
    }

    @Test
    void aMissingFileResolvesToNothing() throws Exception {
        Path data = Files.createDirectories(root.resolve("data"));
        assertThat(new LegacyAudio(data).resolve("missing.wav"), is(Optional.empty()));
    }
}
