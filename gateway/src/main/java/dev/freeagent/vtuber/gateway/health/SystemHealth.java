package dev.freeagent.vtuber.gateway.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The health of the whole system as the gateway sees it: the gateway itself (up, since it is answering) and each
 * probed service, asked all at once on virtual threads. A round takes at most the timeout; a service that has not
 * answered by then is down. An answer is reused for the cache time, and only one round runs at a time (callers
 * that arrive meanwhile wait for it and share its answer), so the services see at most one check per cache time
 * however many consoles ask. Thread-safe.
 */
public final class SystemHealth {
    /** The name under which the gateway reports itself. */
    static final String GATEWAY = "gateway";

    private final ReadinessClient client;
    private final List<ProbedService> services;
    private final Duration timeout;
    private final Duration cacheFor;
    private final ReentrantLock probing = new ReentrantLock();
    private volatile Answer latest;

    /**
     * Creates the view; nothing is asked before the first {@link #report()}.
     *
     * @param client the shared readiness client
     * @param services the services to ask, in the order they are reported
     * @param settings the timeout and the cache time
     */
    public SystemHealth(ReadinessClient client, List<ProbedService> services, ServiceHealthSettings settings) {
        this.client = client;
        this.services = List.copyOf(services);
        this.timeout = settings.timeout();
        this.cacheFor = settings.cacheFor();
        this.latest = new Answer(new HealthReport(new LinkedHashMap<>()), System.nanoTime());
    }

    /**
     * The current health: a cached answer while it is fresh, otherwise a new round.
     *
     * @return the gateway first, then each service in order
     */
    public HealthReport report() {
        Answer answer = latest;
        if (answer.fresh()) {
            return answer.report();
        }
        probing.lock();
        try {
            answer = latest;
            if (answer.fresh()) {
                return answer.report();
            }
            HealthReport report = probeAll();
            if (!Thread.currentThread().isInterrupted()) {
                // an interrupted round may have cut answers short: it is not worth keeping
                latest = new Answer(report, System.nanoTime() + cacheFor.toNanos());
            }
            return report;
        } finally {
            probing.unlock();
        }
    }

    private HealthReport probeAll() {
        long deadline = System.nanoTime() + timeout.toNanos();
        ExecutorService probes = Executors.newVirtualThreadPerTaskExecutor();
        try {
            Map<String, Future<Boolean>> answers = new LinkedHashMap<>();
            for (ProbedService service : services) {
                answers.put(service.name(), probes.submit(() -> client.isReady(service.readiness())));
            }
            SequencedMap<String, Boolean> up = new LinkedHashMap<>();
            up.put(GATEWAY, true);
            answers.forEach((name, answer) -> up.put(name, answeredUp(answer, deadline)));
            return new HealthReport(up);
        } finally {
            // a probe still running past the deadline is interrupted, which abandons its request
            probes.shutdownNow();
        }
    }

    private static boolean answeredUp(Future<Boolean> answer, long deadline) {
        try {
            return answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * An answer and until when it may be reused.
     *
     * @param report the answer
     * @param freshUntil {@link System#nanoTime()} at which it expires
     */
    private record Answer(HealthReport report, long freshUntil) {
        boolean fresh() {
            return System.nanoTime() - freshUntil < 0;
        }
    }
}
