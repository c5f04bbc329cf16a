package dev.freeagent.vtuber.gateway.web;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * CORS as the original configured it (contract §2): the listed origins, credentials allowed, every method and
 * every requested header. A request from a listed origin gets {@code Access-Control-Allow-Origin: <origin>}; a
 * preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}) is answered here; other origins get no
 * CORS headers (and a preflight from them gets 400, as Starlette answers).
 *
 * @param origins the allowed origins, exactly as browsers send them
 */
public record CorsFilter(Set<String> origins) implements Filter {
    private static final String ALL_METHODS = "DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT";

    /**
     * Creates the filter.
     *
     * @param origins the allowed origins
     * @return the filter
     */
    public static CorsFilter of(List<String> origins) {
        return new CorsFilter(Set.copyOf(origins));
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        Optional<String> origin = req.headers().first(HeaderNames.ORIGIN);
        boolean allowed = origin.filter(origins::contains).isPresent();
        boolean preflight = req.prologue().method() == Method.OPTIONS
                && req.headers().contains(HeaderNames.ACCESS_CONTROL_REQUEST_METHOD) && origin.isPresent();
        if (allowed) {
            res.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin.get());
            res.header(HeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
            res.header(HeaderNames.VARY, "Origin");
        }
        if (!preflight) {
            chain.proceed();
            return;
        }
        if (!allowed) {
            res.status(Status.BAD_REQUEST_400).send("Disallowed CORS origin");
            return;
        }
        res.header(HeaderNames.ACCESS_CONTROL_ALLOW_METHODS, ALL_METHODS);
        req.headers().first(HeaderNames.ACCESS_CONTROL_REQUEST_HEADERS)
                .ifPresent(requested -> res.header(HeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, requested));
        res.header(HeaderNames.ACCESS_CONTROL_MAX_AGE, "600");
        res.status(Status.OK_200).send("OK");
    }
}
