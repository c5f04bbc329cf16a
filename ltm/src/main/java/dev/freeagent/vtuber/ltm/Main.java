package dev.freeagent.vtuber.ltm;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.freeagent.vtuber.common.config.ServiceConfig;
import dev.freeagent.vtuber.common.redis.RedisLink;
import dev.freeagent.vtuber.common.redis.RedisSettings;
import dev.freeagent.vtuber.common.server.Service;
import dev.freeagent.vtuber.common.server.ServiceServer;
import dev.freeagent.vtuber.ltm.api.HealthRoutes;
import dev.freeagent.vtuber.ltm.api.MemoryGrpcService;
import dev.freeagent.vtuber.ltm.api.RetrieveRoutes;
import dev.freeagent.vtuber.ltm.embedding.EmbeddingSettings;
import dev.freeagent.vtuber.ltm.embedding.MiniLmEmbedder;
import dev.freeagent.vtuber.ltm.embedding.OpenAiEmbeddingClient;
import dev.freeagent.vtuber.ltm.embedding.TextEmbedder;
import dev.freeagent.vtuber.ltm.extraction.ExtractionSettings;
import dev.freeagent.vtuber.ltm.extraction.FactExtractionClient;
import dev.freeagent.vtuber.ltm.extraction.FactExtractor;
import dev.freeagent.vtuber.ltm.extraction.FirstPersonRule;
import dev.freeagent.vtuber.ltm.legacy.LegacyFlows;
import dev.freeagent.vtuber.ltm.legacy.LegacySettings;
import dev.freeagent.vtuber.ltm.memory.MemoryBank;
import dev.freeagent.vtuber.ltm.memory.MemorySettings;
import dev.freeagent.vtuber.ltm.memory.MemoryStore;
import dev.freeagent.vtuber.ltm.memory.Reembedding;
import dev.freeagent.vtuber.ltm.profile.ProfileSettings;
import dev.freeagent.vtuber.ltm.profile.Profiles;
import dev.freeagent.vtuber.ltm.store.MemoryStores;
import dev.freeagent.vtuber.ltm.store.StoreSettings;
import dev.freeagent.vtuber.proto.ltm.v1.LtmProto;

import io.helidon.config.Config;
import io.helidon.logging.common.LogConfig;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.grpc.GrpcRouting;

/**
 * Starts the ltm service: the embedding model, the memory store, fact extraction, the memory bank, re-embedding
 * of memories left by another model, the legacy Redis flows, and the gRPC ({@code LongTermMemory}) and HTTP
 * ({@code /v1/memory/retrieve}, {@code /health}) edges on one port.
 */
public final class Main {
    private static final System.Logger LOG = System.getLogger(Main.class.getName());

    private Main() {
    }

    /**
     * Runs the service until the JVM is stopped.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        LogConfig.configureRuntime();
        Config config = ServiceConfig.load(Map.of(), "ltm.yaml");
        RedisLink redis = RedisLink.open(RedisSettings.from(config.get("redis")));
        Service service = start(config, redis);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            redis.close();
        }));
        LOG.log(Level.INFO, "ltm listening on port " + service.port());
    }

    /**
     * Starts the service.
     *
     * @param config the whole configuration (this service reads {@code ltm.*} and {@code data.dir})
     * @param redis the Redis link, owned by the caller (only the legacy flows use it)
     * @return the running service; closing it closes what it created
     */
    public static Service start(Config config, RedisLink redis) {
        Config own = config.get("ltm");
        MemorySettings memorySettings = MemorySettings.from(own.get("memory"));
        EmbeddingSettings embeddingSettings = EmbeddingSettings.from(own.get("embedding"));
        ExtractionSettings extractionSettings = ExtractionSettings.from(own.get("extraction"));
        StoreSettings storeSettings = StoreSettings.from(config);
        ProfileSettings profileSettings = ProfileSettings.from(own.get("profile"));
        LegacySettings legacySettings = LegacySettings.from(own.get("legacy"));
        Clock clock = Clock.systemDefaultZone();
        List<AutoCloseable> owned = new ArrayList<>();
        try {
            TextEmbedder embedder = embedder(embeddingSettings);
            owned.add(embedder);
            MemoryStore store = MemoryStores.open(storeSettings);
            owned.add(store);
            MemoryBank bank = new MemoryBank(store, embedder, extractor(extractionSettings, owned), memorySettings,
                    new LtmMeters());
            owned.add(new Reembedding(store, embedder, storeSettings.reembedBatch()).start());
            owned.addAll(LegacyFlows.start(legacySettings, redis, bank, new Profiles(store, profileSettings, clock),
                    clock));
            WebServerConfig.Builder server = ServiceServer.builder(own.get("host").asString().orElse("0.0.0.0"),
                    own.get("port").asInt().orElse(8003),
                    List.of(new StoreHealthCheck(store), new EmbeddingHealthCheck(embedder)));
            ServiceServer.addGrpc(server, GrpcRouting.builder()
                    .service(LtmProto.getDescriptor(), new MemoryGrpcService(bank)));
            server.routing(routing -> routing
                    .register(new HealthRoutes(store, embedder, redis::available))
                    .register(new RetrieveRoutes(bank)));
            LOG.log(Level.INFO, "Long-term memory: " + store.description() + ", vectors by " + embedder.model() + ".");
            return new Service("ltm", server.build().start(), owned);
        } catch (RuntimeException e) {
            owned.reversed().forEach(Main::closeQuietly);
            throw e;
        }
    }

    private static TextEmbedder embedder(EmbeddingSettings settings) {
        return switch (settings.provider()) {
            case LOCAL -> MiniLmEmbedder.load(settings.threads());
            case OPENAI -> new OpenAiEmbeddingClient(settings);
        };
    }

    private static FactExtractor extractor(ExtractionSettings settings, List<AutoCloseable> owned) {
        FactExtractor rule = new FirstPersonRule(settings.limits());
        if (!settings.configured()) {
            LOG.log(Level.INFO, "No language model is configured for fact extraction (set LTM_EXTRACTION_BASE_URL "
                    + "or LTM_EXTRACTION_API_KEY): the first-person rule picks what to remember.");
            return rule;
        }
        FactExtractionClient client = new FactExtractionClient(settings, rule);
        owned.add(client);
        LOG.log(Level.INFO, "Facts are extracted by " + settings.model() + " at " + settings.endpoint().getAuthority()
                + ", with the first-person rule when it fails.");
        return client;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "failed to close " + closeable.getClass().getSimpleName(), e);
        }
    }
}
