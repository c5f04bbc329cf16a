package dev.freeagent.vtuber.dialog;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.freeagent.vtuber.common.config.ServiceConfig;
import dev.freeagent.vtuber.common.redis.RedisLink;
import dev.freeagent.vtuber.common.server.Service;
import dev.freeagent.vtuber.common.testing.TestRedis;
import dev.freeagent.vtuber.dialog.llm.LlmSettings;

import io.helidon.config.Config;

/**
 * Test-data builders: LLM settings pointing at a loopback server, and a dialog service on port 0.
 */
public final class TestDialog {
    private TestDialog() {
    }

    /**
     * LLM settings for a loopback server: no key, 3 attempts without back-off, a 5 s timeout.
     *
     * @param baseUrl e.g. the fake's base URL
     * @return settings
     */
    public static LlmSettings llm(String baseUrl) {
        return llm(baseUrl, Duration.ofSeconds(5), 2);
    }

    /**
     * LLM settings for a loopback server.
     *
     * @param baseUrl base URL
     * @param timeout request timeout
     * @param retries retry limit
     * @return settings
     */
    public static LlmSettings llm(String baseUrl, Duration timeout, int retries) {
        return new LlmSettings(Optional.empty(), "", baseUrl, "", "gpt-4o-mini", 0.7, 1024, 1.0, 0.0, 0.0,
                timeout, retries, Duration.ZERO);
    }

    /**
     * Configuration of a dialog service on a free loopback port with its memory in {@code dir}.
     *
     * @param dir a temp folder
     * @param overrides more keys
     * @return the configuration
     */
    public static Config config(Path dir, Map<String, String> overrides) {
        Map<String, String> keys = new HashMap<>();
        keys.put("dialog.host", "127.0.0.1");
        keys.put("dialog.port", "0");
        keys.put("data.dir", dir.toString());
        keys.put("dialog.llm.api-key", "");
        keys.put("dialog.llm.base-url", "");
        keys.put("dialog.llm.retry-backoff-seconds", "0");
        keys.put("dialog.scripted.word-delay-ms", "0");
        // a deterministic voice; the outbox is tested on its own streams (OutboxRelayIT), not the machine's
        keys.put("dialog.tts.provider", "tone");
        // no output service runs here: a gRPC turn need not wait long for its session's output socket
        keys.put("dialog.tts.session-wait-ms", "200");
        keys.put("dialog.outbox.enabled", "false");
        // recent messages stay in each test's own file unless a test shares them on purpose (SharedMemoryIT)
        keys.put("dialog.memory.shared", "false");
        keys.putAll(overrides);
        return ServiceConfig.load(keys, "dialog.yaml");
    }

    /**
     * Starts a dialog service.
     *
     * @param dir a temp folder for its memory
     * @param overrides more keys
     * @return the running service, plus the Redis link to close
     */
    public static Running start(Path dir, Map<String, String> overrides) {
        RedisLink redis = RedisLink.open(TestRedis.machine());
        try {
            return new Running(Main.start(config(dir, overrides), redis), redis);
        } catch (RuntimeException e) {
            redis.close();
            throw e;
        }
    }

    /**
     * A started service and the link it was given.
     *
     * @param service the service
     * @param redis the link
     */
    public record Running(Service service, RedisLink redis) implements AutoCloseable {
        @Override
        public void close() {
            service.close();
            redis.close();
        }
    }
}
