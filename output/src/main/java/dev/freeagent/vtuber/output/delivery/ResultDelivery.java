package dev.freeagent.vtuber.output.delivery;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.common.redis.RedisLink;
import dev.freeagent.vtuber.common.redis.RedisUnavailableException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.logging.common.HelidonMdc;
import io.lettuce.core.pubsub.RedisPubSubAdapter;

/**
 * Delivers exactly one result to each client output socket (contract §4.1, with the gaps of §14.14
 * closed): the socket subscribes to {@code task_response:{id}}, then reads the durable copy
 * {@code task_result:{id}} that input stores before publishing, so a result published before the socket
 * existed still arrives. The wait ends by a result, by the timeout (a timer, not the next message), or
 * as soon as the client leaves. A result that announces audio ({@code "audio": true}) keeps the socket open
 * after the success frame until the session's speech ended, bounded by the speech timeout.
 */
public final class ResultDelivery implements AutoCloseable {
    static final String RESULT_KEY_PREFIX = "task_result:";

    private static final System.Logger LOG = System.getLogger(ResultDelivery.class.getName());
    private static final String SHUTTING_DOWN =
            "The output service is shutting down; reconnect with the same task id to receive the result.";
    private static final String MDC_KEY = "task_id";

    private final RedisLink redis;
    private final Duration waitTimeout;
    private final Duration speechTimeout;
    private final ScheduledExecutorService timers;
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("output-delivery-", 0).factory());
    private final TaskRegistry registry = new TaskRegistry();
    private final ResultSubscriptions subscriptions;
    private final LegacyAudio legacyAudio;

    private ResultDelivery(RedisLink redis, Duration waitTimeout, Duration speechTimeout, Path dataDir,
                           ScheduledExecutorService timers) {
        this.redis = redis;
        this.waitTimeout = waitTimeout;
        this.speechTimeout = speechTimeout;
        this.timers = timers;
        this.subscriptions = new ResultSubscriptions(redis);
        this.legacyAudio = new LegacyAudio(dataDir);
    }

    /**
     * Creates the delivery and registers its one Pub/Sub listener on the link.
     *
     * @param redis the Redis link
     * @param waitTimeout how long a socket waits for its result
     * @param speechTimeout how long a socket stays open after a result with audio for the speech to end
     * @param dataDir the folder legacy audio files must be in
     * @param timers a scheduler that only triggers timeouts (the work runs on virtual threads)
     * @return the delivery
     */
    public static ResultDelivery create(RedisLink redis, Duration waitTimeout, Duration speechTimeout, Path dataDir,
                                        ScheduledExecutorService timers) {
        ResultDelivery delivery = new ResultDelivery(redis, waitTimeout, speechTimeout, dataDir, timers);
        redis.addListener(delivery.new Dispatcher());
        return delivery;
    }

    /**
     * The sockets by task id.
     *
     * @return registry
     */
    public TaskRegistry registry() {
        return registry;
    }

    /**
     * Starts the wait of a newly opened socket. Blocks until the subscription is confirmed (call it on
     * a virtual thread). When Redis is unavailable the client gets the error frame and the socket is
     * closed.
     *
     * @param taskId task id from the path (already validated)
     * @param socket the client socket
     * @param form how the client wants reply audio
     * @return the wait, empty when it already ended
     */
    public Optional<TaskWait> open(String taskId, ClientSocket socket, AudioForm form) {
        TaskWait wait = new TaskWait(taskId, socket, form);
        registry.register(wait);
        try {
            subscriptions.add(wait);
        } catch (RedisUnavailableException e) {
            LOG.log(Level.WARNING, "Redis unavailable for output socket: " + e.getMessage());
            if (wait.claim()) {
                finish(wait, Optional.of(errorFrame("Redis connection not available")));
            } else {
                release(wait);
            }
            return Optional.empty();
        }
        if (wait.finished()) {
            // the client left while we subscribed; its release may have run before the subscription
            release(wait);
            return Optional.empty();
        }
        wait.status(TaskStatus.WAITING);
        wait.timer(timers.schedule(() -> handOff(() -> timeout(wait)), waitTimeout.toMillis(), TimeUnit.MILLISECONDS));
        durableCopy(taskId).ifPresent(payload -> deliver(wait, payload));
        return Optional.of(wait);
    }

    /**
     * The client left (closed or dropped the connection): frees the wait at once. Idempotent.
     *
     * @param wait the wait
     */
    public void abandon(TaskWait wait) {
        if (wait.claim()) {
            LOG.log(Level.DEBUG, "client left before its result: " + wait.taskId());
        }
        release(wait);
    }

    /**
     * A speech stream for the socket opened: a result with audio now waits for it to end.
     *
     * @param wait the socket the speech goes to
     */
    public void speechStarted(TaskWait wait) {
        wait.gate().started();
    }

    /**
     * A speech stream for the socket ended (END, STOP_ACK or broken). Frames that must follow the success frame
     * are sent now if the result is out, else when it goes out; the socket closes once its result is out and no
     * speech plays any more.
     *
     * @param wait the socket the speech went to
     * @param afterResult what the client gets after the success frame (the WAV of a file-form reply, an error)
     */
    public void speechEnded(TaskWait wait, Consumer<ClientSocket> afterResult) {
        apply(wait, wait.gate().ended(afterResult));
    }

    /**
     * Closes every open socket with a clear error frame, then going away, and releases its wait. The task's result
     * stays in Redis, so a client that reconnects (to another instance) still gets it.
     */
    @Override
    public void close() {
        for (TaskWait wait : registry.all()) {
            if (wait.claim()) {
                wait.socket().send(errorFrame(SHUTTING_DOWN));
            }
            wait.socket().close(ClientSocket.GOING_AWAY, "server shutting down");
            release(wait);
        }
        workers.shutdown();
    }

    private Optional<String> durableCopy(String taskId) {
        try {
            return Optional.ofNullable(redis.commands().get(RESULT_KEY_PREFIX + taskId));
        } catch (RuntimeException e) {
            // Pub/Sub is subscribed and lettuce resubscribes after a reconnect: keep waiting
            LOG.log(Level.WARNING, "cannot read the durable result copy: " + e.getMessage());
            return Optional.empty();
        }
    }

    private void deliver(TaskWait wait, String payload) {
        if (!wait.claim()) {
            return;
        }
        HelidonMdc.set(MDC_KEY, wait.taskId());
        try {
            JsonNode message;
            try {
                message = Json.parse(payload);
            } catch (Json.InvalidJsonException e) {
                message = null;
            }
            if (message == null || !message.isObject()) {
                LOG.log(Level.WARNING, "task_response is not a JSON object");
                finish(wait, Optional.of(errorFrame("Invalid response format")));
                return;
            }
            if (sendResult(wait, message)) {
                awaitSpeech(wait);
            } else {
                finish(wait, Optional.empty());
            }
        } finally {
            HelidonMdc.remove(MDC_KEY);
        }
    }

    /**
     * Sends the translated result.
     *
     * @return true when the result announces audio that is still to come
     */
    private boolean sendResult(TaskWait wait, JsonNode message) {
        try {
            TaskResponseTranslator.Translation translation = TaskResponseTranslator.translate(wait.taskId(), message);
            wait.socket().send(Json.write(translation.frame()));
            wait.status(TaskStatus.COMPLETED);
            translation.audioFile()
                    .flatMap(legacyAudio::resolve)
                    .ifPresent(file -> legacyAudio.send(wait.taskId(), file, wait.socket()));
            LOG.log(Level.DEBUG, "result delivered");
            return translation.speechFollows();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "result delivery failed", e);
            wait.socket().send(errorFrame(String.valueOf(e.getMessage())));
            return false;
        }
    }

    private void awaitSpeech(TaskWait wait) {
        wait.cancelTimers();
        wait.speechTimer(timers.schedule(() -> handOff(() -> speechTimeout(wait)),
                                         speechTimeout.toMillis(), TimeUnit.MILLISECONDS));
        apply(wait, wait.gate().resultSent());
    }

    private void apply(TaskWait wait, SpeechGate.Decision decision) {
        decision.send().accept(wait.socket());
        if (decision.close()) {
            finish(wait, Optional.empty());
        }
    }

    private void speechTimeout(TaskWait wait) {
        if (wait.gate().expire()) {
            HelidonMdc.set(MDC_KEY, wait.taskId());
            try {
                LOG.log(Level.INFO, "the speech did not end within " + speechTimeout + "; closing the socket");
                finish(wait, Optional.empty());
            } finally {
                HelidonMdc.remove(MDC_KEY);
            }
        }
    }

    private void timeout(TaskWait wait) {
        if (wait.claim()) {
            HelidonMdc.set(MDC_KEY, wait.taskId());
            try {
                LOG.log(Level.INFO, "no result within " + waitTimeout);
                finish(wait, Optional.of(errorFrame("Processing timeout")));
            } finally {
                HelidonMdc.remove(MDC_KEY);
            }
        }
    }

    private void finish(TaskWait wait, Optional<String> lastFrame) {
        lastFrame.ifPresent(wait.socket()::send);
        wait.socket().close(ClientSocket.NORMAL, "");
        release(wait);
    }

    private void release(TaskWait wait) {
        wait.cancelTimers();
        subscriptions.remove(wait);
        registry.remove(wait);
        wait.release().forEach(Runnable::run);
    }

    private void handOff(Runnable work) {
        try {
            workers.execute(work);
        } catch (RejectedExecutionException e) {
            LOG.log(Level.DEBUG, "delivery stopped; dropped a task");
        }
    }

    private static String errorFrame(String error) {
        ObjectNode frame = Json.object();
        frame.put("status", "error");
        frame.put("error", error);
        return Json.write(frame);
    }

    /**
     * The one listener for all result channels. Runs on a Netty thread: it only looks the channel up
     * and hands the delivery to a virtual thread.
     */
    private final class Dispatcher extends RedisPubSubAdapter<String, String> {
        @Override
        public void message(String channel, String message) {
            if (!channel.startsWith(ResultSubscriptions.CHANNEL_PREFIX)) {
                return;
            }
            for (TaskWait wait : subscriptions.waits(channel)) {
                handOff(() -> deliver(wait, message));
            }
        }

        @Override
        public void subscribed(String channel, long count) {
            if (!channel.startsWith(ResultSubscriptions.CHANNEL_PREFIX)) {
                return;
            }
            // lettuce subscribes again after a reconnect; a result published while the connection was down is
            // only in the durable copy (delivery is exactly once, so reading it on the first subscribe is harmless)
            for (TaskWait wait : subscriptions.waits(channel)) {
                handOff(() -> durableCopy(wait.taskId()).ifPresent(payload -> deliver(wait, payload)));
            }
        }
    }
}
