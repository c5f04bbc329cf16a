package dev.freeagent.vtuber.input.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.input.turn.InputMode;
import dev.freeagent.vtuber.input.turn.Task;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

class TaskWriterTest {
    @TempDir
    Path root;

    @Test
    void audioFileIsNamedByItsDeclaredMimeType() throws IOException {
        Task task = write("t1", "{\"type\":\"audio\",\"mime_type\":\"audio/ogg;codecs=opus\"}", new byte[] {7});
        assertThat(task.payload(), is(root.resolve("t1").resolve("input.ogg")));
        assertThat(task.mimeType(), is("audio/ogg;codecs=opus"));
        assertThat(Files.readAllBytes(task.payload()), is(new byte[] {7}));
    }

    @Test
    void audioWithoutAKnownMimeTypeIsWebm() {
        assertThat(write("t2", "{\"type\":\"audio\"}", new byte[0]).payload().getFileName().toString(),
                is("input.webm"));
        assertThat(write("t3", "{\"type\":\"audio\",\"mime_type\":\"audio/flac\"}", new byte[0])
                .payload().getFileName().toString(), is("input.webm"));
    }

    @Test
    void imageSuffixFollowsItsMimeTypeAndDefaultsToPng() {
        assertThat(write("t4", "{\"type\":\"image\",\"content_type\":\"image/jpg\"}", new byte[0])
                .payload().getFileName().toString(), is("input.jpg"));
        Task task = write("t5", "{\"type\":\"image\",\"content\":\" look \"}", new byte[0]);
        assertThat(task.payload().getFileName().toString(), is("input.png"));
        assertThat(task.prompt(), is("look"));
        assertThat(task.mode(), is(InputMode.IMAGE));
    }

    @Test
    void bytesWinOverInlineTextAndAreKeptUntrimmed() throws IOException {
        Task task = write("t6", "{\"type\":\"text\",\"text\":\"inline\"}", " spaced ".getBytes());
        assertThat(Files.readString(task.payload()), is(" spaced "));
    }

    @Test
    void explicitIdentityBeatsTheVisitor() {
        ObjectNode metadata = (ObjectNode) Json.parse("{\"type\":\"text\",\"text\":\"x\",\"userId\":\"u\","
                + "\"meta\":{\"sessionId\":\"s\",\"turn\":5}}");
        Task task = new TaskWriter(root).write("t7", "v", new Submission(metadata, new byte[0]));
        assertThat(task.userId(), is("u"));
        assertThat(task.conversationId(), is("s"));
        assertThat(task.turn(), is(5));
    }

    private Task write(String taskId, String metadata, byte[] payload) {
        return new TaskWriter(root).write(taskId, "", new Submission((ObjectNode) Json.parse(metadata), payload));
    }
}
