package dev.freeagent.vtuber.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freeagent.vtuber.common.testing.FakeOpenAi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/**
 * The gateway's web console in a real browser (Debian's Chromium, headless, driven by playwright-core from
 * {@code src/test/js}) against the whole system: a typed turn whose reply grows and speaks, a stop in the middle
 * of it, a reload that keeps the conversation, a spoken turn through the push-to-talk key (Chromium's fake
 * microphone plays a flite recording), an LLM failure shown in words, an image with a prompt, and screenshots at
 * {@code target/console*.png}.
 *
 * <p>Needs {@code npm ci} in {@code src/test/js} and {@code /usr/bin/chromium} (or {@code CHROMIUM}); without them
 * it fails and says so.
 */
class ConsoleBrowserIT {
    private static final Path JS_DIR = Path.of("src", "test", "js").toAbsolutePath();
    private static final Path SPEC = JS_DIR.resolve("console.spec.mjs");
    private static final Path SCREENSHOT = Path.of("target", "console.png").toAbsolutePath();
    private static final Duration SPEC_LIMIT = Duration.ofMinutes(3);
    private static final String SECOND_REPLY = "Your name is Lin.";
    private static final String VOICE_REPLY = "It is sunny and warm today.";
    private static final String IMAGE_REPLY = "A tiny dot.";
    private static final String FIRST_REPLY = "Well, Lin, what a lovely name! It sounds soft and bright at the same time, "
            + "like a little bell on a quiet morning. I am so happy that you came to chat with me today. Tell me, what do "
            + "you like to do on a free afternoon? I love drawing small clouds in my notebook and humming songs that I "
            + "half remember from long ago, and sometimes I make up new ones.";

    @TempDir
    static Path dataDir;

    private static FakeOpenAi llm;
    private static LocalSystem system;
    private static Map<String, String> overrides;

    @BeforeAll
    static void start() {
        llm = FakeOpenAi.start();
        overrides = new HashMap<>(TestSystem.overrides(dataDir, llm.baseUrl()));
        overrides.put("dialog.tts.provider", "tone");
        // speech takes as long as it sounds, so the stream is still open when the user stops it
        overrides.put("dialog.tts.tone.real-time", "true");
        overrides.put("dialog.tts.streaming", "true");
        overrides.put("output.streaming", "true");
        overrides.put("output.barge-in", "true");
        system = LocalSystem.start(overrides);
    }

    @AfterAll
    static void stop() {
        system.close();
        llm.close();
        TestSystem.forget(overrides);
    }

    @Test
    void consoleChatsSpeaksStopsAndContinuesAfterAReload() throws Exception {
        assertThat("playwright-core is installed: run 'npm ci' in " + JS_DIR,
                Files.isDirectory(JS_DIR.resolve("node_modules/playwright-core")), is(true));
        assertThat("Chromium is installed: apt-get install -y chromium",
                Files.isExecutable(Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"))), is(true));
        FakeOpenAi.Reply longReply = longSlowReply();
        llm.enqueue(longReply, FakeOpenAi.Reply.of("Your name ", "is Lin."), FakeOpenAi.Reply.of("It is sunny ", "and warm today."),
                FakeOpenAi.Reply.error(500), FakeOpenAi.Reply.of("A tiny ", "dot."));
        int before = llm.requests().size();
        Files.deleteIfExists(SCREENSHOT);
        Path speech = speak("what is the weather like today");

        int exit = runSpec(system.service("gateway").url("http"), speech);

        assertThat("the browser spec passed (its output is above)", exit, is(0));
        assertThat(Files.readAllBytes(SCREENSHOT).length > 1000, is(true));
        List<JsonNode> requests = llm.awaitRequests(before + 5, Duration.ofSeconds(5));
        List<String> secondPrompt = messages(requests.get(before + 1));
        assertThat(secondPrompt.toString(), secondPrompt, hasItem("user: My name is Lin."));
        String firstAnswer = secondPrompt.stream().filter(m -> m.startsWith("assistant: ")).findFirst().orElse("");
        assertThat(secondPrompt.toString(), firstAnswer, startsWith("assistant: Well, Lin"));
        // the stop reached the server: the turn was kept with only what had been said by then
        assertThat(firstAnswer, firstAnswer.length() < ("assistant: " + String.join("", longReply.tokens())).strip().length(),
                is(true));
        assertThat(secondPrompt.getLast(), is("user: What is my name?"));
        assertThat(messages(requests.get(before + 2)).getLast(), is("user: what is the weather like today"));
        String imageTurn = requests.get(before + 4).path("messages").toString();
        assertThat(imageTurn, containsString("What is this?"));
        assertThat(imageTurn, containsString("data:image/png;base64,"));
    }

    // one word per token, 50 ms apart (about 3 s), in sentences: speech starts early and the stop lands mid-reply
    private static FakeOpenAi.Reply longSlowReply() {
        return FakeOpenAi.Reply.of(FIRST_REPLY.split("(?<= )")).spacedBy(Duration.ofMillis(50));
    }

    // flite's slt voice, which pocketsphinx (dialog's default recogniser) reads exactly
    private static Path speak(String sentence) throws IOException, InterruptedException {
        Path wav = dataDir.resolve("speech.wav");
        Process flite = new ProcessBuilder("flite", "-voice", "slt", "-t", sentence, "-o", wav.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat("flite finished", flite.waitFor(30, TimeUnit.SECONDS), is(true));
        assertThat("flite's exit code", flite.exitValue(), is(0));
        return wav;
    }

    private static int runSpec(String gatewayUrl, Path speech) throws IOException, InterruptedException {
        Process node = new ProcessBuilder("node", SPEC.toString(), "--gateway=" + gatewayUrl,
                "--screenshot=" + SCREENSHOT, "--second-reply=" + SECOND_REPLY, "--speech=" + speech,
                "--voice-reply=" + VOICE_REPLY, "--image-reply=" + IMAGE_REPLY)
                .directory(JS_DIR.toFile())
                .redirectErrorStream(true)
                .start();
        Thread printer = Thread.ofVirtual().start(() -> print(node));
        if (!node.waitFor(SPEC_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            node.descendants().forEach(ProcessHandle::destroyForcibly);
            node.destroyForcibly();
            throw new AssertionError("the browser spec did not finish within " + SPEC_LIMIT.toSeconds() + " s");
        }
        printer.join(Duration.ofSeconds(5));
        return node.exitValue();
    }

    private static void print(Process node) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            lines.lines().forEach(line -> System.out.println("[console spec] " + line));
        } catch (IOException e) {
            System.out.println("[console spec] output lost: " + e.getMessage());
        }
    }

    private static List<String> messages(JsonNode request) {
        List<String> messages = new ArrayList<>();
        request.path("messages").forEach(m -> messages.add(m.path("role").asText() + ": " + m.path("content").asText()));
        return messages;
    }
}
