package dev.freeagent.vtuber.output.web;

import dev.freeagent.vtuber.common.server.Uuids;

import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Refuses {@code /ws/output/{task_id}} with 403 when the id is not a UUID (contract §4.1: the original
 * closed before accept, which its server sent as HTTP 403). Helidon 4.5 routes WebSocket upgrades
 * through the HTTP filters first, and answers a {@code WsUpgradeException} with 400, so the check lives
 * here.
 */
public final class TaskIdFilter implements Filter {
    static final String PREFIX = "/ws/output/";

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.prologue().uriPath().path();
        if (path.startsWith(PREFIX) && !valid(path.substring(PREFIX.length()))) {
            res.status(Status.FORBIDDEN_403).send();
            return;
        }
        chain.proceed();
    }

    static boolean valid(String taskId) {
        return !taskId.contains("/") && Uuids.parse(taskId).isPresent();
    }
}
