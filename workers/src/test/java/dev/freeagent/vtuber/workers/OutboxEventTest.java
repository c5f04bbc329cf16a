package dev.freeagent.vtuber.workers;

import java.util.Map;

import dev.freeagent.vtuber.workers.analytics.Observation;
import dev.freeagent.vtuber.workers.event.MalformedEventException;
import dev.freeagent.vtuber.workers.event.OutboxEvent;
import dev.freeagent.vtuber.workers.ltm.MemoryWrite;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Reading outbox events, and saying in words what is wrong with a malformed one.
 */
class OutboxEventTest {
    @Test
    void readsTheTypeAndCorrelationId() {
        OutboxEvent event = event("LtmWriteRequested", "{\"correlationId\":\"s#1\",\"sessionId\":\"s\"}");
        assertThat(event.type(), is("LtmWriteRequested"));
        assertThat(event.correlationId(), is("s#1"));
        assertThat(event.text("sessionId").orElseThrow(), is("s"));
        assertThat(event.text("payload", "text").isPresent(), is(false));
    }

    @Test
    void rejectsEntriesThatAreNotEvents() {
        assertThat(malformed(Map.of("payload", "{}")), is("the entry has no type field"));
        assertThat(malformed(Map.of("type", "X")), is("the X entry has no payload field"));
        assertThat(malformed(Map.of("type", "X", "payload", "{oops")), is("the payload of the X entry is not JSON"));
        assertThat(malformed(Map.of("type", "X", "payload", "[1]")), is("the payload of the X entry is not a JSON object"));
        assertThat(malformed(Map.of("type", "X", "payload", "{\"correlationId\":\" \"}")),
                is("the X event has no correlationId"));
    }

    @Test
    void rejectsMembersOfTheWrongType() {
        OutboxEvent event = event("AnalyticsChatStats",
                "{\"correlationId\":\"c\",\"ttft_ms\":\"fast\",\"tokens\":-1,\"payload\":\"flat\"}");
        assertThat(assertThrows(MalformedEventException.class, () -> Observation.from(event)).getMessage(),
                is("in the AnalyticsChatStats event, ttft_ms is not a number of zero or more"));
        assertThat(assertThrows(MalformedEventException.class, () -> event.measure("tokens")).getMessage(),
                is("in the AnalyticsChatStats event, tokens is not a number of zero or more"));
        assertThat(assertThrows(MalformedEventException.class, () -> event.text("payload", "text")).getMessage(),
                is("in the AnalyticsChatStats event, payload is not an object"));
    }

    @Test
    void nullMeasurementsAreLeftOut() {
        Observation vision = Observation.from(event("AnalyticsAsrStats",
                "{\"correlationId\":\"v#0\",\"provider\":null,\"latency_ms\":null,\"duration_seconds\":null}"));
        assertThat(vision.subject(), is("asr:unknown"));
        assertThat(vision.metrics().isEmpty(), is(true));
    }

    @Test
    void aWriteNeedsSomethingToRemember() {
        OutboxEvent empty = event(MemoryWrite.EVENT_TYPE,
                "{\"correlationId\":\"s#0\",\"sessionId\":\"s\",\"payload\":{\"text\":\" \",\"reply\":null}}");
        assertThat(assertThrows(MalformedEventException.class, () -> MemoryWrite.from(empty)).getMessage(),
                is("the LtmWriteRequested event carries neither payload.text nor payload.reply"));
    }

    private static OutboxEvent event(String type, String payload) {
        return OutboxEvent.from(Map.of("type", type, "payload", payload));
    }

    private static String malformed(Map<String, String> fields) {
        return assertThrows(MalformedEventException.class, () -> OutboxEvent.from(fields)).getMessage();
    }
}
