package dev.freeagent.vtuber.ltm.memory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.freeagent.vtuber.ltm.FakeModelServer;
import dev.freeagent.vtuber.ltm.embedding.EmbeddingSettings;
import dev.freeagent.vtuber.ltm.embedding.MiniLmEmbedder;
import dev.freeagent.vtuber.ltm.embedding.OpenAiEmbeddingClient;
import dev.freeagent.vtuber.ltm.embedding.TextEmbedder;
import dev.freeagent.vtuber.ltm.extraction.FactLimits;
import dev.freeagent.vtuber.ltm.extraction.FirstPersonRule;
import dev.freeagent.vtuber.ltm.store.MemoryStores;
import dev.freeagent.vtuber.ltm.store.StoreSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

/**
 * A store written by one model (a remote one, here a fake on loopback) and opened with another (the real MiniLM):
 * the old vectors are never compared with the new model's, and re-embedding brings them back.
 */
class ReembeddingIT {
    private static final MemorySettings SETTINGS = new MemorySettings(5, 50, 0.2, 0.9, 2000, 8000, 20, 256);

    @TempDir
    Path dir;

    private MemoryStore open() {
        return MemoryStores.open(new StoreSettings(StoreSettings.Kind.SQLITE, dir.resolve("ltm.sqlite"), "", "", "", 1,
                true, 1));
    }

    private static MemoryBank bank(MemoryStore store, TextEmbedder embedder) {
        return new MemoryBank(store, embedder, new FirstPersonRule(new FactLimits(10, 300, 10)), SETTINGS,
                new CountingObserver());
    }

    @Test
    void memoriesOfAnotherModelAreSearchedOnlyAfterTheyAreEmbeddedAgain() {
        try (FakeModelServer server = FakeModelServer.start();
             OpenAiEmbeddingClient remote = new OpenAiEmbeddingClient(new EmbeddingSettings(
                     EmbeddingSettings.Provider.OPENAI, server.baseUrl(), "", "fake-embed", 0, Duration.ofSeconds(5),
                     16, 1));
             MemoryStore store = open()) {
            bank(store, remote).write(WriteCommand.facts("alice", "", "", List.of("I love chocolate cake",
                    "I work as a nurse in Berlin"), "facts"));
        }
        try (MiniLmEmbedder local = MiniLmEmbedder.load(1); MemoryStore store = open()) {
            MemoryBank bank = bank(store, local);
            assertThat(bank.retrieve("alice", "What dessert does the user like?", 5), is(empty()));
            assertThat(store.stale(local.model(), 10).size(), is(2));

            int done = new Reembedding(store, local, 1).reembedAll();

            assertThat(done, is(2));
            assertThat(store.stale(local.model(), 10), is(empty()));
            assertThat(bank.retrieve("alice", "What dessert does the user like?", 1).getFirst().memory().content(),
                    is("I love chocolate cake"));
        }
    }
}
