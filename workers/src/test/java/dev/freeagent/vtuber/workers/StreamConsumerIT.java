package dev.freeagent.vtuber.workers;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.freeagent.vtuber.workers.stream.ConsumerState;
import dev.freeagent.vtuber.workers.stream.EntryHandler;
import dev.freeagent.vtuber.workers.stream.EntryOutcome;
import dev.freeagent.vtuber.workers.stream.Handled;
import dev.freeagent.vtuber.workers.stream.PoisonEntryException;
import dev.freeagent.vtuber.workers.stream.RetryLaterException;
import dev.freeagent.vtuber.workers.stream.StreamConsumer;
import dev.freeagent.vtuber.workers.stream.StreamEntry;

import io.lettuce.core.StreamMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.is;

/**
 * The group mechanics against the machine's Redis, with handlers that record what they are given.
 */
class StreamConsumerIT {
    private final TestStreams streams = new TestStreams();
    private final String stream = streams.key("events");
    private final String group = "workers-test";
    private final Outcomes outcomes = new Outcomes();

    @AfterEach
    void cleanUp() {
        streams.close();
    }

    @Test
    void handlesEntriesWrittenBeforeTheGroupExisted() throws Exception {
        streams.add(stream, Map.of("n", "1"));
        streams.add(stream, Map.of("n", "2"));
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        try (StreamConsumer consumer = start("solo", entry -> {
            seen.add(entry.fields().get("n"));
            return Handled.APPLIED;
        })) {
            outcomes.awaitCount(EntryOutcome.PROCESSED, 2);
            assertThat(List.copyOf(seen), is(List.of("1", "2")));
            assertThat(streams.pending(stream, group), is(0L));
            assertThat(consumer.status().processed(), is(2L));
            assertThat(consumer.status().lastDeliveredId().isPresent(), is(true));
        }
    }

    @Test
    void twoConsumersInOneGroupShareTheWorkAndNeitherHandlesAnEntryTwice() throws Exception {
        Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> perConsumer = new ConcurrentHashMap<>();
        // each consumer's first entry waits until the other has one too, so both must have taken part
        CountDownLatch bothWorking = new CountDownLatch(2);
        int total = 40;
        try (StreamConsumer first = start("first", sharing("first", handled, perConsumer, bothWorking));
             StreamConsumer second = start("second", sharing("second", handled, perConsumer, bothWorking))) {
            for (int i = 0; i < total; i++) {
                streams.add(stream, Map.of("n", Integer.toString(i)));
            }
            outcomes.awaitCount(EntryOutcome.PROCESSED, total);
            assertThat(handled.size(), is(total));
            assertThat(handled.values().stream().allMatch(count -> count.get() == 1), is(true));
            assertThat(perConsumer.get("first").get(), greaterThan(0));
            assertThat(perConsumer.get("second").get(), greaterThan(0));
            assertThat(first.status().processed() + second.status().processed(), is((long) total));
        }
    }

    @Test
    void reclaimsEntriesADeadConsumerLeftPending() throws Exception {
        streams.createGroup(stream, group);
        streams.add(stream, Map.of("n", "1"));
        streams.add(stream, Map.of("n", "2"));
        assertThat(streams.readAndDie(stream, group, "dead").size(), is(2));
        BlockingQueue<StreamEntry> seen = new LinkedBlockingQueue<>();
        try (StreamConsumer consumer = start("heir", entry -> {
            seen.add(entry);
            return Handled.APPLIED;
        })) {
            outcomes.awaitCount(EntryOutcome.PROCESSED, 2);
            assertThat(seen.stream().map(entry -> entry.fields().get("n")).sorted().toList(), is(List.of("1", "2")));
            // delivered once to the dead consumer, once more by the reclaim
            assertThat(seen.stream().allMatch(entry -> entry.deliveries() == 2), is(true));
            assertThat(streams.pending(stream, group), is(0L));
        }
    }

