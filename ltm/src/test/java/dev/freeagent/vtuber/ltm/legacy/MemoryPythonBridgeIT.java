package dev.freeagent.vtuber.ltm.legacy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.common.redis.RedisLink;
import dev.freeagent.vtuber.common.testing.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

/**
 * The bridge's store operation, called directly against the machine's Redis on keys of this run.
 */
class MemoryPythonBridgeIT {
    private static final String PREFIX = "ltm-bridge-test:" + UUID.randomUUID() + ":";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07.089Z"), ZoneOffset.UTC);

    @TempDir
    static Path root;
    @TempDir
    static Path elsewhere;
    private static RedisLink link;
    private static MemoryPythonBridge bridge;

    @BeforeAll
    static void open() {
        link = RedisLink.open(TestRedis.machine());
        bridge = new MemoryPythonBridge(link, new RedisRetry(Duration.ofMillis(100), 3),
                LegacyTesting.bridge(PREFIX, root, 3), PREFIX + "memory_updates", CLOCK);
    }

    @AfterAll
    static void close() {
        ScanIterator.scan(link.commands(), ScanArgs.Builder.matches(PREFIX + "*")).stream()
                .forEach(key -> link.commands().del(key));
        link.close();
    }

    private static List<JsonNode> list(String user) {
        return link.commands().lrange(PREFIX + "memory:user_sessions:" + user, 0, -1).stream().map(Json::parse).toList();
    }

    @Test
    void theNewestMessagesAreKeptFirstUpToTheLimitWithUniqueIds() {
        String user = "u-" + UUID.randomUUID();
        for (int i = 1; i <= 5; i++) {
            bridge.onInput("{\"task_id\":\"t" + i + "\",\"type\":\"text\",\"user_id\":\"" + user + "\",\"content\":\"m" + i
                    + "\"}");
        }

        List<JsonNode> messages = list(user);
        assertThat(messages.stream().map(m -> m.path("content").asText()).toList(), contains("m5", "m4", "m3"));
        assertThat(messages.stream().map(m -> m.path("message_id").asText()).distinct().count(), is(3L));
        assertThat(messages.getFirst().path("timestamp").asText(), is("2026-03-04T05:06:07.089"));
        assertThat(messages.getFirst().path("source").asText(), is("user"));
    }

    @Test
    void aTextInputMayNameAFileOnlyUnderTheRoot() throws Exception {
        String user = "u-" + UUID.randomUUID();
        Path inside = Files.writeString(root.resolve("input.txt"), "  I collect old maps  ");
        Path outside = Files.writeString(elsewhere.resolve("secret.txt"), "top secret");
        bridge.onInput("{\"task_id\":\"a\",\"type\":\"text\",\"user_id\":\"" + user + "\",\"input_file\":\""
                + outside + "\"}");
        bridge.onInput("{\"task_id\":\"b\",\"type\":\"text\",\"user_id\":\"" + user + "\",\"input_file\":\""
                + root.resolve("../" + root.getFileName() + "/input.txt") + "\"}");

        List<JsonNode> messages = list(user);
        assertThat(messages.size(), is(1));
        assertThat(messages.getFirst().path("content").asText(), is("I collect old maps"));
        assertThat(messages.getFirst().path("metadata").path("input_file").asText(),
                is(root.resolve("../" + root.getFileName() + "/input.txt").toString()));
        assertThat(Files.exists(inside), is(true));
    }

    @Test
    void anAudioInputIsKeptAsMetadataOnly() {
        String user = "u-" + UUID.randomUUID();
        bridge.onInput("{\"task_id\":\"t\",\"type\":\"audio\",\"user_id\":\"" + user + "\",\"input_file\":\"/x/a.webm\"}");

        JsonNode message = list(user).getFirst();
        assertThat(message.path("type").asText(), is("audio_metadata"));
        assertThat(message.path("content").asText(), is("[Audio file: /x/a.webm]"));
        assertThat(message.path("require_ai_response").asBoolean(), is(false));
        assertThat(message.path("metadata").path("asr_processed").asBoolean(true), is(false));
    }

    @Test
    void aMissingUserIsAnonymousAndAnUnknownTypeIsSkipped() {
        String before = String.valueOf(link.commands().llen(PREFIX + "memory:user_sessions:anonymous"));
        bridge.onInput("{\"task_id\":\"t\",\"type\":\"video\",\"content\":\"x\"}");
        bridge.onInput("{\"task_id\":\"t\",\"type\":\"text\",\"content\":\"hello\"}");

        assertThat(String.valueOf(link.commands().llen(PREFIX + "memory:user_sessions:anonymous")),
                is(String.valueOf(Long.parseLong(before) + 1)));
    }
}
