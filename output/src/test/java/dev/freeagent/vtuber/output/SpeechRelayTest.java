package dev.freeagent.vtuber.output;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import dev.freeagent.vtuber.common.testing.TestRedis;
import dev.freeagent.vtuber.common.testing.WsTestClient;
import dev.freeagent.vtuber.proto.speech.v1.SpeechKind;

import io.grpc.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

/**
 * Speech from a real SpeechIngest stream (the test plays dialog) to client sockets: the frames of each form, the
 * WAV of a file-form reply, and how a result with {@code "audio": true} keeps the socket open until the speech ends.
 */
class SpeechRelayTest {
    private static OutputFixture output;

    @BeforeAll
    static void start() {
        output = OutputFixture.start(TestRedis.machine(), Map.of("output.wait-timeout-seconds", "30",
                                                                "output.speech-timeout-seconds", "1"));
    }

    @AfterAll
    static void stop() {
        output.close();
    }

    @Test
    void streamFormGetsTextDeltasChunksWithTheirFormatAndEnd() throws Exception {
        String id = UUID.randomUUID().toString();
        WsTestClient socket = output.streamingSocket(id);
        output.awaitWaiting(id);

        TestDialog dialog = TestDialog.speak(output.channel()).open(id, SpeechKind.REPLY)
                .text("你好").chunk(0, new byte[] {1, 2, 3, 4}, 24000, 1).text(" world").chunk(1, new byte[] {5, 6}, 24000, 1)
                .end().complete();

        assertThat(socket.nextText(), is("{\"type\":\"text_delta\",\"task_id\":\"" + id + "\",\"content\":\"你好\"}"));
        assertThat(socket.nextText(), is("{\"type\":\"audio_chunk\",\"task_id\":\"" + id + "\",\"chunk_id\":0,"
                + "\"total_chunks\":null,\"format\":\"pcm_s16le\",\"sample_rate\":24000,\"channels\":1}"));
        assertThat(socket.nextBinary(), is(new byte[] {1, 2, 3, 4}));
        assertThat(socket.nextText(), is("{\"type\":\"text_delta\",\"task_id\":\"" + id + "\",\"content\":\" world\"}"));
        assertThat(socket.nextJson().get("chunk_id").asInt(), is(1));
        assertThat(socket.nextBinary(), is(new byte[] {5, 6}));
        assertThat(socket.nextText(), is("{\"type\":\"control\",\"action\":\"END\",\"task_id\":\"" + id + "\"}"));
        assertThat(dialog.ended().getCode(), is(Status.Code.OK));

        // END came before the result: a result with audio closes the socket right after its success frame
        output.redis().publish("task_response:" + id, "{\"text\": \"你好 world\", \"audio\": true}");
        assertThat(socket.nextJson().get("audio_present").asBoolean(), is(true));
        assertThat(socket.nextClose().code(), is(1000));
    }

    @Test
    void streamFormResultWithAudioWaitsForEndThenCloses() throws Exception {
        String id = UUID.randomUUID().toString();
        WsTestClient socket = output.streamingSocket(id);
        output.awaitWaiting(id);
        TestDialog dialog = TestDialog.speak(output.channel()).open(id, SpeechKind.REPLY).chunk(0, new byte[] {9, 9}, 16000, 1);
        assertThat(socket.nextJson().get("sample_rate").asInt(), is(16000));
        assertThat(socket.nextBinary(), is(new byte[] {9, 9}));

        output.redis().publish("task_response:" + id, "{\"text\": \"t\", \"audio\": true}");
        assertThat(socket.nextJson().get("status").asText(), is("success"));
        dialog.chunk(1, new byte[] {8, 8}, 16000, 1);
        assertThat(socket.nextJson().get("chunk_id").asInt(), is(1));
        assertThat(socket.nextBinary(), is(new byte[] {8, 8}));
        dialog.end().complete();

        assertThat(socket.nextJson().get("action").asText(), is("END"));
        assertThat(socket.nextClose().code(), is(1000));
    }

