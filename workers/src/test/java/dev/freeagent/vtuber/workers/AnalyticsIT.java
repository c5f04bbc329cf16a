package dev.freeagent.vtuber.workers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.freeagent.vtuber.workers.analytics.AnalyticsEffect;
import dev.freeagent.vtuber.workers.analytics.AnalyticsSettings;
import dev.freeagent.vtuber.workers.analytics.AnalyticsSnapshot;
import dev.freeagent.vtuber.workers.analytics.AnalyticsStore;
import dev.freeagent.vtuber.workers.analytics.Observation;
import dev.freeagent.vtuber.workers.event.EventDispatcher;
import dev.freeagent.vtuber.workers.event.EventEffect;
import dev.freeagent.vtuber.workers.stream.EntryOutcome;
import dev.freeagent.vtuber.workers.stream.StreamConsumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * Statistics aggregated in the machine's Redis, once per correlation id and type.
 */
class AnalyticsIT {
    private final TestStreams streams = new TestStreams();
    private final AnalyticsStore store = new AnalyticsStore(streams.redis(),
            new AnalyticsSettings(streams.key("analytics"), Duration.ofMinutes(5), 3));

    @AfterEach
    void cleanUp() {
        streams.close();
    }

    @Test
    void aggregatesCountSumMaxAndRecentPercentiles() {
        for (int i = 1; i <= 4; i++) {
            store.record(Observation.CHAT_STATS, "s#" + i, new Observation("chat", Map.of("ttft_ms", 100.0 * i)));
        }
        store.record(Observation.CHAT_STATS, "vision#0", new Observation("chat", Map.of()));
        AnalyticsSnapshot.Subject chat = store.snapshot().subjects().getFirst();
        assertThat(chat.name(), is("chat"));
        assertThat(chat.events(), is(5L));
        AnalyticsSnapshot.Metric ttft = chat.metrics().get("ttft_ms");
        assertThat(ttft.count(), is(4L));
        assertThat(ttft.sum(), is(1000.0));
        assertThat(ttft.max(), is(400.0));
        assertThat(ttft.mean(), is(250.0));
        // the window keeps the latest 3 values: 200, 300, 400
        AnalyticsSnapshot.Recent recent = ttft.recent().orElseThrow();
        assertThat(recent.size(), is(3));
        assertThat(recent.p50(), is(300.0));
        assertThat(recent.p99(), is(400.0));
    }

    @Test
    void theSameEventRecordedConcurrentlyCountsOnce() throws Exception {
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            attempts.add(() -> store.record(Observation.ASR_STATS, "s#7",
                    new Observation("asr:whisper", Map.of("latency_ms", 80.0, "duration_seconds", 1.5))));
        }
        int added = 0;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Boolean> result : threads.invokeAll(attempts)) {
                added += result.get() ? 1 : 0;
            }
        }
        assertThat(added, is(1));
        AnalyticsSnapshot.Subject asr = store.snapshot().subjects().getFirst();
        assertThat(asr.name(), is("asr:whisper"));
        assertThat(asr.events(), is(1L));
        assertThat(asr.metrics().get("duration_seconds").sum(), is(1.5));
    }

    @Test
    void aRepeatedDeliveryToTwoWorkersAppliesTheEffectOnce() throws Exception {
        String stream = streams.key("events.analytics");
        Outcomes outcomes = new Outcomes();
        EventEffect effect = new AnalyticsEffect(store, observation -> { });
        EventDispatcher dispatcher = new EventDispatcher(Map.of(Observation.CHAT_STATS, effect,
                Observation.ASR_STATS, effect));
        String chat = """
                {"correlationId":"t#0","sessionId":"t","turn":0,"ttft_ms":120,"tokens":42,"ts":1}""";
        String asr = """
                {"correlationId":"t#0","sessionId":"t","turn":0,"provider":"whisper","latency_ms":300,
                 "duration_seconds":2.5,"ts":1}""";
        streams.add(stream, Map.of("type", Observation.CHAT_STATS, "payload", chat));
        streams.add(stream, Map.of("type", Observation.CHAT_STATS, "payload", chat));
        streams.add(stream, Map.of("type", Observation.ASR_STATS, "payload", asr));
        streams.add(stream, Map.of("type", "SomethingNew", "payload", "{}"));
        try (StreamConsumer first = StreamConsumer.start(streams.redis(),
                streams.settings(stream, "a11y-workers", "one"), dispatcher, outcomes);
             StreamConsumer second = StreamConsumer.start(streams.redis(),
                     streams.settings(stream, "a11y-workers", "two"), dispatcher, outcomes)) {
            List<EntryOutcome> seen = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                seen.add(outcomes.next());
            }
            assertThat(seen.stream().filter(outcome -> outcome == EntryOutcome.PROCESSED).count(), is(2L));
            assertThat(seen.contains(EntryOutcome.DUPLICATE), is(true));
            assertThat(seen.contains(EntryOutcome.SKIPPED), is(true));
        }
        AnalyticsSnapshot snapshot = store.snapshot();
        assertThat(snapshot.subjects().stream().map(AnalyticsSnapshot.Subject::name).toList(),
                is(List.of("asr:whisper", "chat")));
        AnalyticsSnapshot.Subject chatStats = snapshot.subjects().get(1);
        assertThat(chatStats.events(), is(1L));
        assertThat(chatStats.metrics().get("tokens").sum(), is(42.0));
        assertThat(snapshot.subjects().getFirst().metrics().get("latency_ms").max(), is(300.0));
    }
}
