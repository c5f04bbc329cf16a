package dev.freeagent.vtuber.dialog.asr;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small OpenAI-compatible transcription server on loopback ({@code POST /v1/audio/transcriptions}): it parses the
 * multipart form, records each upload, and answers with a configured status and body, optionally only after the
 * test releases it.
 */
public final class FakeTranscriptionServer implements AutoCloseable {
    private final HttpServer server;
    private final BlockingQueue<Upload> uploads = new LinkedBlockingQueue<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile int status = 200;
    private volatile String body = "{\"text\":\"hello\"}";
    private volatile boolean held;

    private FakeTranscriptionServer(HttpServer server) {
        this.server = server;
    }

    /**
     * Starts the server on a free loopback port.
     *
     * @return the running server
     * @throws IOException when it cannot listen
     */
    public static FakeTranscriptionServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        FakeTranscriptionServer fake = new FakeTranscriptionServer(server);
        server.createContext("/", fake::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return fake;
    }

    /**
     * The base URL to configure as ASR_OPENAI_BASE_URL.
     *
     * @return e.g. {@code http://127.0.0.1:40123/v1}
     */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /**
     * Answers every request with this status and JSON body.
     *
     * @param status the HTTP status
     * @param body the body
     * @return this
     */
    public FakeTranscriptionServer answer(int status, String body) {
        this.status = status;
        this.body = body;
        return this;
    }

    /** Holds every answer until {@link #close()}. */
    FakeTranscriptionServer hold() {
        held = true;
        return this;
    }

    /** The next upload received, waiting for it. */
    Upload nextUpload() throws InterruptedException {
        Upload upload = uploads.poll(10, TimeUnit.SECONDS);
        if (upload == null) {
            throw new AssertionError("no upload arrived");
        }
        return upload;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] request = exchange.getRequestBody().readAllBytes();
            uploads.add(Upload.parse(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Content-Length"), request));
            if (held) {
                release.await(30, TimeUnit.SECONDS);
            }
            byte[] answer = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }

    /**
     * One received request.
     *
     * @param request method and path
     * @param authorization the Authorization header, or null
     * @param contentLength the Content-Length header, or null when the body was chunked
     * @param fields the text fields by name
     * @param fileName the file part's file name
     * @param fileType the file part's content type
     * @param file the file part's bytes
     */
    record Upload(String request, String authorization, String contentLength, Map<String, String> fields,
                  String fileName, String fileType, byte[] file) {
        static Upload parse(String request, String authorization, String contentType, String contentLength,
                            byte[] body) {
            String boundary = contentType.substring(contentType.indexOf("boundary=") + "boundary=".length());
            // ISO-8859-1 maps every byte to one char, so binary parts survive the round trip
            String text = new String(body, StandardCharsets.ISO_8859_1);
            if (!text.endsWith("--" + boundary + "--\r\n")) {
                throw new AssertionError("the form is not closed by its final boundary");
            }
            Map<String, String> fields = new LinkedHashMap<>();
            String fileName = null;
            String fileType = null;
            byte[] file = null;
            for (String part : text.split("--" + boundary)) {
                if (part.isEmpty() || part.equals("--\r\n")) {
                    continue;
                }
                String content = part.substring(2, part.length() - 2);
                int split = content.indexOf("\r\n\r\n");
                String headers = content.substring(0, split);
                String value = content.substring(split + 4);
                String name = between(headers, "name=\"", "\"");
                if (headers.contains("filename=\"")) {
                    fileName = between(headers, "filename=\"", "\"");
                    fileType = between(headers, "Content-Type: ", "\r\n");
                    file = value.getBytes(StandardCharsets.ISO_8859_1);
                } else {
                    fields.put(name, new String(value.getBytes(StandardCharsets.ISO_8859_1),
                            StandardCharsets.UTF_8));
                }
            }
            return new Upload(request, authorization, contentLength, fields, fileName, fileType, file);
        }

        private static String between(String text, String start, String end) {
            int from = text.indexOf(start) + start.length();
            int to = text.indexOf(end, from);
            return to < 0 ? text.substring(from) : text.substring(from, to);
        }
    }
}
