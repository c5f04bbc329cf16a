package dev.freeagent.vtuber.output.speech;

import java.util.List;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;

/**
 * Speech metrics at {@code /observe/metrics}: streams opened by kind, chunks relayed, and stops by how they were
 * acknowledged. The meters live in Helidon's global registry (the one the metrics endpoint serves); {@code
 * getOrCreate} lets a second instance in the same JVM share them. Thread-safe.
 */
final class SpeechMeters {
    private final Counter replyStreams;
    private final Counter passthroughStreams;
    private final Counter chunks;
    private final Counter stopsAcknowledged;
    private final Counter stopsTimedOut;

    SpeechMeters() {
        MeterRegistry registry = Metrics.globalRegistry();
        this.replyStreams = registry.getOrCreate(streams("reply"));
        this.passthroughStreams = registry.getOrCreate(streams("passthrough"));
        this.chunks = registry.getOrCreate(Counter.builder("output.speech.chunks")
                .description("Speech chunks relayed to client sockets"));
        this.stopsAcknowledged = registry.getOrCreate(stops("acknowledged"));
        this.stopsTimedOut = registry.getOrCreate(stops("timed_out"));
    }

    void streamOpened(SpeechKind kind) {
        (kind == SpeechKind.REPLY ? replyStreams : passthroughStreams).increment();
    }

    void chunkRelayed() {
        chunks.increment();
    }

    void stopped(boolean acknowledged) {
        (acknowledged ? stopsAcknowledged : stopsTimedOut).increment();
    }

    private static Counter.Builder streams(String kind) {
        return Counter.builder("output.speech.streams")
                .description("Speech streams accepted from dialog")
                .tags(List.of(Tag.create("kind", kind)));
    }

    private static Counter.Builder stops(String how) {
        return Counter.builder("output.speech.stops")
                .description("Speech streams stopped by barge-in, by how dialog acknowledged")
                .tags(List.of(Tag.create("ack", how)));
    }
}
