package dev.freeagent.vtuber.dialog.turn;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freeagent.vtuber.common.testing.FakeOpenAi;
import dev.freeagent.vtuber.common.testing.FakeOpenAi.Reply;
import dev.freeagent.vtuber.dialog.TestDialog;
import dev.freeagent.vtuber.dialog.llm.LlmClient;
import dev.freeagent.vtuber.dialog.memory.ConversationKey;
import dev.freeagent.vtuber.dialog.memory.DisabledShortTermMemory;
import dev.freeagent.vtuber.dialog.memory.MemorySettings;
import dev.freeagent.vtuber.dialog.memory.MemoryTurn;
import dev.freeagent.vtuber.dialog.memory.ShortTermMemory;
import dev.freeagent.vtuber.dialog.memory.SqliteShortTermMemory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TurnRunnerTest {
    private final FakeOpenAi fake = FakeOpenAi.start();
    private final LlmClient llm = new LlmClient(TestDialog.llm(fake.baseUrl()));
    private final PromptAssembler prompts = new PromptAssembler(new Persona("You are Test Persona."));

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        llm.close();
        fake.close();
    }

    private static TurnRequest turn(String text, Map<String, String> meta) {
        return new TurnRequest("task-1", "conv-1", "user-1", 0, text, meta);
    }

    private TurnRunner runner(Responder responder, ShortTermMemory memory) {
        return new TurnRunner(prompts, responder, memory, OutboxEnvelopes.DISABLED, LongTermRecall.NONE,
                TurnObserver.NONE);
    }

    private static Recorder run(TurnRunner runner, TurnRequest request) {
        Recorder recorder = new Recorder();
        runner.run(request, recorder, new Cancellation());
        return recorder;
    }

    @Test
    void systemPromptFromMetaReplacesThePersona() throws InterruptedException {
        TurnRunner runner = runner(llm, new DisabledShortTermMemory());
        run(runner, turn("hi", Map.of("system_prompt", "You are a pirate.")));
        JsonNode messages = fake.awaitRequests(1, Duration.ofSeconds(5)).getFirst().path("messages");
        assertThat(messages.size(), is(2));
        assertThat(messages.path(0).path("content").asText(), is("You are a pirate."));
        assertThat(messages.path(1).path("content").asText(), is("hi"));
    }

    @Test
    void langAddsALanguageHintAfterThePersona() throws InterruptedException {
        TurnRunner runner = runner(llm, new DisabledShortTermMemory());
        run(runner, turn("hi", Map.of("lang", "zh")));
        JsonNode messages = fake.awaitRequests(1, Duration.ofSeconds(5)).getFirst().path("messages");
        assertThat(messages.path(0).path("content").asText(), is("You are Test Persona."));
        assertThat(messages.path(1).path("role").asText(), is("system"));
        assertThat(messages.path(1).path("content").asText(), is("Reply in Chinese."));
        assertThat(messages.path(2).path("content").asText(), is("hi"));
    }

    @Test
    void recalledMemoriesOfTheUserComeBeforeTheMessage() throws InterruptedException {
        List<TurnRequest> asked = new ArrayList<>();
        LongTermRecall recall = request -> {
            asked.add(request);
            return List.of("The user loves chocolate cake.", "The user lives in Lyon.");
        };
        TurnRunner runner = new TurnRunner(prompts, llm, new DisabledShortTermMemory(), OutboxEnvelopes.DISABLED,
                recall, TurnObserver.NONE);
        run(runner, turn("what should I bake?", Map.of()));
        JsonNode messages = fake.awaitRequests(1, Duration.ofSeconds(5)).getFirst().path("messages");
        assertThat(messages.size(), is(3));
        assertThat(messages.path(1).path("role").asText(), is("system"));
        assertThat(messages.path(1).path("content").asText(), is("Relevant memories:\n"
                + "1. The user loves chocolate cake.\n2. The user lives in Lyon."));
        assertThat(messages.path(2).path("content").asText(), is("what should I bake?"));
        assertThat(asked.getFirst().userId(), is("user-1"));
    }

    @Test
    void measuresTheTurn() {
        fake.enqueue(Reply.of("Hello", " big world").firstTokenAfter(Duration.ofMillis(60)));
        TurnRunner runner = runner(llm, new DisabledShortTermMemory());
        Recorder recorder = run(runner, turn("hi", Map.of()));
        TurnStats stats = recorder.result.stats();
        assertThat(recorder.result.reply(), is("Hello big world"));
        assertThat(stats.tokens(), is(3));
        assertThat(stats.source(), is("llm"));
        assertThat(stats.ttftMs().orElseThrow(), is(greaterThan(55.0)));
        assertThat(stats.latencyMs() >= stats.ttftMs().orElseThrow(), is(true));
    }

    @Test
    void scriptedReplySaysSoInChineseByDefault() {
        TurnRunner runner = runner(new ScriptedResponder(Duration.ZERO), new DisabledShortTermMemory());
        Recorder recorder = run(runner, turn("你好", Map.of()));
        assertThat(recorder.result.reply(), containsString("你说「你好」"));
        assertThat(recorder.result.reply(), containsString("（提示：尚未配置大语言模型，这是预设回复。）"));
        assertThat(recorder.result.stats().source(), is("scripted"));
        assertThat(recorder.deltas.size(), is(2));
        assertThat(recorder.result.stats().tokens(), is(2));
    }

    @Test
    void scriptedReplyFollowsTheRequestedLanguage() {
        TurnRunner runner = runner(new ScriptedResponder(Duration.ZERO), new DisabledShortTermMemory());
        Recorder recorder = run(runner, turn("test", Map.of("lang", "en")));
        assertThat(recorder.result.reply(), startsWith("You said: 'test'."));
        assertThat(recorder.result.reply().trim(), containsString("(Note: no language model is configured; "
                + "this is a scripted reply.)"));
    }

    @Test
    void aBargeInEndsTheTurnNormallyWithWhatWasDeliveredBeforeIt() {
        fake.enqueue(Reply.of("first", " second", " third").spacedBy(Duration.ofSeconds(30)));
        try (SqliteShortTermMemory memory = SqliteShortTermMemory.open(
                new MemorySettings(true, dir.resolve("m.sqlite"), 20, 200))) {
            TurnRunner runner = runner(llm, memory);
            Cancellation cancellation = new Cancellation();
            List<TurnResult> done = new ArrayList<>();
            TurnResult result = runner.run(turn("go", Map.of()), new TurnListener() {
                @Override
                public void onDelta(String delta) {
                    Thread.ofVirtual().start(cancellation::stop);
                }

                @Override
                public void onDone(TurnResult finished) {
                    done.add(finished);
                }
            }, cancellation);
            assertThat(result.stopped(), is(true));
            assertThat(result.reply(), is("first"));
            assertThat(done, contains(result));
            assertThat(memory.recent(new ConversationKey("user-1", "conv-1")),
                    contains(new MemoryTurn("user", "go"), new MemoryTurn("assistant", "first")));
        }
    }

    @Test
    void aCancelledTurnStopsPromptlyAndRemembersWhatWasDelivered() {
        // without a prompt cancellation the turn would wait 30 s for the next token; the bound is loose for busy CI
        fake.enqueue(Reply.of("first", " second", " third").spacedBy(Duration.ofSeconds(30)));
        try (SqliteShortTermMemory memory = SqliteShortTermMemory.open(
                new MemorySettings(true, dir.resolve("m.sqlite"), 20, 200))) {
            TurnRunner runner = runner(llm, memory);
            Cancellation cancellation = new Cancellation();
            long start = System.nanoTime();
            assertThrows(TurnCancelledException.class, () -> runner.run(turn("go", Map.of()), new TurnListener() {
                @Override
                public void onDelta(String delta) {
                    Thread.ofVirtual().start(cancellation::cancel);
                }

                @Override
                public void onDone(TurnResult result) {
                }
            }, cancellation));
            assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis(), is(lessThan(15_000L)));
            assertThat(memory.recent(new ConversationKey("user-1", "conv-1")),
                    contains(new MemoryTurn("user", "go"), new MemoryTurn("assistant", "first")));
        }
    }

    @Test
    void aTurnThatFailsBeforeItsFirstDeltaStoresNothing() {
        fake.defaultReply(Reply.error(500));
        try (SqliteShortTermMemory memory = SqliteShortTermMemory.open(
                new MemorySettings(true, dir.resolve("m.sqlite"), 20, 200))) {
            TurnRunner runner = runner(llm, memory);
            assertThrows(ModelUnavailableException.class, () -> run(runner, turn("go", Map.of())));
            assertThat(memory.recent(new ConversationKey("user-1", "conv-1")), is(empty()));
        }
    }

    @Test
    void blankTextIsRejected() {
        InvalidTurnException failure = assertThrows(InvalidTurnException.class, () -> turn("  ", Map.of()));
        assertThat(failure.getMessage(), is("content required"));
    }

    @Test
    void emptyIdsFallBackToTheTaskAndAnonymous() {
        TurnRequest request = new TurnRequest("task-9", "", "", 0, "hi", Map.of());
        assertThat(request.conversation(), is(new ConversationKey("anonymous", "task-9")));
    }

    private static final class Recorder implements TurnListener {
        private final List<String> deltas = new ArrayList<>();
        private TurnResult result;

        @Override
        public void onDelta(String delta) {
            deltas.add(delta);
        }

        @Override
        public void onDone(TurnResult result) {
            this.result = result;
        }
    }
}
