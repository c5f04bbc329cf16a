package dev.freeagent.vtuber.k8s;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

/**
 * Replicas, PodDisruptionBudgets and HorizontalPodAutoscalers.
 */
class ScalingTest {

    @ParameterizedTest
    @FieldSource("dev.freeagent.vtuber.k8s.HelmChart#SCENARIOS")
    void everyServiceHasADisruptionBudgetOverItsOwnPods(String scenario) {
        Manifests manifests = HelmChart.renderScenario(scenario);

        for (String service : HelmChart.SERVICES) {
            Node budget = manifests.get("PodDisruptionBudget", HelmChart.RELEASE + "-" + service);
            Node workload = manifests.workloadOf(service);
            assertThat(service, budget.at("spec.selector.matchLabels").map(), is(workload.at("spec.selector.matchLabels").map()));
            assertThat(service, workload.at("spec.template.metadata.labels").map().entrySet()
                    .containsAll(budget.at("spec.selector.matchLabels").map().entrySet()), is(true));
            // either bound, never both
            assertThat(service, budget.at("spec.maxUnavailable").present() != budget.at("spec.minAvailable").present(),
                    is(true));
        }
    }

    @Test
    void aBudgetMayKeepAMinimumInstead() {
        Node budget = HelmChart.render("ha.yaml").get("PodDisruptionBudget", "vt-workers");

        assertThat(budget.at("spec.minAvailable").text(), is("1"));
        assertThat(budget.at("spec.maxUnavailable").present(), is(false));
    }

    @Test
    void autoscalersAreOffByDefault() {
        Manifests manifests = HelmChart.render();

        assertThat(manifests.ofKind("HorizontalPodAutoscaler"), is(empty()));
        for (String service : HelmChart.SERVICES) {
            assertThat(service, manifests.workloadOf(service).at("spec.replicas").text(), is("1"));
        }
    }

    @Test
    void autoscalersTargetTheirWorkloadsWhichLeaveReplicasToThem() {
        Manifests manifests = HelmChart.render("ha.yaml");

        List<Node> autoscalers = manifests.ofKind("HorizontalPodAutoscaler");
        assertThat(autoscalers.stream().map(hpa -> hpa.at("metadata.name").text()).toList(),
                containsInAnyOrder("vt-gateway", "vt-input", "vt-output", "vt-dialog"));
        for (Node autoscaler : autoscalers) {
            Node target = autoscaler.at("spec.scaleTargetRef");
            Node workload = manifests.get(target.at("kind").text(), target.at("name").text());
            assertThat(target.at("name").text(), workload.at("spec.replicas").present(), is(false));
            assertThat(autoscaler.at("spec.metrics").items().getFirst().at("resource.name").text(), is("cpu"));
        }
        assertThat(manifests.get("HorizontalPodAutoscaler", "vt-dialog").at("spec.scaleTargetRef.kind").text(),
                is("StatefulSet"));
        Node gateway = manifests.get("HorizontalPodAutoscaler", "vt-gateway");
        assertThat(gateway.at("spec.maxReplicas").text(), is("8"));
        assertThat(gateway.at("spec.metrics").items().get(1).at("resource.name").text(), is("memory"));
        // services without an autoscaler keep their replica count
        assertThat(manifests.get("Deployment", "vt-workers").at("spec.replicas").text(), is("2"));
        assertThat(manifests.get("Deployment", "vt-ltm").at("spec.replicas").text(), is("2"));
    }
}
