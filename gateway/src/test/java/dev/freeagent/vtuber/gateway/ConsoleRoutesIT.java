package dev.freeagent.vtuber.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.freeagent.vtuber.gateway.web.ConsoleService;

import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * The console's files over a real socket: the redirect, content types, caching, the page's security headers, and
 * that nothing outside the console's list can be fetched.
 */
class ConsoleRoutesIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    // relative references in the page (href/src) and in the modules (import ... from './x.js')
    private static final Pattern PAGE_REFERENCE = Pattern.compile("(?:href|src)=\"([^\"#:]+)\"");
    private static final Pattern MODULE_IMPORT = Pattern.compile("from '\\./([^']+)'");

    private static WebServer server;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @BeforeAll
    static void start() {
        server = WebServer.builder().host("127.0.0.1").port(0)
                .routing(http -> http.register(ConsoleService.create()))
                .build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void redirectsTheBarePathToTheFolderRelatively() throws Exception {
        HttpResponse<String> response = get("/console");

        assertThat(response.statusCode(), is(301));
        assertThat(response.headers().firstValue("location").orElse(""), is("console/"));
    }

    @Test
    void servesThePageWithItsSecurityHeadersAndNoCacheRevalidation() throws Exception {
        HttpResponse<String> page = get("/console/");

        assertThat(page.statusCode(), is(200));
        assertThat(page.headers().firstValue("content-type").orElse(""), is("text/html; charset=utf-8"));
        assertThat(page.headers().firstValue("cache-control").orElse(""), is("no-cache"));
        assertThat(page.headers().firstValue("etag").orElse(""), startsWith("\""));
        assertThat(page.headers().firstValue("x-content-type-options").orElse(""), is("nosniff"));
        assertThat(page.headers().firstValue("content-security-policy").orElse(""), containsString("default-src 'self'"));
        assertThat(page.body(), containsString("<title>VTuber console</title>"));
        assertThat(get("/console/index.html").body(), is(page.body()));
    }

    @Test
    void servesEachFileWithItsMediaType() throws Exception {
        assertThat(get("/console/app.js").headers().firstValue("content-type").orElse(""),
                is("text/javascript; charset=utf-8"));
        assertThat(get("/console/console.css").headers().firstValue("content-type").orElse(""),
                is("text/css; charset=utf-8"));
        assertThat(get("/console/icon.svg").headers().firstValue("content-type").orElse(""), is("image/svg+xml"));
    }

    @Test
    void answersNotModifiedToAMatchingEntityTag() throws Exception {
        String etag = get("/console/turn.js").headers().firstValue("etag").orElseThrow();

        HttpResponse<String> again = get("/console/turn.js", "If-None-Match", "\"other\", " + etag);
        HttpResponse<String> changed = get("/console/turn.js", "If-None-Match", "\"other\"");

        assertThat(again.statusCode(), is(304));
        assertThat(again.body(), is(""));
        assertThat(again.headers().firstValue("etag").orElse(""), is(etag));
        assertThat(changed.statusCode(), is(200));
        assertThat(changed.body(), not(is("")));
    }

    @Test
    void refusesEveryNameThatIsNotAConsoleFile() throws Exception {
        for (String path : List.of("/console/gateway.yaml", "/console/..%2Fgateway.yaml", "/console/%2e%2e/gateway.yaml",
                "/console/dev/freeagent/vtuber/gateway/Main.class", "/console/console/app.js", "/console/APP.JS",
                "/console/app.js%00.html", "/console/.env", "/console/logging.properties")) {
            HttpResponse<String> response = get(path);
            assertThat(path, response.statusCode(), is(404));
            assertThat(path, response.body(), not(containsString("gateway:")));
        }
    }

    @Test
    void everyFileThePageAndItsModulesReferToIsServed() throws Exception {
        Set<String> referenced = new LinkedHashSet<>(references(resource("index.html"), PAGE_REFERENCE));
        for (String module : List.copyOf(referenced)) {
            if (module.endsWith(".js")) {
                collectImports(module, referenced);
            }
        }

        for (String name : referenced) {
            assertThat(name, get("/console/" + name).statusCode(), is(200));
        }
        assertThat(referenced.toString(), referenced.contains("wording.js"), is(true));
    }

    private static void collectImports(String module, Set<String> seen) throws IOException {
        for (String imported : references(resource(module), MODULE_IMPORT)) {
            if (seen.add(imported)) {
                collectImports(imported, seen);
            }
        }
    }

    private static List<String> references(String text, Pattern pattern) {
        Matcher matcher = pattern.matcher(text);
        return matcher.results().map(result -> result.group(1)).toList();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ConsoleService.class.getClassLoader().getResourceAsStream("console/" + name)) {
            assertThat("console/" + name + " exists", in != null, is(true));
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(TIMEOUT);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
