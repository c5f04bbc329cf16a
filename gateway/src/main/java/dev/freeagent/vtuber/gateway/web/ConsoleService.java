package dev.freeagent.vtuber.gateway.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The web console at {@code /console/}: a fixed list of files from the classpath folder {@code console/}, read once
 * at start. A name that is not on the list is 404, so no client input ever becomes a path and nothing else on the
 * classpath can be reached. {@code /console} redirects to {@code console/} so the page's relative links (its
 * scripts, {@code ../ws/input}, {@code ../health}) also work behind a reverse proxy that adds a path prefix.
 *
 * <p>Every response says {@code Cache-Control: no-cache} with a strong {@code ETag}: the file names carry no
 * version, so a browser must ask each time, and an unchanged file costs a 304 without a body. Thread-safe and
 * immutable.
 */
public final class ConsoleService implements HttpService {
    /** The files of the console; the first is the page itself. */
    static final List<String> FILES = List.of(
            "index.html", "console.css", "icon.svg",
            "app.js", "chat.js", "conversation.js", "transcript.js", "turn.js", "pcm-player.js", "recorder.js",
            "health.js", "wording.js");
    private static final String FOLDER = "console/";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml");
    // the page talks only to its own origin: CSP 'self' covers same-origin ws:/wss: too
    private static final String PAGE_POLICY = "default-src 'self'; connect-src 'self'; img-src 'self' blob: data:; "
            + "media-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static final HeaderName CONTENT_SECURITY_POLICY = HeaderNames.create("Content-Security-Policy");
    private static final HeaderName REFERRER_POLICY = HeaderNames.create("Referrer-Policy");

    private final Map<String, ConsoleFile> files;

    private ConsoleService(Map<String, ConsoleFile> files) {
        this.files = files;
    }

    /**
     * Reads the console's files from the classpath.
     *
     * @return the service
     * @throws IllegalStateException when a file of the list is missing from the build
     */
    public static ConsoleService create() {
        return new ConsoleService(FILES.stream()
                .collect(Collectors.toUnmodifiableMap(Function.identity(), ConsoleService::read)));
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/console", this::redirect)
                .get("/console/", (req, res) -> send(FILES.getFirst(), req, res))
                .get("/console/{name}", (req, res) -> send(req.path().pathParameters().get("name"), req, res));
    }

    private void redirect(ServerRequest req, ServerResponse res) {
        // relative, so a proxy's path prefix is kept
        res.status(Status.MOVED_PERMANENTLY_301).header(HeaderNames.LOCATION, "console/").send();
    }

    private void send(String name, ServerRequest req, ServerResponse res) {
        ConsoleFile file = files.get(name);
        if (file == null) {
            res.status(Status.NOT_FOUND_404).header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                    .send("The console has no file of that name.");
            return;
        }
        res.header(HeaderNames.CACHE_CONTROL, "no-cache")
                .header(HeaderNames.ETAG, file.etag())
                .header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
        if (name.endsWith(".html")) {
            res.header(CONTENT_SECURITY_POLICY, PAGE_POLICY).header(REFERRER_POLICY, "no-referrer");
        }
        if (file.matches(req.headers().first(HeaderNames.IF_NONE_MATCH))) {
            res.status(Status.NOT_MODIFIED_304).send();
            return;
        }
        res.header(HeaderNames.CONTENT_TYPE, file.contentType()).send(file.bytes());
    }

    private static ConsoleFile read(String name) {
        try (InputStream in = ConsoleService.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("The console file " + FOLDER + name + " is missing from the build.");
            }
            byte[] bytes = in.readAllBytes();
            String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
            return new ConsoleFile(bytes, type, "\"" + HexFormat.of().formatHex(sha256(bytes), 0, 16) + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException("The console file " + FOLDER + name + " could not be read.", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256.", e);
        }
    }

    /**
     * One file as served.
     *
     * @param bytes the content
     * @param contentType its media type
     * @param etag a strong entity tag (quoted)
     */
    private record ConsoleFile(byte[] bytes, String contentType, String etag) {
        // If-None-Match may list several tags, or '*'; weak comparison applies (RFC 9110 §13.1.2)
        boolean matches(Optional<String> ifNoneMatch) {
            return ifNoneMatch.stream()
                    .flatMap(header -> java.util.Arrays.stream(header.split(",")))
                    .map(String::strip)
                    .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                    .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
        }
    }
}
