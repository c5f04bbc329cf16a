package dev.freeagent.vtuber.output.speech;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import dev.freeagent.vtuber.output.control.SpeechSessions;
import dev.freeagent.vtuber.output.delivery.ClientSocket;
import dev.freeagent.vtuber.output.delivery.ResultDelivery;
import dev.freeagent.vtuber.output.delivery.TaskRegistry;
import dev.freeagent.vtuber.output.delivery.TaskWait;

/**
 * The speech streams open on this instance, by session: accepts a stream for a session whose client socket is
 * here, and stops a session's streams on barge-in. Thread-safe.
 */
public final class SpeechStreams implements SpeechSessions {
    private final boolean enabled;
    private final TaskRegistry registry;
    private final ResultDelivery delivery;
    private final SpeechSettings settings;
    private final ScheduledExecutorService timers;
    private final SpeechMeters meters = new SpeechMeters();
    private final ConcurrentHashMap<String, Set<SpeechStream>> bySession = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();

    /**
     * Creates the registry of streams.
     *
     * @param enabled {@code SYNC_TTS_STREAMING}: whether streams are accepted at all
     * @param delivery the client sockets and their result delivery
     * @param settings speech settings
     * @param timers a scheduler that only triggers timeouts (the work runs on virtual threads)
     */
    public SpeechStreams(boolean enabled, ResultDelivery delivery, SpeechSettings settings,
                         ScheduledExecutorService timers) {
        this.enabled = enabled;
        this.registry = delivery.registry();
        this.delivery = delivery;
        this.settings = settings;
        this.timers = timers;
    }

    /**
     * Accepts a stream for a session whose client socket is open here.
     *
     * @param opening the stream's first message
     * @param downlink the way back to dialog
     * @return the stream
     * @throws SpeechRejectedException when streaming is off or no client socket for the session is here
     */
    public SpeechStream open(SpeechOpening opening, SpeechDownlink downlink) {
        if (!enabled) {
            throw new SpeechRejectedException(SpeechRejectedException.Reason.STREAMING_DISABLED,
                                              "SYNC_TTS_STREAMING disabled");
        }
        TaskWait wait = registry.find(opening.sessionId()).orElseThrow(() -> new SpeechRejectedException(
                SpeechRejectedException.Reason.NO_CLIENT_SOCKET,
                "No client output socket for session " + opening.sessionId() + " is open on this instance."));
        SpeechStream stream = new SpeechStream(opening, wait, downlink, this);
        bySession.computeIfAbsent(opening.sessionId(), id -> ConcurrentHashMap.newKeySet()).add(stream);
        open.incrementAndGet();
        meters.streamOpened(opening.kind());
        delivery.speechStarted(wait);
        wait.onRelease(stream::abandon);
        return stream;
    }

    @Override
    public LocalStop stop(String sessionId) {
        boolean stopped = false;
        for (SpeechStream stream : bySession.getOrDefault(sessionId, Set.of())) {
            stopped |= stream.stop();
        }
        if (stopped) {
            return LocalStop.STOPPED;
        }
        return registry.find(sessionId).isPresent() ? LocalStop.IDLE : LocalStop.NOT_HELD;
    }

    /**
     * Whether at least one speech stream is open (what {@code /health} calls {@code ingest_connected}).
     *
     * @return true while a stream is open
     */
    public boolean anyOpen() {
        return open.get() > 0;
    }

    SpeechSettings settings() {
        return settings;
    }

    void ended(SpeechStream stream, TaskWait wait, Consumer<ClientSocket> afterResult) {
        delivery.speechEnded(wait, afterResult);
    }

    /** The stream's RPC is over; idempotent. */
    void closed(SpeechStream stream) {
        boolean[] removed = new boolean[1];
        bySession.computeIfPresent(stream.sessionId(), (id, streams) -> {
            removed[0] = streams.remove(stream);
            return streams.isEmpty() ? null : streams;
        });
        if (removed[0]) {
            open.decrementAndGet();
        }
    }

    void chunkRelayed() {
        meters.chunkRelayed();
    }

    void stopped(boolean acknowledged) {
        meters.stopped(acknowledged);
    }

    ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        return timers.schedule(() -> Thread.ofVirtual().name("speech-timeout").start(task),
                               delay.toMillis(), TimeUnit.MILLISECONDS);
    }
}
