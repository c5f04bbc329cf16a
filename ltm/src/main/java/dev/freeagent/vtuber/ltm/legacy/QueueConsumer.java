package dev.freeagent.vtuber.ltm.legacy;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.freeagent.vtuber.common.redis.RedisLink;
import dev.freeagent.vtuber.common.redis.RedisUnavailableException;

import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * Takes items off a Redis list with BRPOP on a connection of its own (a blocking read must not stall the shared
 * one) and hands each to the handler on a virtual thread, at most {@code max-in-flight} at once: while that many
 * are running, nothing more is taken off the list. Producers LPUSH, so items are handled first in, first out.
 *
 * <p>Redis being down (at start or later) is not an error: the consumer logs once, waits {@code retry-ms} and
 * reconnects, until closed. Closing stops taking items and waits (bounded) for those in flight.
 */
final class QueueConsumer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(QueueConsumer.class.getName());
    private static final Duration DRAIN = Duration.ofSeconds(10);

    private final String queue;
    private final RedisLink link;
    private final LegacySettings settings;
    private final Consumer<String> handler;
    private final Semaphore inFlight;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread thread;
    private boolean failing;

    private QueueConsumer(String queue, RedisLink link, LegacySettings settings, Consumer<String> handler) {
        this.queue = queue;
        this.link = link;
        this.settings = settings;
        this.handler = handler;
        this.inFlight = new Semaphore(settings.maxInFlight());
        this.thread = Thread.ofVirtual().name("ltm-queue-" + queue).unstarted(this::run);
    }

    /**
     * Starts consuming.
     *
     * @param queue the list
     * @param link the Redis link
     * @param settings block, retry and concurrency
     * @param handler handles one item; its failures are logged
     * @return the consumer, to close
     */
    static QueueConsumer start(String queue, RedisLink link, LegacySettings settings, Consumer<String> handler) {
        QueueConsumer consumer = new QueueConsumer(queue, link, settings, handler);
        consumer.thread.start();
        return consumer;
    }

    private void run() {
        while (closed.getCount() > 0) {
            try (StatefulRedisConnection<String, String> connection = link.dedicatedConnection()) {
                if (failing) {
                    LOG.log(Level.INFO, "Reading " + queue + " again: Redis is back.");
                    failing = false;
                }
                consume(connection);
            } catch (RedisUnavailableException | RedisException e) {
                if (closed.getCount() == 0) {
                    return;
                }
                if (!failing) {
                    LOG.log(Level.WARNING, "Cannot read " + queue + " (" + e.getMessage() + "); retrying every "
                            + settings.retry().toMillis() + " ms.");
                    failing = true;
                }
                if (!pause()) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void consume(StatefulRedisConnection<String, String> connection) throws InterruptedException {
        while (closed.getCount() > 0) {
            KeyValue<String, String> item = connection.sync().brpop(settings.block().toSeconds(), queue);
            if (item != null && item.hasValue()) {
                inFlight.acquire();
                String value = item.getValue();
                Thread.ofVirtual().name("ltm-item-" + queue).start(() -> handle(value));
            }
        }
    }

    private void handle(String item) {
        try {
            handler.accept(item);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "An item of " + queue + " could not be handled.", e);
        } finally {
            inFlight.release();
        }
    }

    private boolean pause() {
        try {
            return !closed.await(settings.retry().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            return false;
        }
    }

    @Override
    public void close() {
        closed.countDown();
        thread.interrupt();
        try {
            thread.join(DRAIN);
            if (!inFlight.tryAcquire(settings.maxInFlight(), DRAIN.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(Level.WARNING, "Items of " + queue + " were still being handled after " + DRAIN.toSeconds() + " s.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