    @Test
    void fileFormGetsOneWavInSlicesAfterTheResultWhenTheResultComesFirst() throws Exception {
        String id = UUID.randomUUID().toString();
        WsTestClient socket = output.socket(id);
        output.awaitWaiting(id);
        output.redis().publish("task_response:" + id, "{\"text\": \"hello\", \"audio\": true}");
        assertThat(socket.nextJson().get("audio_present").asBoolean(), is(true));

        byte[] first = pattern(70_000, 1);
        byte[] second = pattern(50_000, 2);
        TestDialog.speak(output.channel()).open(id, SpeechKind.REPLY).text("hello")
                .chunk(0, first, 22050, 1).chunk(1, second, 22050, 1).end().complete();

        byte[] wav = receiveWav(socket, id, 2);
        assertWavHeader(wav, 22050, 1, 120_000);
        assertThat(Arrays.copyOfRange(wav, 44, 44 + 70_000), is(first));
        assertThat(Arrays.copyOfRange(wav, 44 + 70_000, wav.length), is(second));
        assertThat(socket.nextClose().code(), is(1000));
    }

    @Test
    void fileFormSendsTheWavRightAfterTheResultWhenEndCameFirst() throws Exception {
        String id = UUID.randomUUID().toString();
        WsTestClient socket = output.socket(id);
        output.awaitWaiting(id);
        TestDialog dialog = TestDialog.speak(output.channel()).open(id, SpeechKind.REPLY)
                .chunk(0, pattern(1000, 3), 16000, 2).end().complete();
        assertThat(dialog.ended().getCode(), is(Status.Code.OK));

        output.redis().publish("task_response:" + id, "{\"text\": \"hi\", \"audio\": true}");

        assertThat(socket.nextJson().get("content").asText(), is("hi"));
        byte[] wav = receiveWav(socket, id, 1);
        assertWavHeader(wav, 16000, 2, 1000);
        assertThat(socket.nextClose().code(), is(1000));
    }

    @Test
    void passthroughKeepsTheContractShapeOnAnySocketAndEndDoesNotCloseIt() throws Exception {
        String id = UUID.randomUUID().toString();
        WsTestClient socket = output.socket(id);
        output.awaitWaiting(id);

        TestDialog.speak(output.channel()).open(id, SpeechKind.PASSTHROUGH)
                .chunk(0, "benchmar-0".getBytes(StandardCharsets.US_ASCII), 0, 0)
                .chunk(1, "benchmar-1".getBytes(StandardCharsets.US_ASCII), 0, 0).end().complete();

        assertThat(socket.nextText(), is("{\"type\":\"audio_chunk\",\"task_id\":\"" + id + "\",\"chunk_id\":0,\"total_chunks\":null}"));
        assertThat(new String(socket.nextBinary(), StandardCharsets.US_ASCII), is("benchmar-0"));
        assertThat(socket.nextText(), is("{\"type\":\"audio_chunk\",\"task_id\":\"" + id + "\",\"chunk_id\":1,\"total_chunks\":null}"));
        assertThat(new String(socket.nextBinary(), StandardCharsets.US_ASCII), is("benchmar-1"));
        assertThat(socket.nextText(), is("{\"type\":\"control\",\"action\":\"END\",\"task_id\":\"" + id + "\"}"));

        // still waiting for its result, as the original's socket did
        assertThat(output.status(id), is("waiting"));
        output.redis().publish("task_response:" + id, "{\"text\": \"done\"}");
        assertThat(socket.nextJson().get("content").asText(), is("done"));
        assertThat(socket.nextClose().code(), is(1000));
    }

    @Test
    void aBrokenStreamSendsTheAudioErrorAfterTheResultAndCloses() throws Exception {
        String id = UUID.randomUUID().toString();
        WsTestClient socket = output.socket(id);
        output.awaitWaiting(id);
        TestDialog dialog = TestDialog.speak(output.channel()).open(id, SpeechKind.REPLY).chunk(0, new byte[] {1, 1}, 16000, 1);
        output.redis().publish("task_response:" + id, "{\"text\": \"t\", \"audio\": true}");
        assertThat(socket.nextJson().get("status").asText(), is("success"));

        dialog.cancel();

        assertThat(socket.nextText(), is("{\"type\":\"error\",\"message\":\"Audio transmission failed: the speech stream ended unexpectedly.\"}"));
        assertThat(socket.nextClose().code(), is(1000));
    }

    @Test
    void aResultWithAudioClosesAfterTheSpeechTimeoutWhenNoSpeechEnds() throws Exception {
        String id = UUID.randomUUID().toString();
        WsTestClient socket = output.socket(id);
        output.awaitWaiting(id);

        output.redis().publish("task_response:" + id, "{\"text\": \"t\", \"audio\": true}");
        assertThat(socket.nextJson().get("status").asText(), is("success"));
        long sent = System.nanoTime();

        assertThat(socket.nextClose().code(), is(1000));
        assertThat((System.nanoTime() - sent) / 1_000_000, allOf(greaterThanOrEqualTo(900L), lessThan(3000L)));
    }