    @Test
    void anEntryThatKeepsFailingGoesToTheDeadLetterStreamWithTheError() throws Exception {
        String id = streams.add(stream, Map.of("type", "Poison", "payload", "{}"));
        AtomicInteger attempts = new AtomicInteger();
        try (StreamConsumer consumer = start("patient", entry -> {
            attempts.incrementAndGet();
            throw new RetryLaterException("the test service is down", null);
        })) {
            outcomes.awaitCount(EntryOutcome.DEAD_LETTERED, 1);
            assertThat(attempts.get(), is(3));
            assertThat(consumer.status().failed(), is(3L));
            assertThat(consumer.status().deadLettered(), is(1L));
        }
        List<StreamMessage<String, String>> dead = streams.all(stream + ".dead");
        assertThat(dead.size(), is(1));
        Map<String, String> fields = dead.getFirst().getBody();
        assertThat(fields, hasEntry("type", "Poison"));
        assertThat(fields, hasEntry("payload", "{}"));
        assertThat(fields, hasEntry("original_id", id));
        assertThat(fields, hasEntry("deliveries", "3"));
        assertThat(fields.get("error"), containsString("the test service is down"));
        assertThat(streams.pending(stream, group), is(0L));
    }

    @Test
    void aPoisonEntryGoesToTheDeadLetterStreamAtOnce() throws Exception {
        String id = streams.add(stream, Map.of("junk", "yes"));
        try (StreamConsumer consumer = start("strict", entry -> {
            throw new PoisonEntryException("the entry makes no sense");
        })) {
            assertThat(outcomes.next(), is(EntryOutcome.DEAD_LETTERED));
        }
        Map<String, String> dead = streams.all(stream + ".dead").getFirst().getBody();
        assertThat(dead, hasEntry("junk", "yes"));
        assertThat(dead, hasEntry("original_id", id));
        assertThat(dead, hasEntry("deliveries", "1"));
        assertThat(dead, hasEntry("error", "the entry makes no sense"));
    }

    @Test
    void closeEndsABlockedReadPromptly() {
        StreamConsumer consumer = start("sleeper", entry -> Handled.APPLIED);
        TestStreams.eventually("the consumer reads", () -> consumer.status().state() == ConsumerState.READING);
        long started = System.nanoTime();
        consumer.close();
        // well below the 2 s shutdown timeout: close ends the read instead of waiting for the entry in hand
        assertThat(Duration.ofNanos(System.nanoTime() - started).toMillis() < 1500, is(true));
        assertThat(consumer.status().state(), is(ConsumerState.STOPPED));
    }

    @Test
    void errorsOfTheHandlerAreNotMistakenForRedisFailures() throws Exception {
        streams.add(stream, Map.of("n", "1"));
        try (StreamConsumer consumer = start("clumsy", entry -> {
            throw new IllegalStateException("bug");
        })) {
            assertThat(outcomes.next(), is(EntryOutcome.FAILED));
            assertThat(consumer.status().state(), is(ConsumerState.READING));
            assertThat(consumer.status().lastError().orElseThrow(), containsString("failed unexpectedly"));
        }
        assertThat(streams.all(stream + ".dead"), is(empty()));
    }

    private StreamConsumer start(String name, EntryHandler handler) {
        return StreamConsumer.start(streams.redis(), streams.settings(stream, group, name), handler, outcomes);
    }

    private static EntryHandler sharing(String name, Map<String, AtomicInteger> handled,
                                        Map<String, AtomicInteger> perConsumer, CountDownLatch bothWorking) {
        return entry -> {
            handled.computeIfAbsent(entry.id(), id -> new AtomicInteger()).incrementAndGet();
            if (perConsumer.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet() == 1) {
                bothWorking.countDown();
                try {
                    if (!bothWorking.await(5, TimeUnit.SECONDS)) {
                        throw new AssertionError("the other consumer got no entry");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Handled.APPLIED;
        };
    }
}
