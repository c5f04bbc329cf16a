package dev.freeagent.vtuber.dialog;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.freeagent.vtuber.common.config.ServiceConfig;
import dev.freeagent.vtuber.common.redis.RedisLink;
import dev.freeagent.vtuber.common.redis.RedisSettings;
import dev.freeagent.vtuber.common.server.Service;
import dev.freeagent.vtuber.common.server.ServiceServer;
import dev.freeagent.vtuber.common.session.SessionDirectory;
import dev.freeagent.vtuber.dialog.asr.AsrProvider;
import dev.freeagent.vtuber.dialog.asr.AsrProviders;
import dev.freeagent.vtuber.dialog.asr.AsrSettings;
import dev.freeagent.vtuber.dialog.asr.SpokenTurns;
import dev.freeagent.vtuber.dialog.asr.UnavailableAsr;
import dev.freeagent.vtuber.dialog.audio.AudioDecoder;
import dev.freeagent.vtuber.dialog.chat.AudioRoutes;
import dev.freeagent.vtuber.dialog.chat.ChatRoutes;
import dev.freeagent.vtuber.dialog.chat.DialogGrpcService;
import dev.freeagent.vtuber.dialog.chat.HealthRoutes;
import dev.freeagent.vtuber.dialog.chat.TtsMockRoutes;
import dev.freeagent.vtuber.dialog.chat.VisionRoutes;
import dev.freeagent.vtuber.dialog.llm.LlmClient;
import dev.freeagent.vtuber.dialog.ltm.LtmRecallClient;
import dev.freeagent.vtuber.dialog.ltm.RecallSettings;
import dev.freeagent.vtuber.dialog.llm.LlmSettings;
import dev.freeagent.vtuber.dialog.memory.DisabledShortTermMemory;
import dev.freeagent.vtuber.dialog.memory.MemorySettings;
import dev.freeagent.vtuber.dialog.memory.ShortTermMemory;
import dev.freeagent.vtuber.dialog.memory.SqliteShortTermMemory;
import dev.freeagent.vtuber.dialog.outbox.OutboxRelay;
import dev.freeagent.vtuber.dialog.outbox.OutboxSettings;
import dev.freeagent.vtuber.dialog.replica.SharedShortTermMemory;
import dev.freeagent.vtuber.dialog.speech.SpeechIngestClient;
import dev.freeagent.vtuber.dialog.speech.SplitterSettings;
import dev.freeagent.vtuber.dialog.speech.Voice;
import dev.freeagent.vtuber.dialog.tts.MockSettings;
import dev.freeagent.vtuber.dialog.tts.MockSynthesizer;
import dev.freeagent.vtuber.dialog.tts.TtsProvider;
import dev.freeagent.vtuber.dialog.tts.TtsProviders;
import dev.freeagent.vtuber.dialog.tts.TtsSettings;
import dev.freeagent.vtuber.dialog.turn.LongTermRecall;
import dev.freeagent.vtuber.dialog.turn.OutboxEnvelopes;
import dev.freeagent.vtuber.dialog.turn.Persona;
import dev.freeagent.vtuber.dialog.turn.PromptAssembler;
import dev.freeagent.vtuber.dialog.turn.Responder;
import dev.freeagent.vtuber.dialog.turn.ScriptedResponder;
import dev.freeagent.vtuber.dialog.turn.TurnRunner;
import dev.freeagent.vtuber.dialog.turn.VisionSettings;
import dev.freeagent.vtuber.proto.dialog.v1.DialogProto;

import io.helidon.config.Config;
import io.helidon.logging.common.LogConfig;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.grpc.GrpcRouting;

