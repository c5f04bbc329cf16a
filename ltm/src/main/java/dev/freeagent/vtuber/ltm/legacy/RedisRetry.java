package dev.freeagent.vtuber.ltm.legacy;

import java.time.Duration;
import java.util.function.Supplier;

import dev.freeagent.vtuber.common.redis.RedisUnavailableException;

import io.lettuce.core.RedisException;

/**
 * Repeats a Redis write that failed because Redis is (or was just) unreachable: right after an outage the link
 * refuses commands for a moment while it reconnects, and an item already taken off a list must not be lost to
 * that. Each action must be safe to repeat (one command or one script). Stateless.
 *
 * @param interval pause between attempts
 * @param attempts tries in all
 */
record RedisRetry(Duration interval, int attempts) {
    /**
     * Runs the action until it succeeds or the attempts are used up.
     *
     * @param action one Redis command or script
     * @param <T> its result
     * @return the result
     * @throws RuntimeException the last failure
     */
    <T> T call(Supplier<T> action) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                return action.get();
            } catch (RedisUnavailableException | RedisException e) {
                last = e;
                if (attempt == attempts || !pause()) {
                    break;
                }
            }
        }
        throw last;
    }

    private boolean pause() {
        try {
            Thread.sleep(interval);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
