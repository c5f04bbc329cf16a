package dev.freeagent.vtuber.ltm.legacy;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.common.redis.RedisLink;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * Drops messages older than {@code cleanup-max-age-hours} from the bridge's lists, every
 * {@code cleanup-interval-minutes}. Unlike the original it finds the user lists with SCAN (never KEYS), and it
 * trims in place: lists are newest first, so old messages form the tail, which {@code LTRIM 0 -(n+1)} removes
 * while keeping the order, the TTL and any message pushed meanwhile. Messages whose timestamp cannot be read
 * are kept. A round that fails (Redis down) is tried again after {@code retry-ms}, not a whole interval later.
 * Thread-safe; close it to stop.
 */
final class SessionCleanup implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SessionCleanup.class.getName());
    private static final int SCAN_COUNT = 100;

    private final RedisLink link;
    private final BridgeSettings settings;
    private final Duration retry;
    private final Clock clock;
    private final CountDownLatch closed = new CountDownLatch(1);
    private Thread thread;

    SessionCleanup(RedisLink link, BridgeSettings settings, Duration retry, Clock clock) {
        this.link = link;
        this.settings = settings;
        this.retry = retry;
        this.clock = clock;
    }

    /**
     * Cleans now and then every interval, on a virtual thread.
     *
     * @return this, to close
     */
    SessionCleanup start() {
        thread = Thread.ofVirtual().name("ltm-session-cleanup").start(this::run);
        return this;
    }

    private void run() {
        boolean failing = false;
        do {
            try {
                int dropped = cleanOnce();
                failing = false;
                if (dropped > 0) {
                    LOG.log(Level.INFO, dropped + " messages older than " + settings.maxAge().toHours()
                            + " h were dropped from the session lists.");
                }
            } catch (RuntimeException e) {
                if (!failing) {
                    LOG.log(Level.WARNING, "Cleaning the session lists failed (" + e.getMessage() + "); retrying every "
                            + retry.toMillis() + " ms.");
                }
                failing = true;
            }
        } while (!awaitClose(failing ? retry : settings.cleanupInterval()));
    }

    /**
     * Drops the old messages of every bridge list once.
     *
     * @return how many were dropped
     */
    int cleanOnce() {
        RedisCommands<String, String> redis = link.commands();
        Instant oldest = clock.instant().minus(settings.maxAge());
        int dropped = trim(redis, settings.globalKey(), oldest);
        ScanArgs match = ScanArgs.Builder.matches(globEscaped(settings.sessionsPrefix()) + "*").limit(SCAN_COUNT);
        KeyScanCursor<String> cursor = redis.scan(match);
        while (true) {
            for (String key : cursor.getKeys()) {
                dropped += trim(redis, key, oldest);
            }
            if (cursor.isFinished()) {
                return dropped;
            }
            cursor = redis.scan(ScanCursor.of(cursor.getCursor()), match);
        }
    }

    private int trim(RedisCommands<String, String> redis, String key, Instant oldest) {
        if (!"list".equals(redis.type(key))) {
            return 0;
        }
        List<String> items = redis.lrange(key, 0, -1);
        int stale = 0;
        for (int i = items.size() - 1; i >= 0 && timestamp(items.get(i)).map(t -> t.isBefore(oldest)).orElse(false); i--) {
            stale++;
        }
        if (stale > 0) {
            redis.ltrim(key, 0, -(stale + 1));
        }
        return stale;
    }

    private Optional<Instant> timestamp(String item) {
        try {
            JsonNode value = Json.parse(item).path("timestamp");
            if (value.isNumber()) {
                return Optional.of(Instant.ofEpochSecond(value.asLong()));
            }
            String text = value.asText("");
            return Optional.of(text.matches(".*([+-]\\d\\d:\\d\\d|Z)$")
                    ? OffsetDateTime.parse(text).toInstant()
                    : LocalDateTime.parse(text).atZone(clock.getZone()).toInstant());
        } catch (Json.InvalidJsonException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String globEscaped(String prefix) {
        return prefix.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }

    private boolean awaitClose(Duration wait) {
        try {
            return closed.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            return true;
        }
    }

    @Override
    public void close() {
        closed.countDown();
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