/**
 * Starts the dialog service: short-term memory, the responder (the LLM when one is configured, else the scripted
 * one), the turn runner, voice input (decoder and recogniser), and its HTTP ({@code /chat/stream},
 * {@code /chat/audio}, {@code /chat/audio/stream}, {@code /chat/vision}, {@code /tts/mock}, {@code /health}) and
 * gRPC ({@code DialogService}) edges on one port.
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
        Config config = ServiceConfig.load(Map.of(), "dialog.yaml");
        RedisLink redis = RedisLink.open(RedisSettings.from(config.get("redis")));
        Service service = start(config, redis);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            redis.close();
        }));
        LOG.log(Level.INFO, "dialog listening on port " + service.port());
    }

    /**
     * Starts the service.
     *
     * @param config the whole configuration (this service reads {@code dialog.*} and {@code data.dir})
     * @param redis the Redis link, owned by the caller (the outbox relay uses it)
     * @return the running service; closing it closes what it created
     */
    public static Service start(Config config, RedisLink redis) {
        Config own = config.get("dialog");
        LlmSettings llm = LlmSettings.from(own.get("llm"));
        MemorySettings memorySettings = MemorySettings.from(config);
        OutboxSettings outbox = OutboxSettings.from(own.get("outbox"));
        AsrSettings asr = AsrSettings.from(own.get("asr"));
        VisionSettings vision = VisionSettings.from(own.get("vision"));
        own.get("outbox.db-path").asString().filter(path -> !path.isBlank()).ifPresent(path ->
                LOG.log(Level.WARNING, "DIALOG_ENGINE_DB is ignored: the outbox lives in the short-term memory file "
                        + memorySettings.dbPath() + " so that a turn and its events are written in one transaction"));
        Persona persona = Persona.load(own.get("persona.file").asString().orElse(""));
        Duration wordDelay = Duration.ofMillis(own.get("scripted.word-delay-ms").asLong().orElse(30L));
        List<AutoCloseable> owned = new ArrayList<>();
        try {
            ShortTermMemory memory = memory(memorySettings, outbox, own.get("memory"), redis);
            owned.add(memory);
            if (outbox.enabled()) {
                owned.add(OutboxRelay.start(memorySettings.dbPath(), redis, outbox));
            }
            Responder responder = responder(llm, wordDelay, owned);
            LongTermRecall recall = recall(RecallSettings.from(own.get("ltm")), owned);
            Voice voice = voice(own.get("tts"), redis, owned);
            TurnRunner runner = new TurnRunner(new PromptAssembler(persona), responder, memory,
                    outbox.enabled() ? OutboxEnvelopes.ENABLED : OutboxEnvelopes.DISABLED, recall,
                    new TurnMeters(responder.source()));
            SpokenTurns spoken = spokenTurns(asr, runner, owned);
            WebServerConfig.Builder server = ServiceServer.builder(own.get("host").asString().orElse("0.0.0.0"),
                    own.get("port").asInt().orElse(8100), List.of(new MemoryHealthCheck(memory)));
            ServiceServer.addGrpc(server, GrpcRouting.builder()
                    .service(DialogProto.getDescriptor(), new DialogGrpcService(runner, spoken, vision, voice)));
            String llmKind = responder instanceof LlmClient ? "openai-compatible" : "scripted";
            server.routing(routing -> routing
                    .register(new HealthRoutes(voice.provider(), spoken.provider().orElse(null), outbox.enabled(),
                            llmKind))
                    .register(new ChatRoutes(runner, voice))
                    .register(new AudioRoutes(spoken, voice, asr.decoder().maxBytes()))
                    .register(new VisionRoutes(runner, voice, vision))
                    .register(new TtsMockRoutes(voice)));
            return new Service("dialog", server.build().start(), owned);
        } catch (RuntimeException e) {
            owned.reversed().forEach(Main::closeQuietly);
            throw e;
        }
    }

    private static Responder responder(LlmSettings llm, Duration wordDelay, List<AutoCloseable> owned) {
        if (llm.configured()) {
            LlmClient client = new LlmClient(llm);
            owned.add(client);
            LOG.log(Level.INFO, "replies come from " + llm.model() + " at " + llm.endpoint().getAuthority());
            return client;
        }
        LOG.log(Level.WARNING, "No language model is configured (set OPENAI_API_KEY or OPENAI_BASE_URL, and leave "
                + "ENABLE_REAL_LLM unset or true): replies are scripted.");
        return new ScriptedResponder(wordDelay);
    }

    private static ShortTermMemory memory(MemorySettings settings, OutboxSettings outbox, Config own, RedisLink redis) {
        if (!settings.enabled() && !outbox.enabled()) {
            return new DisabledShortTermMemory();
        }
        SqliteShortTermMemory local = SqliteShortTermMemory.open(settings);
        if (!settings.enabled() || !own.get("shared").asBoolean().orElse(true)) {
            return local;
        }
        return new SharedShortTermMemory(local, redis,
                own.get("shared-prefix").asString().orElse(SharedShortTermMemory.PREFIX), settings.contextTurns(),
                Duration.ofHours(own.get("shared-ttl-hours").asLong().orElse(24L)));
    }

    private static Voice voice(Config tts, RedisLink redis, List<AutoCloseable> owned) {
        TtsProvider provider = TtsProviders.create(TtsSettings.from(tts));
        owned.add(provider);
        SpeechIngestClient outlet = new SpeechIngestClient(SessionDirectory.create(redis)::await);
        owned.add(outlet);
        boolean enabled = tts.get("streaming").asBoolean().orElse(true);
        if (!enabled) {
            LOG.log(Level.INFO, "replies are not spoken (SYNC_TTS_STREAMING=false)");
        }
        return new Voice(enabled, outlet, provider, new MockSynthesizer(MockSettings.from(tts)),
                SplitterSettings.from(tts.get("splitter")),
                Duration.ofMillis(tts.get("session-wait-ms").asLong().orElse(3000L)));
    }

    private static SpokenTurns spokenTurns(AsrSettings settings, TurnRunner runner, List<AutoCloseable> owned) {
        AsrProvider provider;
        if (settings.enabled()) {
            provider = AsrProviders.create(settings);
        } else {
            LOG.log(Level.INFO, "voice input is switched off (ASR_ENABLED=false)");
            provider = new UnavailableAsr(settings.provider(), "Voice input is switched off on this server.");
        }
        owned.add(provider);
        return new SpokenTurns(settings, new AudioDecoder(settings.decoder()), provider, runner);
    }

    private static LongTermRecall recall(RecallSettings settings, List<AutoCloseable> owned) {
        if (!settings.active()) {
            LOG.log(Level.INFO, "long-term memory is not consulted (set LTM_BASE_URL to the ltm service)");
            return LongTermRecall.NONE;
        }
        LtmRecallClient client = new LtmRecallClient(settings);
        owned.add(client);
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
