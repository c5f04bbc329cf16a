package dev.freeagent.vtuber.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.freeagent.vtuber.common.config.ServiceConfig;
import dev.freeagent.vtuber.common.grpc.GrpcChannels;
import dev.freeagent.vtuber.common.redis.RedisLink;
import dev.freeagent.vtuber.common.server.Service;
import dev.freeagent.vtuber.common.testing.TestRedis;
import dev.freeagent.vtuber.ltm.embedding.Embedding;
import dev.freeagent.vtuber.ltm.embedding.MiniLmEmbedder;
import dev.freeagent.vtuber.ltm.memory.MemoryStore;
import dev.freeagent.vtuber.ltm.store.MemoryStores;
import dev.freeagent.vtuber.ltm.store.StoreSettings;
import dev.freeagent.vtuber.proto.ltm.v1.ForgetRequest;
import dev.freeagent.vtuber.proto.ltm.v1.LongTermMemoryGrpc;
import dev.freeagent.vtuber.proto.ltm.v1.RetrieveRequest;
import dev.freeagent.vtuber.proto.ltm.v1.WriteReply;
import dev.freeagent.vtuber.proto.ltm.v1.WriteRequest;

import io.grpc.ManagedChannel;
import io.helidon.config.Config;

/**
 * The ltm service alone, started in this process with its production settings ({@code ltm.yaml}: the local
 * MiniLM model, SQLite, near-duplicate threshold 0.9) on a data folder of the benchmark's own, the legacy Redis
 * flows off. One user's memory is filled through gRPC {@code Write} with given facts ({@link Sentences}, 20 per
 * call, the most one call may give) and then searched through gRPC {@code Retrieve}; each call is timed by the
 * client. To tell where retrieval time goes, the steps of a search are then timed alone, on the same model and the
 * same SQLite file.
 */
final class LongTermMemoryRun {
    private static final int FACTS_PER_WRITE = 20;
    private static final int REPORT_EVERY = 2_000;
    private static final int WARM_UP = 20;

    private final LongTermMemoryGrpc.LongTermMemoryBlockingStub ltm;
    private final String user = "bench-" + UUID.randomUUID();

    private LongTermMemoryRun(ManagedChannel channel) {
        this.ltm = LongTermMemoryGrpc.newBlockingStub(channel);
    }

    /**
     * Fills, searches and prints.
     *
     * @param dataDir the service's data folder
     * @param memories memories the user should hold
     * @param retrievals searches measured
     */
    static void run(Path dataDir, int memories, int retrievals) throws Exception {
        Config config = ServiceConfig.load(Map.of("data.dir", dataDir.toString(), "ltm.host", "127.0.0.1",
                "ltm.port", "0", "ltm.legacy.memory-updates.enabled", "false", "ltm.legacy.requests.enabled", "false",
                "ltm.legacy.bridge.enabled", "false"), "ltm.yaml");
        Sentences sentences = new Sentences(42);
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < WARM_UP + retrievals; i++) {
            queries.add(sentences.query());
        }
        try (RedisLink redis = RedisLink.open(TestRedis.machine());
             Service service = dev.freeagent.vtuber.ltm.Main.start(config, redis)) {
            ManagedChannel channel = GrpcChannels.open(service.url("http"));
            try {
                LongTermMemoryRun run = new LongTermMemoryRun(channel);
                run.fill(sentences, memories);
                Latencies retrieve = run.retrieve(queries);
                System.out.printf("  Retrieve (gRPC, query embedding included)  %s   target p99 <= 15 ms: %s%n",
                        retrieve.summary(), retrieve.percentile(99) <= 15 ? "met" : "MISSED");
                breakdown(config, run.user, queries);
                run.ltm.withDeadlineAfter(60, TimeUnit.SECONDS).forget(ForgetRequest.newBuilder().setUserId(run.user).build());
            } finally {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }

    private void fill(Sentences sentences, int memories) {
        System.out.printf("LONG-TERM MEMORY: one user, %d memories, given facts %d per Write%n", memories, FACTS_PER_WRITE);
        int stored = 0;
        int written = 0;
        int writes = 0;
        long start = System.nanoTime();
        long stretchStart = start;
        int stretchWritten = 0;
        while (stored < memories) {
            List<String> facts = new ArrayList<>(FACTS_PER_WRITE);
            for (int i = 0; i < Math.min(FACTS_PER_WRITE, memories - stored); i++) {
                facts.add(sentences.fact());
            }
            WriteReply reply = ltm.withDeadlineAfter(60, TimeUnit.SECONDS).write(WriteRequest.newBuilder()
                    .setUserId(user).setCorrelationId("bench#" + writes++).addAllFacts(facts).build());
            int before = stored;
            stored += reply.getStoredCount();
            written += facts.size();
            if (stored / REPORT_EVERY > before / REPORT_EVERY || stored >= memories) {
                long now = System.nanoTime();
                System.out.printf("  ingestion up to %5d held: %6.0f facts/s over the last %d written%n", stored,
                        (written - stretchWritten) / ((now - stretchStart) / 1e9), written - stretchWritten);
                stretchStart = now;
                stretchWritten = written;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("  ingestion overall: %d facts written, %d stored (%d dropped as near-duplicates) in %.1f s: "
                + "%.0f facts/s%n", written, stored, written - stored, seconds, written / seconds);
    }

    private Latencies retrieve(List<String> queries) {
        List<Double> times = new ArrayList<>(queries.size());
        int found = 0;
        for (int i = 0; i < queries.size(); i++) {
            long start = System.nanoTime();
            int memories = ltm.withDeadlineAfter(10, TimeUnit.SECONDS).retrieve(RetrieveRequest.newBuilder()
                    .setUserId(user).setQuery(queries.get(i)).build()).getMemoriesCount();
            long end = System.nanoTime();
            if (i >= WARM_UP) {
                times.add((end - start) / 1e6);
                found += memories;
            }
        }
        System.out.printf("  %d searches found %.1f memories each on average%n", times.size(),
                (double) found / times.size());
        return Latencies.of(times);
    }

    /**
     * Times the three steps of a search alone, as MemoryBank takes them: the check that the user has any memory
     * ({@code recent(user, 1)}), the query's embedding, and the store's scan of the user's rows.
     */
    private static void breakdown(Config config, String user, List<String> queries) {
        List<Double> check = new ArrayList<>();
        List<Double> embedding = new ArrayList<>();
        List<Double> search = new ArrayList<>();
        try (MiniLmEmbedder embedder = MiniLmEmbedder.load(1);
             MemoryStore store = MemoryStores.open(StoreSettings.from(config))) {
            for (int i = 0; i < queries.size(); i++) {
                long start = System.nanoTime();
                store.recent(user, 1);
                long checked = System.nanoTime();
                Embedding vector = embedder.embed(queries.get(i));
                long embedded = System.nanoTime();
                store.search(user, vector, 5, 0.2);
                long searched = System.nanoTime();
                if (i >= WARM_UP) {
                    check.add((checked - start) / 1e6);
                    embedding.add((embedded - checked) / 1e6);
                    search.add((searched - embedded) / 1e6);
                }
            }
        }
        System.out.printf("    step 1, any memory? (recent(user, 1))    %s%n", Latencies.of(check).summary());
        System.out.printf("    step 2, query embedding (MiniLM)         %s%n", Latencies.of(embedding).summary());
        System.out.printf("    step 3, exact search (SQLite scan)       %s%n", Latencies.of(search).summary());
    }
}
