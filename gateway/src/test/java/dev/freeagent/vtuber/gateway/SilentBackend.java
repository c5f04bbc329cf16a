package dev.freeagent.vtuber.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A backend that accepts one WebSocket and then never says a word: it reads what the gateway sends but answers
 * nothing, not even a close frame. It records whether a close frame came and when its socket reached its end.
 */
final class SilentBackend implements AutoCloseable {
    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int CLOSE_FRAME = 0x88;

    private final ServerSocket server;
    private final CompletableFuture<Void> opened = new CompletableFuture<>();
    private final CompletableFuture<Boolean> ended = new CompletableFuture<>();

    private SilentBackend(ServerSocket server) {
        this.server = server;
        Thread.ofVirtual().name("silent-backend").start(this::serveOne);
    }

    static SilentBackend start() throws IOException {
        return new SilentBackend(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
    }

    String url() {
        return "ws://127.0.0.1:" + server.getLocalPort();
    }

    /** Waits (bounded) until the gateway's WebSocket handshake was answered. */
    void awaitOpened() {
        opened.orTimeout(TestSocket.WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /**
     * Waits (bounded) until the socket reached its end.
     *
     * @return whether a close frame came before the end
     */
    boolean awaitEnd() {
        return ended.orTimeout(TestSocket.WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void serveOne() {
        try (Socket socket = server.accept()) {
            InputStream in = socket.getInputStream();
            String key = header(readHead(in), "sec-websocket-key");
            socket.getOutputStream().write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Accept: " + accept(key) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            opened.complete(null);
            // the first byte of each frame the gateway sends (frames here are tiny: one read holds one frame)
            boolean closeFrame = false;
            byte[] buffer = new byte[1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                closeFrame |= n > 0 && (buffer[0] & 0xFF) == CLOSE_FRAME;
            }
            ended.complete(closeFrame);
        } catch (IOException e) {
            // a reset also ends the socket
            ended.complete(false);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("handshake cut short");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static String header(String head, String name) {
        return head.lines()
                .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(name + ":"))
                .map(line -> line.substring(name.length() + 1).trim())
                .findFirst()
                .orElseThrow();
    }

    private static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
