package dev.freeagent.vtuber.input.upload;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UploadTest {
    private final Upload upload = new Upload(new UploadLimits(100, 3));

    @Test
    void aChunkSentAgainReplacesTheFirstAndDoesNotCountTwice() {
        chunk(0, "a".repeat(60));
        assertThat(chunk(0, "b".repeat(60)), is(Step.reply("File chunk received")));
        assertThat(new String(upload.finish().payload(), StandardCharsets.UTF_8), is("b".repeat(60)));
    }

    @Test
    void theLastMetadataWins() {
        upload.text("{\"action\":\"data_chunk\",\"chunk_id\":0,\"type\":\"audio\"}", true);
        upload.text("{\"action\":\"data_chunk\",\"chunk_id\":1,\"type\":\"Text \"}", true);
        assertThat(upload.finish().type(), is("text"));
    }

    @Test
    void aTextFrameOverTheLimitIsAnOverflow() {
        assertThat(upload.text("{\"action\":\"data_chunk\",\"text\":\"", false), is(Step.QUIET));
        assertThat(upload.text("x".repeat(80) + "\"}", true), instanceOf(Step.Overflow.class));
    }

    @Test
    void anOverflowDiscardsWhatWasHeld() {
        chunk(0, "a".repeat(50));
        assertThat(chunk(1, "b".repeat(51)), is((Step) new Step.Overflow("Error: upload exceeds the limit of 100 bytes")));
        UploadException e = assertThrows(UploadException.class, upload::finish);
        assertThat(e.getMessage(), is("no data_chunk metadata received before upload_complete"));
    }

    @Test
    void aNonIntegerChunkIdIsReported() {
        assertThat(upload.text("{\"action\":\"data_chunk\",\"chunk_id\":\"0\"}", true),
                is(Step.reply("Error: chunk_id must be an integer")));
    }

    private Step chunk(int id, String bytes) {
        upload.text("{\"action\":\"data_chunk\",\"type\":\"text\",\"chunk_id\":" + id + "}", true);
        return upload.binary(bytes.getBytes(StandardCharsets.UTF_8), true);
    }
}
