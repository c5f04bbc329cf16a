package dev.freeagent.vtuber.k8s;

import java.util.List;
import java.util.Map;

/**
 * One value of a rendered manifest (a map, a list or a scalar, possibly absent), navigated without null checks so
 * that assertions read like paths.
 *
 * @param value the parsed YAML value, or {@code null} when absent
 */
record Node(Object value) {

    /**
     * The value under a dotted path of map keys, e.g. {@code "spec.template.spec"}.
     *
     * @param path keys separated by dots
     * @return the value there, absent if any step is missing
     */
    Node at(String path) {
        Node node = this;
        for (String key : path.split("\\.")) {
            node = node.value instanceof Map<?, ?> map ? new Node(map.get(key)) : new Node(null);
        }
        return node;
    }

    /**
     * The elements of a list value.
     *
     * @return the elements; empty when this is not a list
     */
    List<Node> items() {
        return value instanceof List<?> list ? list.stream().map(Node::new).toList() : List.of();
    }

    /**
     * The keys and values of a map value.
     *
     * @return the map; empty when this is not a map
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> map() {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /**
     * The value as text.
     *
     * @return its string form, or {@code null} when absent
     */
    String text() {
        return value == null ? null : String.valueOf(value);
    }

    /**
     * Whether a value is there.
     *
     * @return true when present
     */
    boolean present() {
        return value != null;
    }

    /**
     * The element of a list of named objects (containers, env variables, ports) with this name.
     *
     * @param name the value of the elements' {@code name} key
     * @return the element, absent if none has that name
     */
    Node named(String name) {
        return items().stream().filter(item -> name.equals(item.at("name").text())).findFirst().orElse(new Node(null));
    }

    /**
     * The one container of a workload's pod template.
     *
     * @return the container
     */
    Node onlyContainer() {
        List<Node> containers = at("spec.template.spec.containers").items();
        if (containers.size() != 1) {
            throw new AssertionError(at("metadata.name").text() + " has " + containers.size() + " containers, not one");
        }
        return containers.getFirst();
    }
}
