package dev.freeagent.vtuber.gateway.proxy;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.freeagent.vtuber.common.server.ConnectionEnd;

import io.helidon.common.buffers.BufferData;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.http.WritableHeaders;
import io.helidon.websocket.WsCloseCodes;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;

/**
 * The client side of one proxied connection. Helidon calls it on the connection's own virtual thread, one
 * frame at a time; each frame is handed to the backend before the next is read, which keeps order and makes a
 * slow backend slow down the client.
 *
 * <p>The backend is opened inside {@link #onOpen}: the client socket is already accepted (contract §2.1), and
 * frames the client sends meanwhile wait, in order, in the socket's bounded receive buffer until the backend is
 * open.
 */
final class ClientListener implements WsListener {
    private static final System.Logger LOG = System.getLogger(ClientListener.class.getName());

    private final ProxyEndpoint endpoint;
    private URI target;
    private Map<String, String> handshakeHeaders = Map.of();
    private volatile ProxyConnection connection;

    ClientListener(ProxyEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers) {
        target = endpoint.target(prologue.uriPath().path(), prologue.query().first(ProxyEndpoint.STREAM_OPTION)
                .asOptional());
        if (!endpoint.identifiesVisitor()) {
            return Optional.empty();
        }
        Visitor visitor = Visitor.from(headers.all(HeaderNames.COOKIE, List::of));
        handshakeHeaders = Map.of(Visitor.HEADER, visitor.id());
        if (!visitor.issued()) {
            return Optional.empty();
        }
        WritableHeaders<?> response = WritableHeaders.create();
        response.set(HeaderNames.SET_COOKIE, visitor.setCookie());
        return Optional.of(response);
    }

    @Override
    public void onOpen(WsSession session) {
        ProxyConnection opened = ProxyConnection.open(endpoint.type(), session, endpoint.registry());
        connection = opened;
        ConnectionEnd.onEnd("gateway-watch-" + opened.ticket().id(), opened::close);
        if (opened.isClosed()) {
            // the gateway is shutting down and refused it
            return;
        }
        try {
            opened.attach(endpoint.dialer().open(target, handshakeHeaders, endpoint.type(), opened));
        } catch (BackendDialer.BackendUnavailableException e) {
            LOG.log(Level.INFO, opened.ticket().id() + ": " + e.getMessage() + " (" + target + ")");
            opened.backendUnavailable(WsCloseCodes.UNEXPECTED_CONDITION, e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, opened.ticket().id() + ": could not dial " + target, e);
            opened.backendUnavailable(WsCloseCodes.UNEXPECTED_CONDITION,
                    "Proxy error: " + BackendDialer.describe(e, endpoint.type()));
        }
    }

    @Override
    public void onMessage(WsSession session, String text, boolean last) {
        connection.toBackend(text, last);
    }

    @Override
    public void onMessage(WsSession session, BufferData buffer, boolean last) {
        connection.toBackend(ByteBuffer.wrap(buffer.readBytes()), last);
    }

    @Override
    public void onClose(WsSession session, int status, String reason) {
        close();
    }

    @Override
    public void onError(WsSession session, Throwable t) {
        LOG.log(Level.DEBUG, "client socket failed", t);
        close();
    }

    private void close() {
        ProxyConnection current = connection;
        if (current != null) {
            current.close();
        }
    }
}
