package dev.freeagent.vtuber.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Kubernetes objects one {@code helm template} rendered.
 *
 * @param objects every non-empty YAML document of the output
 */
record Manifests(List<Node> objects) {

    /**
     * Parses the multi-document output of {@code helm template}.
     *
     * @param rendered the YAML text
     * @return the objects
     */
    static Manifests parse(String rendered) {
        List<Node> objects = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(rendered)) {
            if (document != null) {
                objects.add(new Node(document));
            }
        }
        return new Manifests(List.copyOf(objects));
    }

    /**
     * The objects of one kind.
     *
     * @param kind e.g. {@code "Service"}
     * @return them, in rendering order
     */
    List<Node> ofKind(String kind) {
        return objects.stream().filter(object -> kind.equals(object.at("kind").text())).toList();
    }

    /**
     * The object of a kind and name, if rendered.
     *
     * @param kind its kind
     * @param name its metadata.name
     * @return the object
     */
    Optional<Node> find(String kind, String name) {
        return ofKind(kind).stream().filter(object -> name.equals(object.at("metadata.name").text())).findFirst();
    }

    /**
     * The object of a kind and name, which must have been rendered.
     *
     * @param kind its kind
     * @param name its metadata.name
     * @return the object
     */
    Node get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " named " + name + " was rendered"));
    }

    /**
     * The workload of one of the six services, named {@code vt-<service>}: a Deployment, or dialog's StatefulSet.
     *
     * @param service e.g. {@code "dialog"}
     * @return the workload
     */
    Node workloadOf(String service) {
        String name = HelmChart.RELEASE + "-" + service;
        return find("Deployment", name).or(() -> find("StatefulSet", name))
                .orElseThrow(() -> new AssertionError("no workload named " + name + " was rendered"));
    }

    /**
     * The one container of one of the six services' pods.
     *
     * @param service e.g. {@code "dialog"}
     * @return the container
     */
    Node containerOf(String service) {
        return workloadOf(service).onlyContainer();
    }

    /**
     * The Deployments and StatefulSets.
     *
     * @return every workload
     */
    List<Node> workloads() {
        return Stream.concat(ofKind("Deployment").stream(), ofKind("StatefulSet").stream()).toList();
    }
}
