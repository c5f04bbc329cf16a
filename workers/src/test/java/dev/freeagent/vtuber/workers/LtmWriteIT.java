package dev.freeagent.vtuber.workers;

import java.time.Duration;
import java.util.Map;

import dev.freeagent.vtuber.proto.ltm.v1.WriteRequest;
import dev.freeagent.vtuber.workers.event.EventDispatcher;
import dev.freeagent.vtuber.workers.ltm.LtmClient;
import dev.freeagent.vtuber.workers.ltm.LtmWriteEffect;
import dev.freeagent.vtuber.workers.ltm.MemoryWrite;
import dev.freeagent.vtuber.workers.stream.EntryOutcome;
import dev.freeagent.vtuber.workers.stream.StreamConsumer;

import io.grpc.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.is;

/**
 * {@code LtmWriteRequested} entries reach a real LongTermMemory gRPC server on loopback.
 */
class LtmWriteIT {
    private final TestStreams streams = new TestStreams();
    private final String stream = streams.key("events.ltm");
    private final FakeLtm ltm = FakeLtm.start();
    private final LtmClient client = LtmClient.open(ltm.url(), Duration.ofSeconds(2));
    private final Outcomes outcomes = new Outcomes();
    private final StreamConsumer consumer = StreamConsumer.start(streams.redis(),
            streams.settings(stream, "ltm-workers", "ltm-test"),
            new EventDispatcher(Map.of(MemoryWrite.EVENT_TYPE, new LtmWriteEffect(client))), outcomes);

    @AfterEach
    void cleanUp() throws Exception {
        consumer.close();
        client.close();
        ltm.close();
        streams.close();
    }

    @Test
    void writesTheTurnForTheUserInItsLanguage() throws Exception {
        add("""
                {"correlationId":"s1#2","sessionId":"s1","userId":"alice","lang":"en","turn":2,
                 "type":"LtmWriteRequested","payload":{"text":"I like tea","reply":"Noted!","vectorize":true},"ts":1}""");
        WriteRequest write = ltm.nextWrite();
        assertThat(write.getUserId(), is("alice"));
        assertThat(write.getCorrelationId(), is("s1#2"));
        assertThat(write.getSessionId(), is("s1"));
        assertThat(write.getUserText(), is("I like tea"));
        assertThat(write.getReply(), is("Noted!"));
        assertThat(write.getLang(), is("en"));
        assertThat(outcomes.next(), is(EntryOutcome.PROCESSED));
    }

    @Test
    void theSessionStandsForTheUserWhenNoUserIsNamed() throws Exception {
        add("""
                {"correlationId":"s2#0","sessionId":"s2","turn":null,"type":"LtmWriteRequested",
                 "payload":{"text":"hi","reply":"hello"},"ts":1}""");
        WriteRequest write = ltm.nextWrite();
        assertThat(write.getUserId(), is("s2"));
        assertThat(write.getLang(), is(""));
        assertThat(outcomes.next(), is(EntryOutcome.PROCESSED));
    }

    @Test
    void aRepeatedEventIsWrittenOnceAndCountedAsDuplicate() throws Exception {
        String event = """
                {"correlationId":"s3#1","sessionId":"s3","payload":{"text":"a","reply":"b"}}""";
        add(event);
        add(event);
        assertThat(outcomes.next(), is(EntryOutcome.PROCESSED));
        assertThat(outcomes.next(), is(EntryOutcome.DUPLICATE));
        assertThat(consumer.status().processed(), is(1L));
        assertThat(consumer.status().duplicates(), is(1L));
    }

    @Test
    void aWriteTheServiceCannotTakeNowIsRetriedLater() throws Exception {
        ltm.fail("s4#0", Status.Code.UNAVAILABLE, 1);
        add("""
                {"correlationId":"s4#0","sessionId":"s4","payload":{"text":"remember me","reply":"ok"}}""");
        assertThat(outcomes.next(), is(EntryOutcome.FAILED));
        assertThat(outcomes.next(), is(EntryOutcome.PROCESSED));
        assertThat(ltm.nextWrite().getCorrelationId(), is("s4#0"));
        assertThat(ltm.nextWrite().getCorrelationId(), is("s4#0"));
        assertThat(streams.pending(stream, "ltm-workers"), is(0L));
        assertThat(streams.all(stream + ".dead"), is(empty()));
    }

    @Test
    void aWriteThatKeepsFailingIsDeadLetteredAfterTheLastDelivery() throws Exception {
        ltm.fail("s5#0", Status.Code.INTERNAL, 100);
        String id = add("""
                {"correlationId":"s5#0","sessionId":"s5","payload":{"text":"x","reply":"y"}}""");
        outcomes.awaitCount(EntryOutcome.DEAD_LETTERED, 1);
        Map<String, String> dead = streams.all(stream + ".dead").getFirst().getBody();
        assertThat(dead, hasEntry("original_id", id));
        assertThat(dead, hasEntry("type", MemoryWrite.EVENT_TYPE));
        assertThat(dead.get("error"), containsString("the ltm service did not take the write of s5#0 (INTERNAL)"));
        assertThat(dead.get("error"), containsString("gave up after 3 deliveries"));
    }

    @Test
    void anEventTheServiceCallsInvalidIsDeadLetteredAtOnce() throws Exception {
        ltm.fail("s6#0", Status.Code.INVALID_ARGUMENT, 1);
        add("""
                {"correlationId":"s6#0","sessionId":"s6","payload":{"text":"x","reply":"y"}}""");
        assertThat(outcomes.next(), is(EntryOutcome.DEAD_LETTERED));
        assertThat(streams.all(stream + ".dead").getFirst().getBody().get("error"), containsString("as invalid"));
    }

    @Test
    void aMalformedEventIsDeadLetteredWithoutCallingTheService() throws Exception {
        add("{\"correlationId\":\"s7#0\",\"payload\":{\"text\":\"no user\"}}");
        assertThat(outcomes.next(), is(EntryOutcome.DEAD_LETTERED));
        assertThat(streams.all(stream + ".dead").getFirst().getBody().get("error"),
                is("the LtmWriteRequested event names no user: neither userId nor sessionId"));
        assertThat(ltm.calls(), is(0));
    }

    private String add(String payload) {
        return streams.add(stream, Map.of("type", MemoryWrite.EVENT_TYPE, "payload", payload));
    }
}
