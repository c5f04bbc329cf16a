package dev.freeagent.vtuber.k8s;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

/**
 * Services, ports, the Ingress, and how the services find each other.
 */
class NetworkingTest {
    private static final String H2C = "kubernetes.io/h2c";
    /** The services that register gRPC services (besides health and reflection, workers has only those). */
    private static final List<String> GRPC_SERVICES = List.of("output", "dialog", "ltm", "workers");

    @ParameterizedTest
    @FieldSource("dev.freeagent.vtuber.k8s.HelmChart#SCENARIOS")
    void grpcServicePortsSpeakH2cToTheServicesOnePort(String scenario) {
        Manifests manifests = HelmChart.renderScenario(scenario);

        for (String service : HelmChart.SERVICES) {
            Node ports = manifests.get("Service", HelmChart.RELEASE + "-" + service).at("spec.ports");
            assertThat(service, ports.named("http").at("targetPort").text(), is("http"));
            Node grpc = ports.named("grpc");
            assertThat(service + " has a grpc port", grpc.present(), is(GRPC_SERVICES.contains(service)));
            if (grpc.present()) {
                assertThat(service, grpc.at("appProtocol").text(), is(H2C));
                // the Service port maps onto the container port that serves HTTP and gRPC alike
                assertThat(service, grpc.at("targetPort").text(), is("http"));
                assertThat(manifests.containerOf(service).at("ports").named("http").present(), is(true));
            }
        }
        for (Node service : manifests.ofKind("Service")) {
            List<Node> ports = service.at("spec.ports").items();
            for (Node port : ports) {
                if (port.at("name").text().startsWith("grpc")) {
                    assertThat(service.at("metadata.name").text(), port.at("appProtocol").text(), is(H2C));
                }
            }
            Set<String> numbers = ports.stream().map(port -> port.at("port").text()).collect(Collectors.toSet());
            assertThat("Kubernetes refuses a Service with two ports of one number", numbers.size(), is(ports.size()));
        }
    }

    @ParameterizedTest
    @FieldSource("dev.freeagent.vtuber.k8s.HelmChart#SCENARIOS")
    void onlyTheGatewayCanBeExposed(String scenario) {
        Manifests manifests = HelmChart.renderScenario(scenario);

        for (Node service : manifests.ofKind("Service")) {
            String name = service.at("metadata.name").text();
            if (!name.equals("vt-gateway")) {
                assertThat(name, service.at("spec.type").text(), is("ClusterIP"));
            }
        }
        for (Node ingress : manifests.ofKind("Ingress")) {
            for (Node rule : ingress.at("spec.rules").items()) {
                for (Node path : rule.at("http.paths").items()) {
                    assertThat(path.at("backend.service.name").text(), is("vt-gateway"));
                    assertThat(path.at("backend.service.port.name").text(), is("http"));
                }
            }
        }
    }

    @Test
    void theGatewayServiceTypeIsConfigurableAndNoOtherIs() {
        Manifests manifests = HelmChart.render(Map.of("gateway.service.type", "NodePort",
                "gateway.service.nodePort", 30080, "output.service.type", "LoadBalancer"));

        Node gateway = manifests.get("Service", "vt-gateway");
        assertThat(gateway.at("spec.type").text(), is("NodePort"));
        assertThat(gateway.at("spec.ports").named("http").at("nodePort").text(), is("30080"));
        assertThat(manifests.get("Service", "vt-output").at("spec.type").text(), is("ClusterIP"));
        assertThat(HelmChart.render("ha.yaml").get("Service", "vt-gateway").at("spec.type").text(), is("LoadBalancer"));
    }

    @Test
    void theIngressIsOffByDefaultAndCarriesWebSocketsWhenOn() {
        assertThat(HelmChart.render().ofKind("Ingress"), is(empty()));

        Node ingress = HelmChart.render("ha.yaml").get("Ingress", "vt-gateway");

        assertThat(ingress.at("spec.ingressClassName").text(), is("nginx"));
        Map<String, Object> annotations = ingress.at("metadata.annotations").map();
        assertThat(annotations.get("nginx.ingress.kubernetes.io/proxy-read-timeout"), is("3600"));
        assertThat(annotations.get("nginx.ingress.kubernetes.io/proxy-send-timeout"), is("3600"));
        assertThat(ingress.at("spec.rules").items().getFirst().at("host").text(), is("vtuber.example.com"));
        assertThat(ingress.at("spec.tls").items().getFirst().at("secretName").text(), is("vtuber-tls"));
    }

