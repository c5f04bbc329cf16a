package dev.freeagent.vtuber.workers.stream;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.freeagent.vtuber.common.redis.RedisLink;
import dev.freeagent.vtuber.common.redis.RedisUnavailableException;

/**
 * One member of a consumer group, running on a virtual thread of its own until closed.
 *
 * <p>Each round it first (every claim interval) takes over entries pending longer than the minimum idle time,
 * left by a dead consumer or by an earlier failure, then reads new entries with a blocking read. An entry is
 * acknowledged when its handler returns; it stays pending when the handler fails, and goes to the dead-letter
 * stream when the handler calls it poison or when it has failed {@code max-deliveries} times. When Redis fails,
 * the loop waits (bounded exponential back-off) and reconnects; starting while Redis is down is fine.
 *
 * <p>Thread-safe. The creator closes it; closing ends a blocked read at once and waits, up to the shutdown
 * timeout, for the entry in hand.
 */
public final class StreamConsumer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(StreamConsumer.class.getName());

    private final RedisLink redis;
    private final ConsumerSettings settings;
    private final EntryHandler handler;
    private final EntryObserver observer;
    private final ConsumerStats stats;
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile GroupConnection connection;
    private volatile Thread thread;
    private long nextClaimNanos;

    private StreamConsumer(RedisLink redis, ConsumerSettings settings, EntryHandler handler, EntryObserver observer) {
        this.redis = redis;
        this.settings = settings;
        this.handler = handler;
        this.observer = observer;
        this.stats = new ConsumerStats(settings);
        this.nextClaimNanos = System.nanoTime();
    }

    /**
     * Starts consuming.
     *
     * @param redis the service's Redis link (a connection of the consumer's own is opened from it)
     * @param settings stream, group, names and limits
     * @param handler what to do with each entry
     * @param observer told every outcome (metrics)
     * @return the running consumer
     */
    public static StreamConsumer start(RedisLink redis, ConsumerSettings settings, EntryHandler handler,
                                       EntryObserver observer) {
        StreamConsumer consumer = new StreamConsumer(redis, settings, handler, observer);
        consumer.thread = Thread.ofVirtual().name("consumer-" + settings.name()).start(consumer::run);
        return consumer;
    }

    /**
     * The consumer's state and counts.
     *
     * @return a snapshot
     */
    public ConsumerStatus status() {
        return stats.status();
    }

    private void run() {
        Backoff backoff = new Backoff(settings.retryInitial(), settings.retryMax());
        while (!closed()) {
            try (GroupConnection group = connect()) {
                stats.state(ConsumerState.READING);
                LOG.log(Level.INFO, describe() + " reading");
                while (!closed()) {
                    round(group);
                    backoff.reset();
                }
            } catch (RuntimeException e) {
                if (!closed()) {
                    waitForRedis(backoff.next(), e);
                }
            }
        }
        stats.state(ConsumerState.STOPPED);
    }

    private GroupConnection connect() {
        GroupConnection group = GroupConnection.open(redis, settings);
        connection = group;
        if (closed()) {
            // close() ran while the connection was being opened and could not see it
            group.close();
        }
        return group;
    }

    private void round(GroupConnection group) {
        if (System.nanoTime() - nextClaimNanos >= 0) {
            reclaim(group);
            nextClaimNanos = System.nanoTime() + settings.claimInterval().toNanos();
        }
        for (StreamEntry entry : group.readNew()) {
            if (closed()) {
                // the rest stays pending and is reclaimed by another consumer
                return;
            }
            handle(group, entry);
        }
    }

    private void reclaim(GroupConnection group) {
        String cursor = GroupConnection.FIRST_ID;
        do {
            GroupConnection.Claim claim = group.claim(cursor);
            claim.entries().forEach(entry -> handle(group, entry));
            cursor = claim.next();
        } while (!GroupConnection.FIRST_ID.equals(cursor) && !closed());
    }

    private void handle(GroupConnection group, StreamEntry entry) {
        stats.delivered(entry.id());
        if (entry.fields().isEmpty()) {
            LOG.log(Level.WARNING, describe() + ": entry " + entry.id() + " was trimmed from the stream before it was handled");
            group.acknowledge(entry.id());
            observe(EntryOutcome.SKIPPED);
        } else if (entry.deliveries() > settings.maxDeliveries()) {
            deadLetter(group, entry, "delivered " + entry.deliveries() + " times without being acknowledged");
        } else {
            apply(group, entry);
        }
    }

    private void apply(GroupConnection group, StreamEntry entry) {
        Handled handled;
        try {
            handled = handler.handle(entry);
        } catch (PoisonEntryException e) {
            deadLetter(group, entry, e.getMessage());
            return;
        } catch (RuntimeException e) {
            failed(group, entry, e);
            return;
        }
        group.acknowledge(entry.id());
        observe(EntryOutcome.of(handled));
    }

    private void failed(GroupConnection group, StreamEntry entry, RuntimeException failure) {
        String error = failure instanceof RetryLaterException
                ? failure.getMessage()
                : "the handler failed unexpectedly (" + failure.getClass().getName() + ")";
        stats.error(error);
        observe(EntryOutcome.FAILED);
        if (entry.deliveries() >= settings.maxDeliveries()) {
            deadLetter(group, entry, error + "; gave up after " + entry.deliveries() + " deliveries");
        } else {
            // an expected failure says all in its message; an unexpected one needs its stack trace
            LOG.log(Level.WARNING, describe() + ": entry " + entry.id() + " failed (delivery " + entry.deliveries()
                    + " of " + settings.maxDeliveries() + "), left pending to retry: " + error,
                    failure instanceof RetryLaterException ? null : failure);
        }
    }

    private void deadLetter(GroupConnection group, StreamEntry entry, String error) {
        group.deadLetter(entry, error);
        stats.error(error);
        observe(EntryOutcome.DEAD_LETTERED);
        LOG.log(Level.WARNING, describe() + ": entry " + entry.id() + " moved to " + settings.deadLetterStream()
                + ": " + error);
    }

    private void observe(EntryOutcome outcome) {
        stats.observed(outcome);
        observer.observed(outcome);
    }

    private void waitForRedis(Duration wait, RuntimeException cause) {
        String reason = cause instanceof RedisUnavailableException
                ? cause.getMessage()
                : "a Redis command failed (" + cause.getClass().getSimpleName() + ")";
        stats.state(ConsumerState.WAITING_FOR_REDIS);
        stats.error(reason);
        // one line per attempt: a Redis that stays down must not fill the log with stack traces
        LOG.log(Level.WARNING, describe() + ": " + reason + "; next attempt in " + wait.toMillis() + " ms");
        LOG.log(Level.DEBUG, "the Redis failure", cause);
        try {
            closing.await(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean closed() {
        return closing.getCount() == 0 || Thread.currentThread().isInterrupted();
    }

    private String describe() {
        return "consumer " + settings.consumer() + " of " + settings.group() + " on " + settings.stream();
    }

    @Override
    public void close() {
        closing.countDown();
        GroupConnection current = connection;
        if (current != null) {
            // ends a blocked read at once; the loop sees it is closing
            current.close();
        }
        try {
            thread.join(settings.shutdownTimeout());
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(settings.shutdownTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stats.state(ConsumerState.STOPPED);
    }
}
