package dev.freeagent.vtuber.gateway.health;

import java.net.URI;

/**
 * A service whose readiness the gateway asks.
 *
 * @param name the name reported ({@code input}, {@code output}, …)
 * @param readiness its readiness endpoint
 */
public record ProbedService(String name, URI readiness) {
    /** Where every service of the system answers its Kubernetes readiness probe. */
    static final String READINESS_PATH = "/observe/health/ready";

    /**
     * A service at an HTTP base URL.
     *
     * @param name the name reported
     * @param httpBase the service's HTTP base URL, without a trailing slash
     * @return the service
     */
    public static ProbedService at(String name, String httpBase) {
        return new ProbedService(name, URI.create(httpBase + READINESS_PATH));
    }
}
