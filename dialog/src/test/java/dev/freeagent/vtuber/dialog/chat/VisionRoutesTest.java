package dev.freeagent.vtuber.dialog.chat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.common.testing.FakeOpenAi;
import dev.freeagent.vtuber.common.testing.FakeOpenAi.Reply;
import dev.freeagent.vtuber.dialog.TestDialog;
import dev.freeagent.vtuber.dialog.chat.ChatHttp.OutboxRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.freeagent.vtuber.dialog.chat.ChatHttp.keys;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/**
 * {@code /chat/vision}: with a fake LLM the image reaches the model once, as content parts of the last message, and
 * later turns see only the stored text; without one the contract's four texts come back exactly; refusals follow the
 * contract's order; the outbox gets the contract's events, {@code AnalyticsAsrStats} with nulls included.
 */
class VisionRoutesTest {
    @TempDir
    static Path dir;
    private static final String STREAMS = "test:dialog-vision:" + UUID.randomUUID() + ":";
    private static FakeOpenAi fake;
    private static TestDialog.Running llm;
    private static TestDialog.Running scripted;
    private static ChatHttp llmHttp;
    private static ChatHttp scriptedHttp;
    private static String png;

    @BeforeAll
    static void start() throws IOException {
        fake = FakeOpenAi.start();
        llm = TestDialog.start(Files.createDirectories(dir.resolve("llm")), Map.of(
                "dialog.llm.base-url", fake.baseUrl(),
                "dialog.vision.max-bytes", "1024",
                "dialog.outbox.enabled", "true",
                "dialog.outbox.ltm-stream", STREAMS + "ltm",
                "dialog.outbox.analytics-stream", STREAMS + "analytics"));
        scripted = TestDialog.start(Files.createDirectories(dir.resolve("scripted")), Map.of());
        llmHttp = new ChatHttp(llm.service().url("http"));
        scriptedHttp = new ChatHttp(scripted.service().url("http"));
        ByteArrayOutputStream image = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "png", image);
        png = Base64.getEncoder().encodeToString(image.toByteArray());
    }

    @AfterAll
    static void stop() {
        llmHttp.close();
        scriptedHttp.close();
        llm.redis().commands().del(STREAMS + "ltm", STREAMS + "analytics");
        llm.close();
        scripted.close();
        fake.close();
    }

    @Test
    void theModelSeesTheImageOnceAsContentPartsAndLaterTurnsOnlyTheText() throws Exception {
        String session = "sess-vision-" + UUID.randomUUID();
        fake.enqueue(Reply.of("A black", " square."));
        HttpResponse<String> response = llmHttp.post("/chat/vision", "{\"sessionId\":\"" + session
                + "\",\"userId\":\"alice\",\"image\":\"" + png + "\",\"prompt\":\"  这张图片里有什么？ \","
                + "\"mimeType\":\"image/jpeg\",\"meta\":{\"lang\":\"zh\"}}");

        assertThat(response.statusCode(), is(200));
        assertThat(response.headers().firstValue("Content-Type").orElseThrow(), is("application/json"));
        JsonNode json = Json.parse(response.body());
        assertThat(keys(json), contains("sessionId", "prompt", "reply", "stats"));
        assertThat(keys(json.path("stats")), contains("chat"));
        assertThat(keys(json.path("stats").path("chat")), contains("source", "tokens", "ttft_ms"));
        assertThat(json.path("sessionId").asText(), is(session));
        assertThat(json.path("prompt").asText(), is("这张图片里有什么？"));
        assertThat(json.path("reply").asText(), is("A black square."));
        assertThat(json.path("stats").path("chat").path("source").asText(), is("llm"));
        assertThat(json.path("stats").path("chat").path("tokens").asInt(), is(3));

        JsonNode sent = lastMessage(request -> request.toString().contains(png));
        assertThat(sent.toString(), is("{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"这张图片里有什么？\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/jpeg;base64," + png + "\"}}]}"));

        llmHttp.post("/chat/stream", "{\"sessionId\":\"" + session + "\",\"userId\":\"alice\",\"content\":\"谢谢\"}");
        JsonNode next = fake.requests().stream().filter(r -> lastContent(r).equals("谢谢")).findFirst().orElseThrow();
        assertThat(next.toString(), not(containsString("image_url")));
        assertThat(next.toString(), containsString("{\"role\":\"user\",\"content\":\"这张图片里有什么？\\n[图片输入]\"},"
                + "{\"role\":\"assistant\",\"content\":\"A black square.\"}"));

        List<OutboxRow> rows = ChatHttp.outbox(dir.resolve("llm/dialog_memory.sqlite"), session);
        assertThat(rows.stream().map(OutboxRow::type).toList().subList(0, 3),
                contains("LtmWriteRequested", "AnalyticsChatStats", "AnalyticsAsrStats"));
        assertThat(rows.getFirst().payload().path("payload").path("text").asText(), is("这张图片里有什么？\n[图片输入]"));
        JsonNode asr = rows.get(2).payload();
        assertThat(keys(asr), contains("correlationId", "sessionId", "turn", "provider", "latency_ms",
                "duration_seconds", "ts"));
        assertThat(asr.path("provider").isNull() && asr.path("latency_ms").isNull()
                && asr.path("duration_seconds").isNull(), is(true));
    }

    private static String lastContent(JsonNode request) {
        JsonNode messages = request.path("messages");
        return messages.path(messages.size() - 1).path("content").asText();
    }

    private static JsonNode lastMessage(Predicate<JsonNode> which) {
        JsonNode messages = fake.requests().stream().filter(which).findFirst().orElseThrow().path("messages");
        return messages.path(messages.size() - 1);
    }

    @Test
    void withoutAPromptTheDefaultOneIsUsedAndTextStandsInForIt() throws Exception {
        String session = "vision-" + UUID.randomUUID();
        HttpResponse<String> response = llmHttp.post("/chat/vision",
                "{\"sessionId\":\"" + session + "\",\"image\":\"" + png + "\"}");
        assertThat(Json.parse(response.body()).path("prompt").asText(), is("请描述这张图片。"));
        HttpResponse<String> fromText = llmHttp.post("/chat/vision",
                "{\"image\":\"" + png + "\",\"prompt\":\" \",\"text\":\"what is it?\"}");
        assertThat(Json.parse(fromText.body()).path("prompt").asText(), is("what is it?"));
    }

    private static void assertRefused(String body, int status, String detail) throws Exception {
        HttpResponse<String> response = llmHttp.post("/chat/vision", body);
        assertThat(body, response.statusCode(), is(status));
        assertThat(response.body(), is("{\"detail\":\"" + detail + "\"}"));
    }

    @Test
    void refusesInTheContractsOrder() throws Exception {
        assertRefused("{not json", 400, "invalid json");
        assertRefused("{\"prompt\":\"hi\"}", 400, "image required");
        assertRefused("{\"image\":\"  \"}", 400, "image required");
        assertRefused("{\"image\":\"iVBOR!==\"}", 400, "invalid image encoding");
        assertRefused("{\"image\":\"iVBORw\"}", 400, "invalid image encoding");
        assertRefused("{\"image\":\"" + Base64.getEncoder().encodeToString(new byte[1025]) + "\"}", 413,
                "image payload too large");
        assertThat(llmHttp.post("/chat/vision", "{\"image\":\"" + Base64.getEncoder().encodeToString(new byte[1024])
                + "\"}").statusCode(), is(200));
    }

    private static JsonNode describe(String fields) throws Exception {
        HttpResponse<String> response = scriptedHttp.post("/chat/vision", "{\"image\":\"" + png + "\"" + fields + "}");
        assertThat(response.statusCode(), is(200));
        return Json.parse(response.body());
    }

    @Test
    void withoutAModelTheContractsFourTextsAnswerExactly() throws Exception {
        JsonNode zh = describe("");
        assertThat(zh.path("reply").asText(),
                is("这张图片看起来很有意思！虽然我暂时无法直接看到内容，但如果你描述更多细节，我会和你一起展开想象。"));
        assertThat(zh.path("prompt").asText(), is("请描述这张图片。"));
        assertThat(zh.path("stats").path("chat").path("source").asText(), is("mock"));
        assertThat(describe(",\"prompt\":\"一只猫\"").path("reply").asText(),
                is("这张图片听起来很有意思！虽然我暂时看不到实际画面，但根据你的提示「一只猫」我可以和你一起展开想象。要不要再告诉我一些细节？"));
        assertThat(describe(",\"meta\":{\"lang\":\"en\"}").path("reply").asText(),
                is("That picture sounds fascinating! I can't view it directly, but if you describe a few more "
                        + "details we can imagine it together."));
        JsonNode en = describe(",\"prompt\":\"a cat  on a mat\",\"meta\":{\"lang\":\"en-US\"}");
        assertThat(en.path("reply").asText(), is("That picture sounds fascinating! I can't see it directly right now, "
                + "but with your hint \"a cat  on a mat\" we can imagine it together. Feel free to share more details!"));
        assertThat(en.path("stats").path("chat").path("tokens").asInt(), is(31));
    }
}
