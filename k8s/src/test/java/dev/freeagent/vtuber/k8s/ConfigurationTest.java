package dev.freeagent.vtuber.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.yaml.snakeyaml.Yaml;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The ConfigMap of upstream variables, the Secret of keys, and which service gets which.
 */
class ConfigurationTest {
    /** The secrets of values/secrets.yaml. */
    private static final Map<String, String> SECRETS = Map.of(
            "OPENAI_API_KEY", "sk-test-openai-5b2f",
            "ASR_OPENAI_API_KEY", "sk-test-asr-91d0",
            "LTM_EMBEDDING_API_KEY", "sk-test-embedding-33aa",
            "LTM_EXTRACTION_API_KEY", "sk-test-extraction-4e1b",
            "LTM_POSTGRES_PASSWORD", "pg-password-0f9c");
    /**
     * Variables the chart sets that no service maps yet in common's upstream-env.properties (named in ltm.yaml's
     * comments and output.yaml's). A mapped one may be removed from here; an unmapped one not listed fails.
     */
    private static final Set<String> AWAITING_MAPPING = Set.of();
    /** Variables for the JVM and the pod, not for our configuration. */
    private static final Set<String> PLATFORM = Set.of("JAVA_TOOL_OPTIONS", "POD_IP");

    @Test
    void theConfigMapCarriesTheUpstreamVariablesAndLeavesEmptyOnesOut() {
        Map<String, Object> data = HelmChart.render().get("ConfigMap", "vt-config").at("data").map();

        assertThat(data, hasEntry("LLM_MODEL", "gpt-4o-mini"));
        assertThat(data, hasEntry("SYNC_TTS_PROVIDER", "espeak-ng"));
        assertThat(data, hasEntry("ASR_PROVIDER", "pocketsphinx"));
        for (String flag : List.of("ENABLE_SHORT_TERM_MEMORY", "ENABLE_ASYNC_EXT", "ENABLE_LTM_INLINE", "SYNC_TTS_BARGE_IN",
                "ASR_ENABLED")) {
            assertThat(data, hasEntry(flag, "true"));
        }
        // unset, so the service's own default applies (an empty OPENAI_BASE_URL would switch the LLM on)
        assertThat(data, not(hasKey("OPENAI_BASE_URL")));
        assertThat(data, not(hasKey("ENABLE_REAL_LLM")));
    }

    @Test
    void configValuesWrittenAsNumbersOrBooleansArePassedAsTheirText() {
        Map<String, Object> data = HelmChart.render("secrets.yaml").get("ConfigMap", "vt-config").at("data").map();

        assertThat(data, hasEntry("OPENAI_BASE_URL", "http://ollama.ai.svc:11434/v1"));
        assertThat(data, hasEntry("LLM_MODEL", "qwen2.5:7b"));
        assertThat(data, hasEntry("INPUT_MAX_UPLOAD_BYTES", "33554432"));
        assertThat(data, hasEntry("LLM_TEMPERATURE", "0.2"));
        assertThat(data, hasEntry("ENABLE_LTM_INLINE", "false"));
    }

    @ParameterizedTest
    @FieldSource("dev.freeagent.vtuber.k8s.HelmChart#SCENARIOS")
    void everyServiceReadsTheConfigMap(String scenario) {
        Manifests manifests = HelmChart.renderScenario(scenario);

        for (String service : HelmChart.SERVICES) {
            assertThat(service, manifests.containerOf(service).at("envFrom").items().getFirst()
                    .at("configMapRef.name").text(), is("vt-config"));
        }
    }

    @Test
    void secretValuesAppearNowhereButInTheSecret() {
        Manifests manifests = HelmChart.render("secrets.yaml");

        Yaml yaml = new Yaml();
        for (Node object : manifests.objects()) {
            if (!"Secret".equals(object.at("kind").text())) {
                String text = yaml.dump(object.value());
                SECRETS.values().forEach(secret -> assertThat(object.at("metadata.name").text(), text,
                        not(containsString(secret))));
            }
        }
        Map<String, Object> data = manifests.get("Secret", "vt-secrets").at("data").map();
        SECRETS.forEach((name, secret) -> assertThat(name, new String(Base64.getDecoder().decode(data.get(name).toString()),
                StandardCharsets.UTF_8), is(secret)));
    }