    @ParameterizedTest
    @FieldSource("dev.freeagent.vtuber.k8s.HelmChart#SCENARIOS")
    void everyServiceAddressInTheEnvironmentNamesARenderedServicePort(String scenario) {
        Manifests manifests = HelmChart.renderScenario(scenario);

        for (String service : HelmChart.SERVICES) {
            for (Node variable : manifests.containerOf(service).at("env").items()) {
                String value = variable.at("value").text();
                if (value != null && value.startsWith("http://")) {
                    URI uri = URI.create(value);
                    Node target = manifests.find("Service", uri.getHost()).orElseThrow(() -> new AssertionError(
                            service + " " + variable.at("name").text() + " names no rendered Service: " + value));
                    List<String> ports = target.at("spec.ports").items().stream().map(port -> port.at("port").text())
                            .toList();
                    assertThat(service + " " + variable.at("name").text(), ports, hasItem(String.valueOf(uri.getPort())));
                }
            }
        }
    }

    @Test
    void grpcClientsDialGrpcPortsAndWebSocketProxiesDialHttpPorts() {
        Manifests manifests = HelmChart.render();
        Node gateway = manifests.containerOf("gateway").at("env");
        Node input = manifests.containerOf("input").at("env");

        assertThat(gateway.named("INPUT_HANDLER_URL").at("value").text(), is("http://vt-input:8001"));
        // the gateway proxies /ws/output there and sends STOP over gRPC on the same address
        assertThat(gateway.named("OUTPUT_HANDLER_URL").at("value").text(), is("http://vt-output:8002"));
        assertThat(gateway.named("DIALOG_ENGINE_URL").at("value").text(), is("http://vt-dialog:9100"));
        assertThat(input.named("DIALOG_ENGINE_URL").at("value").text(), is("http://vt-dialog:9100"));
        for (String service : List.of("dialog", "workers")) {
            assertThat(service, manifests.containerOf(service).at("env").named("LTM_BASE_URL").at("value").text(),
                    is("http://vt-ltm:9003"));
        }
    }

    @ParameterizedTest
    @FieldSource("dev.freeagent.vtuber.k8s.HelmChart#SCENARIOS")
    void outputAdvertisesItsPodAddressForSessionRouting(String scenario) {
        Manifests manifests = HelmChart.renderScenario(scenario);
        Node output = manifests.containerOf("output");
        List<String> names = output.at("env").items().stream().map(variable -> variable.at("name").text()).toList();
        Node env = output.at("env");

        assertThat(env.named("POD_IP").at("valueFrom.fieldRef.fieldPath").text(), is("status.podIP"));
        String port = output.at("ports").named("http").at("containerPort").text();
        assertThat(env.named("OUTPUT_ADVERTISE_ADDRESS").at("value").text(), is("$(POD_IP):" + port));
        // Kubernetes expands $(POD_IP) only from variables defined earlier in the list
        assertThat(names.indexOf("POD_IP"), lessThan(names.indexOf("OUTPUT_ADVERTISE_ADDRESS")));
        for (String service : HelmChart.SERVICES) {
            if (!service.equals("output")) {
                assertThat(service, manifests.containerOf(service).at("env").named("OUTPUT_ADVERTISE_ADDRESS")
                        .present(), is(false));
            }
        }
    }

    @Test
    void dialogPodsHaveStableNamesThroughTheirGoverningService() {
        Manifests manifests = HelmChart.render();
        Node dialog = manifests.get("StatefulSet", "vt-dialog");

        Node headless = manifests.get("Service", dialog.at("spec.serviceName").text());
        assertThat(headless.at("spec.clusterIP").text(), is("None"));
        assertThat(headless.at("spec.selector").map(), is(dialog.at("spec.selector.matchLabels").map()));
        assertThat(manifests.ofKind("Service").stream().map(service -> service.at("spec.type").text()).toList(),
                everyItem(not(is("LoadBalancer"))));
    }
}
