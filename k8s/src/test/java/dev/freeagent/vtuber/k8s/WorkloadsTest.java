package dev.freeagent.vtuber.k8s;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The Deployments and StatefulSets: probes, resources, security, images, JVM settings.
 */
class WorkloadsTest {

    @ParameterizedTest
    @FieldSource("dev.freeagent.vtuber.k8s.HelmChart#SCENARIOS")
    void everyContainerHasProbesAndBoundedResources(String scenario) {
        List<Node> workloads = HelmChart.renderScenario(scenario).workloads();

        assertThat(workloads, not(empty()));
        for (Node workload : workloads) {
            for (Node container : containers(workload)) {
                String where = workload.at("metadata.name").text() + "/" + container.at("name").text();
                assertThat(where + " liveness", container.at("livenessProbe").present(), is(true));
                assertThat(where + " readiness", container.at("readinessProbe").present(), is(true));
                for (String bound : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        assertThat(where + " " + bound + "." + resource,
                                container.at("resources." + bound + "." + resource).text(), notNullValue());
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @FieldSource("dev.freeagent.vtuber.k8s.HelmChart#SCENARIOS")
    void servicesProbeTheirObserveEndpointsOnTheirOnePort(String scenario) {
        Manifests manifests = HelmChart.renderScenario(scenario);

        for (String service : HelmChart.SERVICES) {
            Node container = manifests.containerOf(service);
            assertThat(service, container.at("livenessProbe.httpGet.path").text(), is("/observe/health/live"));
            assertThat(service, container.at("readinessProbe.httpGet.path").text(), is("/observe/health/ready"));
            assertThat(service, container.at("startupProbe.httpGet.path").text(), is("/observe/health/live"));
            for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                assertThat(service + " " + probe, container.at(probe + ".httpGet.port").text(), is("http"));
            }
            List<Node> ports = container.at("ports").items();
            assertThat(service + " has one container port: gRPC rides on it", ports.size(), is(1));
            assertThat(service, ports.getFirst().at("name").text(), is("http"));
        }
    }

    @ParameterizedTest
    @FieldSource("dev.freeagent.vtuber.k8s.HelmChart#SCENARIOS")
    void everyPodRunsAsNonRootOnAReadOnlyRootWithAWritableTmp(String scenario) {
        Manifests manifests = HelmChart.renderScenario(scenario);
        for (Node workload : manifests.workloads()) {
            String name = workload.at("metadata.name").text();
            Node pod = workload.at("spec.template.spec");
            assertThat(name, pod.at("securityContext.runAsNonRoot").value(), is(true));
            assertThat(name, pod.at("automountServiceAccountToken").value(), is(false));
            for (Node container : containers(workload)) {
                assertThat(name, container.at("securityContext.allowPrivilegeEscalation").value(), is(false));
                assertThat(name, container.at("securityContext.readOnlyRootFilesystem").value(), is(true));
                assertThat(name, container.at("securityContext.capabilities.drop").value(), is(List.of("ALL")));
            }
        }
        for (String service : HelmChart.SERVICES) {
            Node workload = manifests.workloadOf(service);
            Node tmp = workload.onlyContainer().at("volumeMounts").items().stream()
                    .filter(mount -> "/tmp".equals(mount.at("mountPath").text())).findFirst().orElseThrow();
            Node volume = workload.at("spec.template.spec.volumes").named(tmp.at("name").text());
            assertThat(service + " /tmp", volume.at("emptyDir").present(), is(true));
        }
    }

    @Test
    void imagesDefaultToTheProjectRegistryAndTheAppVersion() {
        Manifests manifests = HelmChart.render();

        for (String service : HelmChart.SERVICES) {
            assertThat(manifests.containerOf(service).at("image").text(),
                    is("ghcr.io/free-agent-vtuber/" + service + ":0.1.0"));
        }
    }

    @Test
    void imagesCanBeMovedAsAWholeOrOneByOne() {
        Manifests manifests = HelmChart.render(Map.of("image.registry", "registry.local:5000",
                "image.repositoryPrefix", "vt", "image.tag", "1.2.3",
                "dialog.image.repository", "mirror.local/dialog-voice", "dialog.image.tag", "voice-7"));

        assertThat(manifests.containerOf("gateway").at("image").text(), is("registry.local:5000/vt/gateway:1.2.3"));
        assertThat(manifests.containerOf("dialog").at("image").text(), is("mirror.local/dialog-voice:voice-7"));
    }

    @Test
    void theJvmSizesItsHeapFromTheContainerLimit() {
        Manifests manifests = HelmChart.render();

        for (String service : HelmChart.SERVICES) {
            String options = manifests.containerOf(service).at("env").named("JAVA_TOOL_OPTIONS").at("value").text();
            assertThat(service, options, containsString("-XX:MaxRAMPercentage="));
        }
        // dialog runs ffmpeg, pocketsphinx and espeak-ng beside the JVM: a smaller share of the limit for the heap
        assertThat(manifests.containerOf("dialog").at("env").named("JAVA_TOOL_OPTIONS").at("value").text(),
                containsString("-XX:MaxRAMPercentage=45"));
    }

    @Test
    void aConfigurationChangeRollsThePods() {
        String before = HelmChart.render().get("Deployment", "vt-input")
                .at("spec.template.metadata.annotations").map().get("checksum/config").toString();
        String after = HelmChart.render(Map.of("config.LLM_MODEL", "another-model")).get("Deployment", "vt-input")
                .at("spec.template.metadata.annotations").map().get("checksum/config").toString();

        assertThat(after, not(is(before)));
    }

    @Test
    void extraEnvironmentIsAddedToOneService() {
        Manifests manifests = HelmChart.render(Map.of("workers.extraEnv[0].name", "LTM_BLOCK_MS",
                "workers.extraEnv[0].value", "1500"));

        assertThat(manifests.containerOf("workers").at("env").named("LTM_BLOCK_MS").at("value").text(), is("1500"));
        assertThat(manifests.containerOf("input").at("env").named("LTM_BLOCK_MS").present(), is(false));
    }

    @Test
    void everyServiceDataFolderIsWritable() {
        Manifests manifests = HelmChart.render();

        for (String service : HelmChart.SERVICES) {
            Node container = manifests.containerOf(service);
            assertThat(service, container.at("env").named("VTUBER_DATA_DIR").at("value").text(), is("/data"));
            assertThat(service, container.at("volumeMounts").items().stream().map(mount -> mount.at("mountPath").text())
                    .toList(), hasItem("/data"));
        }
    }

    private static List<Node> containers(Node workload) {
        return workload.at("spec.template.spec.containers").items();
    }
}