    @Test
    void refusesAStreamForASessionWithNoSocketHereAndAStreamThatDoesNotOpen() throws Exception {
        Status notFound = TestDialog.speak(output.channel()).open(UUID.randomUUID().toString(), SpeechKind.REPLY).ended();
        assertThat(notFound.getCode(), is(Status.Code.NOT_FOUND));
        assertThat(notFound.getDescription(), containsString("No client output socket for session"));

        Status invalid = TestDialog.speak(output.channel()).end().ended();
        assertThat(invalid.getCode(), is(Status.Code.INVALID_ARGUMENT));
        assertThat(invalid.getDescription(), is("The first message of a speech stream must be open."));
    }

    @Test
    void aReplyChunkWithoutFormatBreaksOnlyItsOwnStream() throws Exception {
        String id = UUID.randomUUID().toString();
        WsTestClient socket = output.streamingSocket(id);
        output.awaitWaiting(id);

        Status status = TestDialog.speak(output.channel()).open(id, SpeechKind.REPLY).chunk(0, new byte[] {1}, 0, 0).ended();

        assertThat(status.getCode(), is(Status.Code.INVALID_ARGUMENT));
        assertThat(socket.nextJson().get("type").asText(), is("error"));
        socket.socket().abort();
    }

    @Test
    void healthShowsAnOpenIngestStreamAndMetricsCountChunks() throws Exception {
        String id = UUID.randomUUID().toString();
        WsTestClient socket = output.streamingSocket(id);
        output.awaitWaiting(id);
        TestDialog dialog = TestDialog.speak(output.channel()).open(id, SpeechKind.PASSTHROUGH).chunk(0, new byte[] {1}, 0, 0);
        socket.nextJson();
        socket.nextBinary();

        assertThat(output.getJson("/health").get("ingest_connected").asBoolean(), is(true));
        assertThat(output.get("/observe/metrics").body(), containsString("output_speech_chunks"));

        dialog.end().complete();
        assertThat(dialog.ended().getCode(), is(Status.Code.OK));
        OutputFixture.eventually(() -> !ingestConnected());
        socket.socket().abort();
    }

    private static boolean ingestConnected() {
        try {
            return output.getJson("/health").get("ingest_connected").asBoolean();
        } catch (Exception e) {
            return true;
        }
    }

    /** Reads the sliced WAV frames and {@code audio_complete}; returns the file. */
    static byte[] receiveWav(WsTestClient socket, String id, int slices) throws Exception {
        ByteBuffer file = ByteBuffer.allocate(slices * 65_536);
        for (int k = 0; k < slices; k++) {
            assertThat(socket.nextText(), is("{\"type\":\"audio_chunk\",\"task_id\":\"" + id + "\",\"chunk_id\":" + k
                    + ",\"total_chunks\":" + slices + "}"));
            byte[] slice = socket.nextBinary();
            if (k < slices - 1) {
                assertThat(slice.length, is(65_536));
            }
            file.put(slice);
        }
        assertThat(socket.nextText(), is("{\"type\":\"audio_complete\",\"task_id\":\"" + id + "\"}"));
        return Arrays.copyOf(file.array(), file.position());
    }

    static void assertWavHeader(byte[] wav, int rate, int channels, int dataBytes) {
        assertThat(wav.length, is(44 + dataBytes));
        ByteBuffer header = ByteBuffer.wrap(wav, 0, 44).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII), is("RIFF"));
        assertThat(header.getInt(4), is(36 + dataBytes));
        assertThat(new String(wav, 8, 8, StandardCharsets.US_ASCII), is("WAVEfmt "));
        assertThat(header.getInt(16), is(16));
        assertThat(header.getShort(20), is((short) 1));
        assertThat(header.getShort(22), is((short) channels));
        assertThat(header.getInt(24), is(rate));
        assertThat(header.getInt(28), is(rate * channels * 2));
        assertThat(header.getShort(32), is((short) (channels * 2)));
        assertThat(header.getShort(34), is((short) 16));
        assertThat(new String(wav, 36, 4, StandardCharsets.US_ASCII), is("data"));
        assertThat(header.getInt(40), is(dataBytes));
    }

    private static byte[] pattern(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + seed);
        }
        return bytes;
    }
}
