package dev.freeagent.vtuber.ltm.legacy;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.freeagent.vtuber.common.redis.RedisLink;

import io.lettuce.core.pubsub.RedisPubSubAdapter;

/**
 * A Redis Pub/Sub channel handled one message at a time on a virtual thread. The listener runs on a Netty event
 * loop, so it only puts messages into a bounded inbox (dropping, with a warning, when it is full); the link's
 * Pub/Sub connection may be shared with other channels, so messages of other channels are ignored.
 *
 * <p>Starting subscribes at once when Redis answers, so messages published after {@link #start} returns are
 * received; if Redis is down, subscribing is retried every {@code retry-ms} in the background until it works.
 * Once subscribed, lettuce re-subscribes by itself after a reconnect. Closing unsubscribes (when Redis answers)
 * and stops.
 */
final class ChannelSubscription implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ChannelSubscription.class.getName());
    private static final Duration STOP = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(200);

    private final String channel;
    private final RedisLink link;
    private final Duration retry;
    private final Consumer<String> handler;
    private final BlockingQueue<String> inbox;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread subscriber;
    private final Thread worker;
    private volatile boolean subscribed;

    private ChannelSubscription(String channel, RedisLink link, LegacySettings settings, Consumer<String> handler) {
        this.channel = channel;
        this.link = link;
        this.retry = settings.retry();
        this.handler = handler;
        this.inbox = new ArrayBlockingQueue<>(settings.inboxCapacity());
        this.subscriber = Thread.ofVirtual().name("ltm-subscribe-" + channel).unstarted(this::subscribe);
        this.worker = Thread.ofVirtual().name("ltm-channel-" + channel).unstarted(this::work);
    }

    /**
     * Subscribes (now or as soon as Redis answers) and starts handling messages.
     *
     * @param channel the channel
     * @param link the Redis link
     * @param settings retry and inbox size
     * @param handler handles one message; its failures are logged
     * @return the subscription, to close
     */
    static ChannelSubscription start(String channel, RedisLink link, LegacySettings settings, Consumer<String> handler) {
        ChannelSubscription subscription = new ChannelSubscription(channel, link, settings, handler);
        link.addListener(subscription.new Listener());
        subscription.worker.start();
        if (!subscription.trySubscribe()) {
            LOG.log(Level.WARNING, "Cannot subscribe to " + channel + " now; retrying every "
                    + settings.retry().toMillis() + " ms.");
            subscription.subscriber.start();
        }
        return subscription;
    }

    private boolean trySubscribe() {
        try {
            link.pubSub().sync().subscribe(channel);
            subscribed = true;
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void subscribe() {
        while (closed.getCount() > 0) {
            if (trySubscribe()) {
                LOG.log(Level.INFO, "Subscribed to " + channel + ": Redis is back.");
                return;
            }
            try {
                if (closed.await(retry.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void work() {
        while (closed.getCount() > 0) {
            String message;
            try {
                message = inbox.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (message == null) {
                continue;
            }
            try {
                handler.accept(message);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A message on " + channel + " could not be handled.", e);
            }
        }
    }

    @Override
    public void close() {
        closed.countDown();
        if (subscriber.isAlive()) {
            subscriber.interrupt();
        }
        if (subscribed) {
            try {
                link.pubSub().sync().unsubscribe(channel);
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, "could not unsubscribe from " + channel, e);
            }
        }
        // the worker is not interrupted: it finishes the message in hand and sees the close at its next poll
        try {
            if (subscriber.isAlive()) {
                subscriber.join(STOP);
            }
            worker.join(STOP);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs on a Netty event loop: never blocks. */
    private final class Listener extends RedisPubSubAdapter<String, String> {
        @Override
        public void message(String from, String message) {
            if (closed.getCount() > 0 && channel.equals(from) && !inbox.offer(message)) {
                LOG.log(Level.WARNING, "A message on " + channel + " was dropped: " + inbox.size()
                        + " are already waiting.");
            }
        }
    }
}