    @ParameterizedTest
    @FieldSource("dev.freeagent.vtuber.k8s.HelmChart#SCENARIOS")
    void eachSecretGoesOnlyToTheServiceThatUsesIt(String scenario) {
        Manifests manifests = HelmChart.renderScenario(scenario);
        // the PostgreSQL password goes to ltm exactly when ltm is given a PostgreSQL
        boolean postgres = manifests.containerOf("ltm").at("env").named("LTM_POSTGRES_URL").present();
        Map<String, Set<String>> expected = Map.of(
                "gateway", Set.of(), "input", Set.of(), "output", Set.of(), "workers", Set.of(),
                "dialog", Set.of("OPENAI_API_KEY", "ASR_OPENAI_API_KEY"),
                "ltm", postgres ? Set.of("LTM_EMBEDDING_API_KEY", "LTM_EXTRACTION_API_KEY", "LTM_POSTGRES_PASSWORD")
                        : Set.of("LTM_EMBEDDING_API_KEY", "LTM_EXTRACTION_API_KEY"));
        String secretName = scenario.equals("existing-secret.yaml") ? "vtuber-keys" : "vt-secrets";

        for (String service : HelmChart.SERVICES) {
            List<Node> fromSecrets = manifests.containerOf(service).at("env").items().stream()
                    .filter(variable -> variable.at("valueFrom.secretKeyRef").present()).toList();
            assertThat(service, fromSecrets.stream().map(variable -> variable.at("name").text()).collect(Collectors.toSet()),
                    is(expected.get(service)));
            for (Node variable : fromSecrets) {
                assertThat(variable.at("valueFrom.secretKeyRef.name").text(), is(secretName));
                assertThat(variable.at("valueFrom.secretKeyRef.key").text(), is(variable.at("name").text()));
            }
        }
    }

    @Test
    void anExistingSecretReplacesTheChartsOwn() {
        Manifests manifests = HelmChart.render("existing-secret.yaml");

        assertThat(manifests.ofKind("Secret"), is(empty()));
        Node password = manifests.get("Deployment", "vt-postgresql").onlyContainer().at("env").named("POSTGRES_PASSWORD");
        assertThat(password.at("valueFrom.secretKeyRef.name").text(), is("vtuber-keys"));
        assertThat(password.at("valueFrom.secretKeyRef.key").text(), is("LTM_POSTGRES_PASSWORD"));
    }

    @Test
    void aSecretPutIntoTheConfigMapIsRefused() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> HelmChart.render(Map.of("config.OPENAI_API_KEY", "sk-oops")));

        assertThat(refused.getMessage(), containsString("config.OPENAI_API_KEY looks like a secret: set it under "
                + "secrets.values (or in secrets.existingSecret), never in the ConfigMap."));
    }

    @Test
    void thePersonaIsMountedIntoDialogAsAFile() {
        Manifests manifests = HelmChart.render("secrets.yaml");

        assertThat(manifests.get("ConfigMap", "vt-persona").at("data").map(),
                hasEntry("persona.txt", "You are Aiko, a cheerful VTuber.\n"));
        Node dialog = manifests.get("StatefulSet", "vt-dialog");
        Node mount = dialog.onlyContainer().at("volumeMounts").named("persona");
        assertThat(dialog.onlyContainer().at("env").named("PERSONA_PROMPT_FILE").at("value").text(),
                is(mount.at("mountPath").text() + "/persona.txt"));
        assertThat(dialog.at("spec.template.spec.volumes").named("persona").at("configMap.name").text(), is("vt-persona"));
        assertThat(HelmChart.render().find("ConfigMap", "vt-persona").isPresent(), is(false));
    }

    @Test
    void everyVariableTheChartSetsIsOneTheServicesRead() throws IOException {
        Set<String> mapped = upstreamVariables();
        Set<String> unknown = new TreeSet<>();
        for (String scenario : List.of(HelmChart.DEFAULTS, "secrets.yaml", "external-postgres.yaml", "in-chart-postgres.yaml")) {
            Manifests manifests = HelmChart.renderScenario(scenario);
            Set<String> names = new HashSet<>(manifests.get("ConfigMap", "vt-config").at("data").map().keySet());
            for (String service : HelmChart.SERVICES) {
                manifests.containerOf(service).at("env").items().forEach(variable -> names.add(variable.at("name").text()));
            }
            names.stream().filter(name -> !mapped.contains(name) && !PLATFORM.contains(name)
                    && !AWAITING_MAPPING.contains(name)).forEach(unknown::add);
        }

        assertThat("variables no service reads", unknown, is(empty()));
    }

    private static Set<String> upstreamVariables() throws IOException {
        Properties table = new Properties();
        try (InputStream in = Files.newInputStream(HelmChart.projectFile("common/src/main/resources/upstream-env.properties"))) {
            table.load(in);
        }
        return table.stringPropertyNames();
    }
}
