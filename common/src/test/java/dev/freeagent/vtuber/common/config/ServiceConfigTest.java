package dev.freeagent.vtuber.common.config;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.is;

class ServiceConfigTest {
    @Test
    void upstreamVariablesSetEveryKeyTheyFeed() {
        Map<String, String> keys = UpstreamEnvironment.standard().keys(Map.of(
                "REDIS_HOST", "redis.internal", "DIALOG_ENGINE_URL", "http://dialog:8100", "UNRELATED", "x"));

        assertThat(keys, hasEntry("redis.host", "redis.internal"));
        assertThat(keys, hasEntry("gateway.dialog-url", "http://dialog:8100"));
        assertThat(keys, hasEntry("input.dialog-url", "http://dialog:8100"));
        assertThat(keys.size(), is(3));
    }

    @Test
    void everyUpstreamVariableOfTheContractIsMapped() {
        UpstreamEnvironment table = UpstreamEnvironment.standard();
        for (String variable : List.of("REDIS_HOST", "REDIS_PORT", "OPENAI_API_KEY", "OPENAI_BASE_URL", "LLM_MODEL",
                "LLM_TEMPERATURE", "LLM_REQUEST_TIMEOUT", "LLM_RETRY_LIMIT", "STM_CONTEXT_TURNS", "SYNC_TTS_STREAMING",
                "SYNC_TTS_BARGE_IN", "INPUT_HANDLER_URL", "OUTPUT_HANDLER_URL", "DIALOG_ENGINE_URL", "PORT")) {
            assertThat(variable, table.table().containsKey(variable), is(true));
        }
    }

    @Test
    void overridesWinOverTheYamlDefaults() {
        assertThat(ServiceConfig.load(Map.of()).get("redis.port").asInt().get(), is(6379));
        assertThat(ServiceConfig.load(Map.of("redis.port", "6390")).get("redis.port").asInt().get(), is(6390));
    }
}
