package dev.freeagent.vtuber.ltm.profile;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.ltm.embedding.MiniLmEmbedder;
import dev.freeagent.vtuber.ltm.extraction.FactLimits;
import dev.freeagent.vtuber.ltm.extraction.FirstPersonRule;
import dev.freeagent.vtuber.ltm.memory.CountingObserver;
import dev.freeagent.vtuber.ltm.memory.InvalidMemoryRequestException;
import dev.freeagent.vtuber.ltm.memory.MemoryBank;
import dev.freeagent.vtuber.ltm.memory.MemorySettings;
import dev.freeagent.vtuber.ltm.memory.MemoryStore;
import dev.freeagent.vtuber.ltm.memory.WriteCommand;
import dev.freeagent.vtuber.ltm.store.MemoryStores;
import dev.freeagent.vtuber.ltm.store.StoreSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProfilesIT {
    @TempDir
    static Path dir;
    private static MiniLmEmbedder embedder;
    private static MemoryStore store;
    private static MemoryBank bank;
    private static Profiles profiles;

    @BeforeAll
    static void open() {
        embedder = MiniLmEmbedder.load(1);
        store = MemoryStores.open(new StoreSettings(StoreSettings.Kind.SQLITE, dir.resolve("ltm.sqlite"), "", "", "", 1,
                true, 64));
        bank = new MemoryBank(store, embedder, new FirstPersonRule(new FactLimits(5, 300, 10)),
                new MemorySettings(5, 50, 0.2, 0.9, 2000, 8000, 20, 256), new CountingObserver());
        profiles = new Profiles(store, new ProfileSettings(200, 10, 200),
                Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));
    }

    @AfterAll
    static void close() {
        store.close();
        embedder.close();
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    @Test
    void theProfileIsBuiltFromTheUsersMemories() {
        String user = "u-" + UUID.randomUUID();
        bank.write(WriteCommand.facts(user, "", "", List.of("I love chocolate cake", "I work as a software engineer",
                "I'm quite shy at parties", "我喜欢看动漫", "我是一名大学生"), "facts"));

        ObjectNode profile = profiles.get(user);

        assertThat(profile.path("user_id").asText(), is(user));
        assertThat(texts(profile.path("preferences")), is(List.of("看动漫", "chocolate cake")));
        assertThat(texts(profile.path("personality_traits")), is(List.of("introverted")));
        assertThat(texts(profile.path("context_info")), is(List.of("学生", "software engineer")));
        assertThat(profile.path("memory_count").asInt(), is(5));
        assertThat(profile.path("updated_at").asText(), is("2026-01-02T03:04:05Z"));
        assertThat(profile.path("version").asText(), is("1.0"));
    }

    @Test
    void setFieldsAreKeptAndLaidOverTheDerivedOnes() {
        String user = "u-" + UUID.randomUUID();
        bank.write(WriteCommand.facts(user, "", "", List.of("I love jazz music"), "facts"));

        profiles.update(user, (ObjectNode) Json.parse("{\"nickname\":\"Jo\",\"preferences\":[\"hiking\"]}"));
        ObjectNode profile = profiles.update(user, (ObjectNode) Json.parse("{\"city\":\"Oslo\",\"user_id\":\"evil\"}"));

        assertThat(profile.path("user_id").asText(), is(user));
        assertThat(profile.path("nickname").asText(), is("Jo"));
        assertThat(profile.path("city").asText(), is("Oslo"));
        assertThat(texts(profile.path("preferences")), is(List.of("hiking", "jazz music")));
        assertThat(profiles.get(user).path("nickname").asText(), is("Jo"));
    }

    @Test
    void oversizedFieldsAreRefused() {
        ObjectNode big = Json.object().put("bio", "x".repeat(300));

        InvalidMemoryRequestException failure = assertThrows(InvalidMemoryRequestException.class,
                () -> profiles.update("someone", big));
        assertThat(failure.getMessage().startsWith("The profile fields must be at most 200 characters"), is(true));
    }
}
