package dev.freeagent.vtuber.gateway.proxy;

import java.net.URI;
import java.util.Optional;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;

/**
 * The proxy's small pure parts: visitor cookies, backend paths, close reasons.
 */
class ProxyUnitsTest {
    @Test
    void readsTheVisitorFromAnyCookieHeader() {
        String id = UUID.randomUUID().toString();
        Visitor visitor = Visitor.from(List.of("a=1", "theme=dark;vtuber_visitor=" + id.toUpperCase()));

        assertThat(visitor, is(new Visitor(id, false)));
    }

    @Test
    void readsAQuotedVisitorCookieAsTheJdkCookieManagerSendsIt() {
        String id = UUID.randomUUID().toString();
        Visitor visitor = Visitor.from(List.of("$Version=\"1\"; vtuber_visitor=\"" + id + "\"; $Path=\"/\""));

        assertThat(visitor, is(new Visitor(id, false)));
    }

    @Test
    void issuesANewVisitorForAMissingOrMalformedCookie() {
        for (List<String> headers : List.of(List.<String>of(), List.of("vtuber_visitor=1-2-3-4-5"),
                List.of("vtuber_visitor="), List.of("xvtuber_visitor=" + UUID.randomUUID()))) {
            Visitor visitor = Visitor.from(headers);
            assertThat(headers.toString(), visitor.issued(), is(true));
            assertThat(UUID.fromString(visitor.id()).toString(), is(visitor.id()));
        }
    }

    @Test
    void keepsTheTaskIdOneEncodedPathSegment() {
        ProxyEndpoint output = ProxyEndpoint.output("ws://out:8002", null, null);

        assertThat(output.target("/ws/output/abc-1", Optional.empty()),
                is(URI.create("ws://out:8002/ws/output/abc-1")));
        assertThat(output.target("/ws/output/../x y?z", Optional.empty()),
                is(URI.create("ws://out:8002/ws/output/%2E%2E%2Fx%20y%3Fz")));
        assertThat(ProxyEndpoint.input("ws://in:8001", null, null).target("/ws/input", Optional.of("1")),
                is(URI.create("ws://in:8001/ws/input")));
    }

    @Test
    void passesOnlyTheStreamOptionToOutputEncoded() {
        ProxyEndpoint output = ProxyEndpoint.output("ws://out:8002", null, null);

        assertThat(output.target("/ws/output/abc-1", Optional.of("1")),
                is(URI.create("ws://out:8002/ws/output/abc-1?stream=1")));
        assertThat(output.target("/ws/output/abc-1", Optional.of("1&x=../y")),
                is(URI.create("ws://out:8002/ws/output/abc-1?stream=1%26x%3D%2E%2E%2Fy")));
    }

    @Test
    void cutsCloseReasonsToFitAFrameWithoutSplittingCharacters() {
        String reason = "Proxy error: " + "声".repeat(60);
        String fitted = ProxyConnection.fit(reason);

        assertThat(fitted.getBytes(StandardCharsets.UTF_8).length, lessThanOrEqualTo(123));
        assertThat(reason.startsWith(fitted), is(true));
        assertThat(fitted, not(is(reason)));
        assertThat(ProxyConnection.fit("short"), is("short"));
    }

    @Test
    void describesBackendFailuresPlainly() {
        assertThat(BackendDialer.describe(new java.net.ConnectException("refused"), "input"),
                is("input service unavailable"));
        assertThat(BackendDialer.describe(new HttpTimeoutException("slow"), "output"),
                is("output service did not answer within 10 s"));
    }
}
